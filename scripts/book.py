#!/usr/bin/env python3
"""Builds the book: a static, offline HTML site from the chapters' texts (`make book`).

  book.py [OUT]            write the book to OUT (default dist/book); index.html is the contents
  book.py --check OUT      check a written book: well-formed XHTML, unique ids, every internal
                           link, anchor and image resolving, no network reference

One source: each chapter's page is its README.md, rendered by cmark-gfm (GitHub's CommonMark,
Debian package `cmark-gfm`); this script only adds what a page around it needs. Figures are
inlined as SVG (sharp, and their text searchable), the program's output blocks are styled as
output, with source-check verdicts coloured, and each output block links to the line of the
chapter's Swift source that prints it. Also: an introduction (the README), the exercises, every
source check grouped by article, the benchmarks, and a listing of each chapter's Swift files.
"""

import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXTENSIONS = ["table", "strikethrough", "autolink"]
VERDICT_MARKS = {"✓": "agrees", "✗": "disagrees", "?": "ambiguous"}

STYLE = """
:root { --text: #1d1d1f; --muted: #5f6368; --rule: #d9d9de; --code: #f5f5f7; --accent: #0b57d0;
        --agrees: #137333; --disagrees: #b3261e; --ambiguous: #8a5a00; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--text); background: #fff; line-height: 1.55;
       font-family: -apple-system, "Segoe UI", "DejaVu Sans", "Liberation Sans", Helvetica, Arial, sans-serif; }
a { color: var(--accent); }
.layout { display: flex; max-width: 78rem; margin: 0 auto; }
nav.outline { flex: 0 0 15rem; padding: 1.5rem 1rem; position: sticky; top: 0; align-self: flex-start;
              max-height: 100vh; overflow: auto; font-size: 0.9rem; border-right: 1px solid var(--rule); }
nav.outline ol { padding-left: 1.1rem; margin: 0.3rem 0; }
nav.outline li { margin: 0.2rem 0; }
main { flex: 1; min-width: 0; padding: 1.5rem 2.5rem 4rem; max-width: 56rem; }
header.bar, footer.bar { display: flex; justify-content: space-between; gap: 1rem; font-size: 0.9rem;
                         padding: 0.6rem 0; border-bottom: 1px solid var(--rule); margin-bottom: 1rem; }
footer.bar { border-top: 1px solid var(--rule); border-bottom: none; margin-top: 3rem; }
h1 { font-size: 2rem; line-height: 1.2; }
h2 { margin-top: 2.2rem; border-bottom: 1px solid var(--rule); padding-bottom: 0.2rem; }
code { font-family: "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace; font-size: 0.88em; }
pre { background: var(--code); padding: 0.8rem 1rem; overflow-x: auto; border-radius: 6px; line-height: 1.35; }
figure.output { margin: 1.2rem 0; border: 1px solid #c8d3e6; border-left: 4px solid #5b7db8; border-radius: 6px;
                background: #f7f9fd; }
figure.output figcaption { font-size: 0.8rem; color: var(--muted); padding: 0.35rem 0.8rem;
                           border-bottom: 1px solid #dde4f0; }
figure.output pre { background: transparent; margin: 0; border-radius: 0; }
.verdict-agrees { color: var(--agrees); font-weight: 600; }
.verdict-disagrees { color: var(--disagrees); font-weight: 600; }
.verdict-ambiguous { color: var(--ambiguous); font-weight: 600; }
figure.chart { margin: 1.5rem 0; text-align: center; }
figure.chart svg { max-width: 100%; height: auto; }
figure.chart svg image { image-rendering: pixelated; }  /* gnuplot's heatmaps: one pixel a cell, not blurred */
figure.chart figcaption { font-size: 0.9rem; color: var(--muted); }
table { border-collapse: collapse; margin: 1rem 0; font-size: 0.92rem; }
th, td { border: 1px solid var(--rule); padding: 0.3rem 0.6rem; vertical-align: top; }
th { background: var(--code); }
.listing td.line { color: var(--muted); text-align: right; user-select: none; border: none; padding: 0 0.8rem 0 0; }
.listing td.code { border: none; padding: 0; white-space: pre; font-family: "DejaVu Sans Mono", monospace;
                   font-size: 0.85rem; }
.listing tr:target { background: #fff3c4; }
.check { border: 1px solid var(--rule); border-radius: 6px; padding: 0.6rem 0.9rem; margin: 0.8rem 0; }
.check h3 { margin: 0 0 0.3rem; font-size: 1rem; }
.muted { color: var(--muted); }
"""


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def run_cmark(markdown):
    result = subprocess.run(["cmark-gfm", "--unsafe", "--to", "html"] + [a for e in EXTENSIONS for a in ("-e", e)],
                            input=markdown, capture_output=True, text=True, check=True)
    return result.stdout


