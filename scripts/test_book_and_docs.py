#!/usr/bin/env python3
"""Tests of the book (scripts/book.py) and of Autograd's documentation; `make test` runs them.

- The book builds from the chapters' texts; every page is well-formed XHTML, every internal link,
  anchor and image resolves, nothing is fetched from the network; every output block, figure and
  source check of the chapters is in it.
- Every public symbol of Autograd has a doc comment (read from its symbol graph), and the DocC
  build with warnings as errors succeeds (a broken symbol link fails it).
- No file of the project refers to the shared folder beside it, which a reader's clone does not have.
"""

import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import book  # noqa: E402

ROOT = book.ROOT


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def tracked_files():
    listing = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                             capture_output=True, text=True, check=True)
    return [f for f in listing.stdout.split("\n") if f and os.path.isfile(os.path.join(ROOT, f))]


class BookTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.out = tempfile.mkdtemp(prefix="neuralnotebook-book-")
        cls.pages = book.Book(ROOT, cls.out).write()

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.out)

    def test_every_page_is_well_formed_and_every_link_resolves(self):
        self.assertEqual(book.check(self.out), [])

    def test_the_check_finds_a_broken_link_and_a_broken_page(self):
        with tempfile.TemporaryDirectory() as broken:
            shutil.copytree(self.out, broken, dirs_exist_ok=True)
            page = os.path.join(broken, "04-backprop.html")
            text = read(page).replace('href="05-gradient-descent.html"', 'href="05-missing.html"', 1)
            with open(page, "w", encoding="utf-8") as f:
                f.write(text.replace('href="#the-program"', 'href="#nowhere"', 1))
            with open(os.path.join(broken, "exercises.html"), "a", encoding="utf-8") as f:
                f.write("<p>unclosed")
            problems = "\n".join(book.check(broken))
        self.assertIn("04-backprop.html: 05-missing.html does not resolve", problems)
        self.assertIn("no id nowhere", problems)
        self.assertIn("exercises.html: not well-formed", problems)

    def test_each_chapter_has_its_page_with_every_output_block_and_figure(self):
        for chapter in book.Book(ROOT, self.out).chapters:
            text = read(os.path.join(ROOT, "chapters", chapter, "README.md"))
            page = read(os.path.join(self.out, f"{chapter}.html"))
            outputs = re.findall(r"^<!-- output: ([\w-]+) -->$", text, flags=re.M)
            self.assertEqual(len(re.findall(r'<figure class="output"', page)), len(outputs), chapter)
            for cell in outputs:
                self.assertIn(f'id="output-{cell}"', page)
            figures = re.findall(r"^!\[[^\]]*\]\(([^)]+)\)", text, flags=re.M)
            self.assertEqual(page.count("<svg"), len(figures), f"{chapter}: every figure inlined as SVG")
            self.assertIn("printed by", page)
            self.assertIn('rel="next"', page)

    def test_every_source_check_is_listed_with_its_coloured_verdict(self):
        page = read(os.path.join(self.out, "source-checks.html"))
        count = 0
        for path in glob.glob(os.path.join(ROOT, "chapters", "*", "results.json")):
            for check in json.loads(read(path))["source_checks"]:
                count += 1
                self.assertIn(f'id="check-{check["id"]}"', page)
        self.assertEqual(page.count('<div class="check"'), count)
        for verdict in ("agrees", "disagrees", "ambiguous"):
            self.assertIn(f'class="verdict-{verdict}"', page)

    def test_the_exercises_page_is_the_students_part(self):
        page = read(os.path.join(self.out, "exercises.html"))
        self.assertIn("Students", page)
        self.assertNotIn("Teachers", page)

    def test_listings_of_the_chapters_sources_exist_and_are_linked(self):
        for chapter in book.Book(ROOT, self.out).chapters:
            page = read(os.path.join(self.out, f"{chapter}.html"))
            for name in os.listdir(os.path.join(ROOT, "chapters", chapter)):
                if name.endswith(".swift"):
                    listing = f"src-{chapter}-{name}.html"
                    self.assertTrue(os.path.isfile(os.path.join(self.out, listing)), listing)
                    self.assertIn(f'href="{listing}', page)


class DocumentationTests(unittest.TestCase):
    def test_every_public_symbol_of_autograd_has_a_doc_comment(self):
        result = subprocess.run(["swift", "package", "dump-symbol-graph", "--minimum-access-level", "public",
                                 "--skip-synthesized-members"], cwd=ROOT, capture_output=True, text=True)
        self.assertEqual(result.returncode, 0, result.stderr[-2000:])
        folder = re.search(r"Files written to (\S+)", result.stdout + result.stderr).group(1)
        graphs = glob.glob(os.path.join(folder, "Autograd*.symbols.json"))
        self.assertTrue(graphs)
        undocumented, count = [], 0
        for path in graphs:
            for symbol in json.loads(read(path))["symbols"]:
                if symbol["accessLevel"] not in ("public", "open"):
                    continue
                count += 1
                if not symbol.get("docComment"):
                    where = symbol.get("location", {})
                    undocumented.append(f"{'.'.join(symbol['pathComponents'])} "
                                        f"({where.get('uri', '?').split('/')[-1]}:{where.get('position', {}).get('line', '?')})")
        self.assertGreater(count, 100)
        self.assertEqual(undocumented, [], "public symbols without a doc comment")

    def test_docc_builds_with_warnings_as_errors(self):
        with tempfile.TemporaryDirectory() as out:
            result = subprocess.run(
                ["swift", "package", "--allow-writing-to-directory", out, "generate-documentation", "--target",
                 "Autograd", "--output-path", out, "--transform-for-static-hosting", "--warnings-as-errors"],
                cwd=ROOT, capture_output=True, text=True)
            self.assertEqual(result.returncode, 0, (result.stdout + result.stderr)[-3000:])
            for article in ("gettingstarted", "howbackwardworks", "addinganoperation", "checkinggradients"):
                self.assertTrue(os.path.isdir(os.path.join(out, "documentation", "autograd", article)), article)
            self.assertTrue(os.path.isdir(os.path.join(out, "documentation", "autograd", "tensor")))

    def test_no_file_refers_to_the_shared_folder(self):
        shared = "../" + "shared"  # spelled apart, so this file does not name it
        offenders = [f for f in tracked_files()
                     if not f.endswith((".png", ".svg", ".dat")) and shared in read(os.path.join(ROOT, f))]
        self.assertEqual(offenders, [])


if __name__ == "__main__":
    result = unittest.main(exit=False, verbosity=2).result
    failed = len(result.failures) + len(result.errors)
    print(f"book and docs: {result.testsRun - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)
