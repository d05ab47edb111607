#!/usr/bin/env python3
"""The audit ledger of the five source articles: every line range of each article, and what
covers it. Writes chapters/AUDIT.md; `--check` fails when it is stale or when an article marked
complete has a line that no range covers.

  audit.py            write chapters/AUDIT.md
  audit.py --check    compare chapters/AUDIT.md with what it would be, and check the coverage

Three things cover a range of lines:
- a **source check** of a chapter program, read from the chapters' results.json: its claim starts
  with the lines it covers ("L118–132: …", "L245–251 and L312–317: …"), its verdict is computed;
- a **fact** of the ledger (chapters/audit/NNN.ledger): a claim that is not mathematics (a name, a
  date, an attribution, a reference, what a piece of code would print or do), with a verdict a
  person reached and the evidence, since no program can compute it;
- **none**: a range with no checkable claim (a heading, a blank line, an opinion), and why.

A ledger line is `FIRST[-LAST]  KIND  …`: `none REASON`, `fact ID VERDICT NOTE`, or
`check ID` (more lines for a program check whose claim names fewer). Its header says the
article's file name, its number of lines (the articles are not in this repository), and whether
the audit of the article is complete.
"""

import glob
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LEDGERS = os.path.join(ROOT, "chapters", "audit")
OUTPUT = os.path.join(ROOT, "chapters", "AUDIT.md")
ARTICLES = ["000_3b683e0d4e5ffd36.txt", "001_12b37fad05da9f4f.txt", "002_9ee860a63b7e337c.txt",
            "003_845e7d6d8511c512.txt", "004_ad77a2a9036ce254.txt"]
VERDICTS = {"agrees", "disagrees", "ambiguous"}
LINES = re.compile(r"L(\d+)(?:[–-](\d+))?")


class LedgerError(Exception):
    pass


def program_checks():
    """Every source check of the chapters: id → (chapter, check)."""
    checks = {}
    for path in sorted(glob.glob(os.path.join(ROOT, "chapters", "*", "results.json"))):
        chapter = os.path.basename(os.path.dirname(path))
        with open(path, encoding="utf-8") as f:
            for check in json.load(f)["source_checks"]:
                checks[check["id"]] = (chapter, check)
    return checks


def claimed_ranges(claim):
    """The line ranges at the start of a claim: "L245–251 and L312–317: …" → [(245, 251), (312, 317)]."""
    head = claim.split(":", 1)[0]
    return [(int(a), int(b or a)) for a, b in LINES.findall(head)]


def read_ledger(article):
    """(lines, complete, entries) of an article's ledger; entries are dicts with first, last, kind, …"""
    path = os.path.join(LEDGERS, article.split("_")[0] + ".ledger")
    if not os.path.exists(path):
        return None
    lines, complete, entries = None, False, []
    with open(path, encoding="utf-8") as f:
        for number, text in enumerate(f, 1):
            text = text.rstrip("\n")
            where = f"{os.path.relpath(path, ROOT)}:{number}"
            header = re.match(r"#\s*article (\S+), (\d+) lines, (complete|incomplete)\s*$", text)
            if header:
                if header.group(1) != article:
                    raise LedgerError(f"{where}: names {header.group(1)}, not {article}")
                lines, complete = int(header.group(2)), header.group(3) == "complete"
                continue
            if not text.strip() or text.lstrip().startswith("#"):
                continue
            match = re.match(r"(\d+)(?:-(\d+))?\s+(none|fact|check)\s+(.*)$", text)
            if not match:
                raise LedgerError(f"{where}: not 'FIRST[-LAST] none|fact|check …': {text}")
            first, last = int(match.group(1)), int(match.group(2) or match.group(1))
            kind, rest = match.group(3), match.group(4).strip()
            entry = {"first": first, "last": last, "kind": kind, "where": where}
            if kind == "none":
                entry["note"] = rest
            elif kind == "check":
                entry["id"] = rest
            else:
                parts = rest.split(None, 2)
                if len(parts) < 3 or parts[1] not in VERDICTS:
                    raise LedgerError(f"{where}: a fact is 'fact ID VERDICT NOTE', VERDICT one of {sorted(VERDICTS)}")
                entry["id"], entry["verdict"], entry["note"] = parts
            if not entry.get("note", "x") or first > last:
                raise LedgerError(f"{where}: an empty note or a backward range")
            entries.append(entry)
    if lines is None:
        raise LedgerError(f"{os.path.relpath(path, ROOT)}: no header '# article NAME, N lines, complete|incomplete'")
    return lines, complete, entries