def slug(text, taken):
    base = re.sub(r"[^\w\- ]", "", html.unescape(re.sub(r"<[^>]+>", "", text)).lower()).strip()
    base = re.sub(r"\s+", "-", base) or "section"
    name, n = base, 2
    while name in taken:
        name, n = f"{base}-{n}", n + 1
    taken.add(name)
    return name


class Page:
    """One page of the book: its file name, title, body HTML and outline."""

    def __init__(self, name, title, body, outline=(), kind="page"):
        self.name, self.title, self.body, self.outline, self.kind = name, title, body, list(outline), kind


class Book:
    def __init__(self, root, out):
        self.root, self.out = root, out
        self.chapters = sorted(d for d in os.listdir(os.path.join(root, "chapters"))
                               if re.match(r"\d\d-", d) and os.path.isfile(os.path.join(root, "chapters", d, "README.md")))
        self.svg_count = 0

    # ── Markdown to a page ───────────────────────────────────────────────────────────────

    def page_for(self, source):
        """The book page a repository file appears as, or None if it is not in the book."""
        source = os.path.normpath(source)
        match = re.match(r"chapters/(\d\d-[^/]+)/README\.md$", source)
        if match and match.group(1) in self.chapters:
            return match.group(1) + ".html"
        return {"README.md": "introduction.html", "chapters/EXERCISES.md": "exercises.html",
                "bench/RESULTS.md": "benchmarks.html", "chapters/AUDIT.md": "audit.html"}.get(source)

    def render(self, source, markdown, listing_links=None):
        """HTML of `markdown` (the file `source` of the repository): output blocks and figures
        swapped for placeholders before cmark-gfm and for their HTML after it, links rewritten to
        the book's pages, heading ids added. Returns (title, body, outline)."""
        blocks = []

        def output_block(match):
            cell, text = match.group(1), match.group(2)
            blocks.append(self.output_html(cell, text, listing_links or {}))
            return f"\n\nBOOKBLOCK{len(blocks) - 1}\n\n"

        markdown = re.sub(r"<!-- output: ([\w-]+) -->\n```text\n(.*?)\n```\n<!-- end output -->", output_block,
                          markdown, flags=re.S)

        def figure(match):
            alt, target = match.group(1), match.group(2)
            blocks.append(self.figure_html(source, alt, target))
            return f"\n\nBOOKBLOCK{len(blocks) - 1}\n\n"

        markdown = re.sub(r"^!\[([^\]]*)\]\(([^)\s]+)\)\s*$", figure, markdown, flags=re.M)
        body = run_cmark(markdown)
        body = re.sub(r"<p>BOOKBLOCK(\d+)</p>", lambda m: blocks[int(m.group(1))], body)
        body = self.rewrite_links(source, body)
        title_match = re.search(r"<h1>(.*?)</h1>", body, flags=re.S)
        title = html.unescape(re.sub(r"<[^>]+>", "", title_match.group(1))) if title_match else source
        taken, outline = set(), []

        def heading(match):
            level, inner = match.group(1), match.group(2)
            anchor = slug(inner, taken)
            if level in ("2", "3"):
                outline.append((int(level), anchor, html.unescape(re.sub(r"<[^>]+>", "", inner))))
            return f'<h{level} id="{anchor}">{inner}</h{level}>'

        body = re.sub(r"<h([1-6])>(.*?)</h\1>", heading, body, flags=re.S)
        return title, body, outline

    def output_html(self, cell, text, listing_links):
        lines = []
        for line in html.escape(text, quote=False).split("\n"):
            mark = line.lstrip()[:1]
            if mark in VERDICT_MARKS and "source check" in line:
                line = f'<span class="verdict-{VERDICT_MARKS[mark]}">{line}</span>'
            line = re.sub(r"→ (AGREES|DISAGREES|AMBIGUOUS)\b",
                          lambda m: f'→ <span class="verdict-{m.group(1).lower()}">{m.group(1)}</span>', line)
            lines.append(line)
        where = listing_links.get(cell) or listing_links.get(None)
        source = f' · <a href="{where[0]}">printed by {html.escape(where[1])}</a>' if where else ""
        return (f'<figure class="output" id="output-{cell}"><figcaption>program output · cell '
                f'<code>{html.escape(cell)}</code>{source}</figcaption><pre><code>{chr(10).join(lines)}</code></pre></figure>')

    def figure_html(self, source, alt, target):
        path = os.path.normpath(os.path.join(os.path.dirname(source), target))
        svg_path = os.path.join(self.root, os.path.splitext(path)[0] + ".svg")
        if os.path.isfile(svg_path):
            self.svg_count += 1
            return (f'<figure class="chart" role="img" aria-label="{html.escape(alt)}">'
                    f"{self.inline_svg(svg_path, f'f{self.svg_count}-')}"
                    f"<figcaption>{html.escape(alt)}</figcaption></figure>")
        image = self.copy_asset(path)
        return f'<figure class="chart"><img src="{image}" alt="{html.escape(alt)}" /><figcaption>{html.escape(alt)}</figcaption></figure>'

    def inline_svg(self, path, prefix):
        """An SVG file as an element of the page: no XML prolog, and its ids (and the references
        to them) prefixed, so that two figures on one page do not share an id."""
        with open(path, encoding="utf-8") as f:
            svg = f.read()
        svg = svg[svg.index("<svg"):]
        svg = re.sub(r"<title>.*?</title>", "", svg, flags=re.S)
        svg = re.sub(r"""\bid=(['"])""", lambda m: f"id={m.group(1)}{prefix}", svg)
        svg = re.sub(r"""(href=['"])#""", lambda m: f"{m.group(1)}#{prefix}", svg)
        svg = re.sub(r"url\(#", f"url(#{prefix}", svg)
        return svg.strip()

    def copy_asset(self, path):
        target = os.path.join("assets", path.replace("/", "-"))
        os.makedirs(os.path.join(self.out, "assets"), exist_ok=True)
        shutil.copyfile(os.path.join(self.root, path), os.path.join(self.out, target))
        return target

    def rewrite_links(self, source, body):
        """Links between the repository's Markdown files become links between the book's pages;
        a link to a file that is not in the book becomes its path, in code, unlinked."""
        def link(match):
            href, inner = match.group(1), match.group(2)
            if re.match(r"[a-z]+:", href) or href.startswith("#") or re.match(r"[\w.-]+\.html(#|$)", href):
                return match.group(0)  # elsewhere, on this page, or already a page of the book
            path, _, fragment = html.unescape(href).partition("#")
            target = os.path.normpath(os.path.join(os.path.dirname(source), path))
            page = self.page_for(target)
            if page:
                return f'<a href="{page}{"#" + fragment if fragment else ""}">{inner}</a>'
            listing = self.listing_page(target)
            if listing:
                return f'<a href="{listing}">{inner}</a>'
            return f'<span class="repository-file" title="{html.escape(target)} in the repository">{inner}</span>'

        return re.sub(r'<a href="([^"]*)">(.*?)</a>', link, body, flags=re.S)

    # ── Listings ─────────────────────────────────────────────────────────────────────────

    def swift_sources(self, chapter):
        folder = os.path.join(self.root, "chapters", chapter)
        return sorted(f for f in os.listdir(folder) if f.endswith(".swift"))

    def listing_page(self, path):
        match = re.match(r"chapters/(\d\d-[^/]+)/(\w+\.swift)$", path)
        if match and match.group(1) in self.chapters and os.path.isfile(os.path.join(self.root, path)):
            return f"src-{match.group(1)}-{match.group(2)}.html"
        return None

    def listing(self, chapter, name):
        with open(os.path.join(self.root, "chapters", chapter, name), encoding="utf-8") as f:
            lines = f.read().rstrip("\n").split("\n")
        rows = "".join(f'<tr id="L{i}"><td class="line"><a href="#L{i}">{i}</a></td>'
                       f'<td class="code">{html.escape(line, quote=False)}</td></tr>' for i, line in enumerate(lines, 1))
        body = (f"<h1>{html.escape(name)}</h1><p class=\"muted\">The Swift source of chapter "
                f'<a href="{chapter}.html">{chapter}</a>, <code>chapters/{chapter}/{name}</code>.</p>'
                f'<table class="listing"><tbody>{rows}</tbody></table>')
        return Page(self.listing_page(f"chapters/{chapter}/{name}"), f"{chapter}/{name}", body, kind="listing")

    def cell_sources(self, chapter):
        """Where each output cell of a chapter is written in its Swift source: cell id → (link, label)."""
        found = {}
        for name in self.swift_sources(chapter):
            with open(os.path.join(self.root, "chapters", chapter, name), encoding="utf-8") as f:
                for number, line in enumerate(f, 1):
                    for cell in re.findall(r'"([a-z0-9]+(?:-[a-z0-9]+)*)"', line):
                        if "cell" in line or "Cell" in line or "check" in line:
                            found.setdefault(cell, (f"{self.listing_page(f'chapters/{chapter}/{name}')}#L{number}",
                                                    f"{name}:{number}"))
        # A cell whose id the source builds (\(kind)) links to the chapter's main file, the one with @main.
        main = next((n for n in self.swift_sources(chapter) if "@main" in read(os.path.join(self.root, "chapters", chapter, n))),
                    self.swift_sources(chapter)[0])
        found[None] = (self.listing_page(f"chapters/{chapter}/{main}"), main)
        return found

    # ── Pages ────────────────────────────────────────────────────────────────────────────

    def chapter_page(self, chapter):
        source = f"chapters/{chapter}/README.md"
        with open(os.path.join(self.root, source), encoding="utf-8") as f:
            markdown = f.read()
        # A code span naming one of the chapter's Swift files links to its listing.
        title, body, outline = self.render(source, markdown, self.cell_sources(chapter))
        for name in self.swift_sources(chapter):
            body = re.sub(rf"<code>((?:chapters/{chapter}/)?{re.escape(name)})</code>",
                          lambda m: f'<a href="{self.listing_page(f"chapters/{chapter}/{name}")}"><code>{m.group(1)}</code></a>',
                          body)
        files = "".join(f'<li><a href="{self.listing_page(f"chapters/{chapter}/{n}")}"><code>{n}</code></a></li>'
                        for n in self.swift_sources(chapter))
        body += f'<h2 id="the-program">The program</h2><p>The Swift source of this chapter:</p><ul>{files}</ul>'
        outline.append((2, "the-program", "The program"))
        return Page(f"{chapter}.html", title, body, outline, kind="chapter")

    def markdown_page(self, source, name, transform=None):
        with open(os.path.join(self.root, source), encoding="utf-8") as f:
            markdown = f.read()
        if transform:
            markdown = transform(markdown)
        title, body, outline = self.render(source, markdown)
        return Page(name, title, body, outline)

    def source_checks_page(self):
        by_article = {}
        for chapter in self.chapters:
            path = os.path.join(self.root, "chapters", chapter, "results.json")
            if not os.path.isfile(path):
                continue
            with open(path, encoding="utf-8") as f:
                for check in json.load(f).get("source_checks", []):
                    by_article.setdefault(check["source"], []).append((chapter, check))
        counts = {v: sum(1 for checks in by_article.values() for _, c in checks if c["verdict"] == v)
                  for v in ("agrees", "disagrees", "ambiguous")}
        parts = [
            "<h1>Every source check</h1>",
            "<p>The chapters start from five articles, which contain many mistakes. Each claim of theirs that a "
            "chapter tests is listed here, grouped by article, with what the article states, what the program "
            f"computes and the verdict: <span class=\"verdict-agrees\">{counts['agrees']} agree</span>, "
            f"<span class=\"verdict-disagrees\">{counts['disagrees']} disagree</span>, "
            f"<span class=\"verdict-ambiguous\">{counts['ambiguous']} ambiguous</span>.</p>"]
        outline = []
        for article in sorted(by_article):
            anchor = "article-" + article.split("_")[0]
            outline.append((2, anchor, f"Article {article.split('_')[0]}"))
            parts.append(f'<h2 id="{anchor}">Article {html.escape(article.split("_")[0])} '
                         f'<span class="muted">({html.escape(article)})</span></h2>')
            for chapter, check in by_article[article]:
                verdict = check["verdict"]
                stated = html.escape(json.dumps(check.get("stated"), ensure_ascii=False))
                computed = html.escape(json.dumps(check.get("computed"), ensure_ascii=False))
                parts.append(
                    f'<div class="check" id="check-{html.escape(check["id"])}"><h3><span class="verdict-{verdict}">'
                    f'{verdict.upper()}</span> · <code>{html.escape(check["id"])}</code> · '
                    f'<a href="{chapter}.html">chapter {chapter[:2]}</a></h3>'
                    f"<p>{html.escape(check['claim'])}</p>"
                    f"<p class=\"muted\">stated <code>{stated}</code> · computed <code>{computed}</code></p>"
                    f"<p>{html.escape(check['note'])}</p></div>")
        return Page("source-checks.html", "Every source check", "".join(parts), outline)

    def index_page(self, chapters, others):
        items = []
        for page in chapters:
            sections = "".join(f'<li><a href="{page.name}#{a}">{html.escape(t)}</a></li>'
                               for level, a, t in page.outline if level == 2)
            items.append(f'<li><a href="{page.name}">{html.escape(page.title)}</a><ol>{sections}</ol></li>')
        extra = "".join(f'<li><a href="{p.name}">{html.escape(p.title)}</a></li>' for p in others)
        body = ("<h1>NeuralNotebook</h1><p>The mathematics of neural networks, computed step by step: every number "
                "in these pages is printed by the chapter's program, and <code>make test</code> fails when text and "
                "program disagree.</p>"
                f'<h2 id="chapters">Chapters</h2><ol class="contents">{"".join(items)}</ol>'
                f'<h2 id="more">More</h2><ul>{extra}</ul>')
        return Page("index.html", "NeuralNotebook", body, [(2, "chapters", "Chapters"), (2, "more", "More")])

    # ── Writing ──────────────────────────────────────────────────────────────────────────

    def wrap(self, page, previous=None, following=None):
        def nav_link(p, label):
            return f'<a href="{p.name}" rel="{label}">{"← " if label == "prev" else ""}{html.escape(p.title)}{" →" if label == "next" else ""}</a>' if p else "<span></span>"

        bar = (f'<span>{nav_link(previous, "prev")}</span><a href="index.html">Contents</a>'
               f'<span>{nav_link(following, "next")}</span>')
        outline = ""
        if page.outline:
            entries = "".join(f'<li><a href="#{a}">{html.escape(t)}</a></li>' for level, a, t in page.outline if level == 2)
            outline = f'<nav class="outline" aria-label="On this page"><strong>On this page</strong><ol>{entries}</ol></nav>'
        return ("<!DOCTYPE html>\n"
                '<html xmlns="http://www.w3.org/1999/xhtml" lang="en">\n<head>\n<meta charset="utf-8" />\n'
                '<meta name="viewport" content="width=device-width, initial-scale=1" />\n'
                f"<title>{html.escape(page.title)} · NeuralNotebook</title>\n"
                '<link rel="stylesheet" href="style.css" />\n</head>\n<body>\n'
                f'<div class="layout">{outline}<main><header class="bar">{bar}</header>\n{page.body}\n'
                f'<footer class="bar">{bar}</footer></main></div>\n</body>\n</html>\n')

    def write(self):
        if os.path.isdir(self.out):
            shutil.rmtree(self.out)
        os.makedirs(self.out)
        chapters = [self.chapter_page(c) for c in self.chapters]
        introduction = self.markdown_page("README.md", "introduction.html")
        introduction.title = "Introduction"
        others = [introduction,
                  self.markdown_page("chapters/EXERCISES.md", "exercises.html",
                                     lambda text: re.split(r"\n## Teachers\b", text)[0]),
                  self.source_checks_page(),
                  self.markdown_page("chapters/AUDIT.md", "audit.html"),
                  self.markdown_page("bench/RESULTS.md", "benchmarks.html")]
        listings = [self.listing(c, n) for c in self.chapters for n in self.swift_sources(c)]
        reading = [others[0]] + chapters + others[1:]
        index = self.index_page(chapters, others)
        pages = [(index, None, reading[0])]
        pages += [(p, reading[i - 1] if i else index, reading[i + 1] if i + 1 < len(reading) else None)
                  for i, p in enumerate(reading)]
        pages += [(p, None, None) for p in listings]
        for page, previous, following in pages:
            with open(os.path.join(self.out, page.name), "w", encoding="utf-8") as f:
                f.write(self.wrap(page, previous, following))
        with open(os.path.join(self.out, "style.css"), "w", encoding="utf-8") as f:
            f.write(STYLE.lstrip())
        return [p.name for p, _, _ in pages]


