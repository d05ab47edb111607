#!/usr/bin/env python3
"""Tests of the course tooling (scripts/exercises.py): markers, the student release, grading.

The release tests build a copy of the package, so they take a few minutes; `make test` runs them.
They print the unittest summary and a closing 'N passed, N failed' line.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import exercises  # noqa: E402

ROOT = exercises.ROOT
# Build folders shared by the runs below, so later builds are incremental. One per package copy:
# SwiftPM's build folder must not be shared between two package folders.
SCRATCH = os.path.join(ROOT, ".build-student")
GRADE_SCRATCH = os.path.join(ROOT, ".build-grade")


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def solution_lines(root):
    """Every distinctive line from inside a solution block (braces alone are not distinctive)."""
    lines = set()
    for path in exercises.swift_files(root, exercises.SOURCES):
        text, blocks = exercises.scan(path)
        for kind, first, last, _ in blocks:
            if kind == "SOLUTION":
                lines |= {line.strip() for line in text[first:last - 1] if len(line.strip().strip("{}()")) > 3}
    return lines


class MarkerTests(unittest.TestCase):
    def write(self, folder, name, text):
        path = os.path.join(folder, name)
        with open(path, "w") as f:
            f.write(text)
        return path

    def test_markers_of_the_repository_are_well_formed(self):
        self.assertGreater(exercises.check(ROOT), 0)

    def test_unbalanced_and_misspelled_markers_name_file_and_line(self):
        cases = {
            "/// Exercise 9.1\nfunc f() {\n  // BEGIN SOLUTION\n  return\n}\n": ":3: '// BEGIN SOLUTION' is never closed",
            "func f() {\n  // END SOLUTION\n}\n": ":2: '// END SOLUTION' without a matching",
            "/// Exercise 9.1\nfunc f() {\n  // BEGIN SOLUTON\n}\n": ":3: '// BEGIN SOLUTON' looks like a marker",
            "// BEGIN HIDDEN TESTS\n// BEGIN HIDDEN TESTS\n": ":2: '// BEGIN HIDDEN TESTS' inside the block opened at line 1",
            "func f() {\n  // BEGIN SOLUTION\n  // END SOLUTION\n}\n": ":2: a solution with no '/// Exercise N.M'",
        }
        with tempfile.TemporaryDirectory() as folder:
            for text, expected in cases.items():
                path = self.write(folder, "Broken.swift", text)
                with self.assertRaises(exercises.MarkerError) as caught:
                    exercises.scan(path)
                self.assertIn(path + expected, str(caught.exception))


class EventTests(unittest.TestCase):
    def test_results_come_from_the_event_stream(self):
        def test(id, name):
            return {"kind": "test", "payload": {"id": id, "displayName": name, "name": id, "kind": "function"}}

        def event(kind, id, **fields):
            return {"kind": "event", "payload": {"kind": kind, "testID": id, "messages": [], **fields}}

        def issue(id, text, known=False):
            where = {"fileID": "ExercisesTests/Chapter09Tests.swift", "line": 7, "column": 4}
            messages = [{"symbol": "fail", "text": text}, {"symbol": "details", "text": "// a comment"}]
            return event("issueRecorded", id, issue={"isKnown": known, "sourceLocation": where}, messages=messages)

        records = [
            test("a", "Exercise 9.1: passes [1 point]"), test("b", "Exercise 9.1: fails [1 point]"),
            test("c", "Exercise 9.2: never ends [2 points]"), test("d", "Exercise 9.2: known issue only [1 point]"),
            event("testEnded", "a"),
            issue("b", "Expectation failed: 1 == 2"), event("testEnded", "b"),
            event("testStarted", "c"),  # the process crashed here
            issue("d", "known", known=True), event("testEnded", "d"),
        ]
        names = ["Exercise 9.1: passes [1 point]", "Exercise 9.1: fails [1 point]",
                 "Exercise 9.2: never ends [2 points]", "Exercise 9.2: known issue only [1 point]",
                 "Exercise 9.3: not in the run [1 point]"]
        results = exercises.parse(records, names)
        self.assertEqual([results[n]["passed"] for n in names], [True, False, None, True, None])
        self.assertEqual(results[names[1]]["messages"], ["Chapter09Tests.swift:7:4: Expectation failed: 1 == 2"])


class ReleaseTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.work = tempfile.mkdtemp(prefix="neuralnotebook-release-")
        cls.student = exercises.student_release(ROOT, os.path.join(cls.work, "student"))
        cls.names = exercises.test_names(ROOT)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.work)

    def test_no_solution_line_and_no_hidden_test_survives(self):
        released = "\n".join(read(p) for p in exercises.swift_files(self.student, exercises.SOURCES))
        for line in solution_lines(ROOT):
            self.assertNotIn(line, released)
        tests = "\n".join(read(p) for p in exercises.swift_files(self.student, exercises.TESTS))
        for name, hidden in self.names.items():
            self.assertEqual(name in tests, not hidden, name)
        self.assertNotIn("BEGIN SOLUTION", released)

    def test_the_rest_of_the_package_is_intact(self):
        for relative in ["Package.swift", "Sources/Autograd/Core/Tensor.swift", "chapters/04-backprop/README.md"]:
            with open(os.path.join(ROOT, relative), "rb") as a, open(os.path.join(self.student, relative), "rb") as b:
                self.assertEqual(a.read(), b.read(), relative)

    def put_solution(self, name):
        # Written anew, not copied with its time: see exercises.put.
        source = os.path.join(ROOT, exercises.SOURCES, name)
        exercises.put(os.path.join(self.student, exercises.SOURCES, name), exercises.read_bytes(source))

    def test_release_builds_and_fails_exactly_the_unsolved_exercises(self):
        # Unsolved: every visible test fails and names its exercise.
        visible = [name for name, hidden in self.names.items() if not hidden]
        status, output, results = exercises.run_tests(self.student, SCRATCH, visible)
        self.assertNotEqual(status, 0)
        for name, result in results.items():
            exercise = exercises.EXERCISE.search(name).group(0)
            self.assertIs(result["passed"], False, name)
            self.assertTrue(any(f"{exercise} is not implemented yet" in m for m in result["messages"]), name)

        # Chapter 1 solved: its tests pass, the others still fail.
        self.put_solution("Chapter01Activations.swift")
        status, output, results = exercises.run_tests(self.student, SCRATCH, visible)
        for name, result in results.items():
            self.assertEqual(result["passed"], name.startswith("Exercise 1."), name)

        # Grading that submission runs the hidden tests too and scores chapter 1 alone.
        report_path = os.path.join(self.work, "results.json")
        score = exercises.grade(ROOT, self.student, report_path, GRADE_SCRATCH)
        expected = sum(exercises.points(n) for n in self.names if n.startswith("Exercise 1."))
        with open(report_path) as f:
            report = json.load(f)
        # On a failure, say which tests scored otherwise and what they printed.
        wrong = [f"{t['name']}: {t['score']}/{t['max_score']}\n  {t['output'][-1500:]}" for t in report["tests"]
                 if (t["score"] == t["max_score"]) != t["name"].startswith("Exercise 1.")]
        self.assertEqual(score, expected, "\n".join(wrong))
        self.assertEqual(report["score"], expected)
        self.assertEqual(len(report["tests"]), len(self.names))
        for test in report["tests"]:
            self.assertEqual(set(test), {"name", "score", "max_score", "output", "visibility"})
            self.assertIn(test["visibility"], {"visible", "after_published"})

        # All reference solutions back: every test passes.
        for name in os.listdir(os.path.join(ROOT, exercises.SOURCES)):
            self.put_solution(name)
        status, output, results = exercises.run_tests(self.student, SCRATCH, visible)
        self.assertEqual(status, 0, output[-2000:])
        self.assertTrue(all(r["passed"] for r in results.values()), results)


if __name__ == "__main__":
    result = unittest.main(exit=False, verbosity=2).result
    failed = len(result.failures) + len(result.errors)
    print(f"tooling: {result.testsRun - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)