def audit():
    """Per article: its ranges (sorted), its line count, whether it is complete, uncovered lines."""
    checks = program_checks()
    report = {}
    for article in ARTICLES:
        ledger = read_ledger(article)
        ranges = []
        for id, (chapter, check) in checks.items():
            if check["source"] == article:
                for first, last in claimed_ranges(check["claim"]):
                    ranges.append({"first": first, "last": last, "kind": "check", "id": id, "chapter": chapter,
                                   "verdict": check["verdict"], "note": check["claim"].split(":", 1)[-1].strip()})
        if ledger is None:
            report[article] = {"lines": None, "complete": False, "ranges": sorted(ranges, key=order), "missing": []}
            continue
        lines, complete, entries = ledger
        for entry in entries:
            if entry["kind"] == "check":
                if entry["id"] not in checks or checks[entry["id"]][1]["source"] != article:
                    raise LedgerError(f"{entry['where']}: no source check {entry['id']} of {article} in any results.json")
                chapter, check = checks[entry["id"]]
                entry.update(chapter=chapter, verdict=check["verdict"], note=check["claim"].split(":", 1)[-1].strip())
            ranges.append(entry)
        for r in ranges:
            if r["last"] > lines:
                raise LedgerError(f"{article}: range {r['first']}–{r['last']} ({r.get('id', r['kind'])}) is past line {lines}")
        covered = set()
        for r in ranges:
            covered.update(range(r["first"], r["last"] + 1))
        missing = [n for n in range(1, lines + 1) if n not in covered]
        report[article] = {"lines": lines, "complete": complete, "ranges": sorted(ranges, key=order), "missing": missing}
    return report


def order(r):
    return (r["first"], r["last"], r.get("id", ""))


def spans(numbers):
    """[3, 4, 5, 9] → "3–5, 9"."""
    out, start = [], None
    for i, n in enumerate(numbers):
        if start is None:
            start = n
        if i + 1 == len(numbers) or numbers[i + 1] != n + 1:
            out.append(f"{start}–{n}" if n != start else f"{n}")
            start = None
    return ", ".join(out)


def render(report):
    out = ["# The audit of the five source articles", "",
           "Generated by `scripts/audit.py` from the chapters' source checks (their `results.json`) and the",
           "ledgers in `chapters/audit/`; `make test` fails when this file is stale or when an article",
           "marked complete has a line in no range. A **check** is computed by a chapter's program; a",
           "**fact** (a name, a date, a reference, what a listing would do) was checked by a person against",
           "the evidence in its note; **none** marks lines with no checkable claim, and says why.", "",
           "| article | lines | audit | checks | facts | no claim | lines in no range |",
           "| --- | ---: | --- | ---: | ---: | ---: | --- |"]
    for article, a in report.items():
        kinds = [r["kind"] for r in a["ranges"]]
        status = "complete" if a["complete"] else ("in progress" if a["lines"] else "not started")
        missing = spans(a["missing"]) if a["lines"] else "—"
        out.append(f"| {article} | {a['lines'] or '—'} | {status} | {len({r['id'] for r in a['ranges'] if r['kind'] == 'check'})} "
                   f"| {kinds.count('fact')} | {kinds.count('none')} | {missing or 'none'} |")
    for article, a in report.items():
        out += ["", f"## {article}", ""]
        if not a["lines"]:
            out.append("No ledger yet: only the chapters' source checks below cover lines of this article.")
            out.append("")
        out += ["| lines | kind | id | verdict | what |", "| --- | --- | --- | --- | --- |"]
        for r in a["ranges"]:
            lines = f"{r['first']}–{r['last']}" if r["last"] != r["first"] else f"{r['first']}"
            id = f"`{r['id']}`" + (f" ({r['chapter']})" if r.get("chapter") else "") if r.get("id") else ""
            note = r["note"].replace("|", "\\|")
            out.append(f"| {lines} | {r['kind']} | {id} | {r.get('verdict', '')} | {note} |")
    return "\n".join(out) + "\n"


def main():
    try:
        report = audit()
    except LedgerError as error:
        sys.exit(f"audit: {error}")
    text = render(report)
    if "--check" in sys.argv:
        problems = []
        with open(OUTPUT, encoding="utf-8") as f:
            if f.read() != text:
                problems.append("chapters/AUDIT.md is stale: run python3 scripts/audit.py")
        for article, a in report.items():
            if a["complete"] and a["missing"]:
                problems.append(f"{article} is marked complete, but lines {spans(a['missing'])} are in no range")
        for problem in problems:
            print(f"audit: {problem}", file=sys.stderr)
        complete = [a for a in report.values() if a["complete"]]
        if problems:
            sys.exit(1)
        print(f"audit: {len(complete)} of {len(report)} articles complete, every line of each in a range; AUDIT.md up to date")
        return
    with open(OUTPUT, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {os.path.relpath(OUTPUT, ROOT)}")


if __name__ == "__main__":
    main()