# ── Checking a written book ──────────────────────────────────────────────────────────────────

def check(out):
    """Problems of the book in `out`: pages that are not well-formed XHTML, duplicate ids, links,
    anchors or images that do not resolve, and anything fetched from the network."""
    problems, ids, links = [], {}, []
    pages = sorted(f for f in os.listdir(out) if f.endswith(".html"))
    if "index.html" not in pages:
        problems.append("no index.html")
    namespace = "{http://www.w3.org/1999/xhtml}"
    for name in pages:
        with open(os.path.join(out, name), encoding="utf-8") as f:
            text = f.read()
        try:
            tree = ElementTree.fromstring(re.sub(r"^<!DOCTYPE html>", "", text))
        except ElementTree.ParseError as error:
            problems.append(f"{name}: not well-formed: {error}")
            continue
        seen = set()
        for element in tree.iter():
            if "id" in element.attrib:
                if element.attrib["id"] in seen:
                    problems.append(f"{name}: duplicate id {element.attrib['id']}")
                seen.add(element.attrib["id"])
            for attribute in ("href", "src", "{http://www.w3.org/1999/xlink}href"):
                if attribute in element.attrib:
                    links.append((name, element.tag.replace(namespace, ""), element.attrib[attribute]))
        ids[name] = seen
    for name, tag, target in links:
        if re.match(r"https?:", target):
            if tag in ("link", "img", "script", "{http://www.w3.org/2000/svg}image"):
                problems.append(f"{name}: fetches {target} from the network")
            continue
        if re.match(r"[a-z]+:", target):
            continue
        path, _, fragment = target.partition("#")
        page = path or name
        if not os.path.exists(os.path.join(out, page)):
            problems.append(f"{name}: {target} does not resolve")
        elif fragment and page.endswith(".html") and fragment not in ids.get(page, set()):
            problems.append(f"{name}: {target}: no id {fragment} in {page}")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", nargs="?", default=os.path.join(ROOT, "dist", "book"))
    parser.add_argument("--check", action="store_true", help="check the book in OUT instead of writing it")
    args = parser.parse_args()
    if not args.check:
        if not shutil.which("cmark-gfm"):
            sys.exit("cmark-gfm was not found: install the Debian package cmark-gfm (make deps does)")
        pages = Book(ROOT, args.out).write()
        print(f"book written to {args.out}: {len(pages)} pages; open {os.path.join(args.out, 'index.html')}")
    problems = check(args.out)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        sys.exit(f"{len(problems)} problems in the book")
    print(f"book checked: {len(os.listdir(args.out))} files, every page well-formed, every link resolving")


if __name__ == "__main__":
    main()
