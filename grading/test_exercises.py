#!/usr/bin/env python3
"""Tests of the course tooling (grading/exercises.py): markers, the student release, grading, the
attacks a dishonest student would try, and the Gradescope autograder end to end.

They build copies of the package, so they take a few minutes; `make test` runs them. They print
the unittest summary and a closing 'N passed, N failed' line.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unittest
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import exercises  # noqa: E402

ROOT = exercises.ROOT
# Build folders shared by the runs below, so later builds are incremental. One per package copy:
# SwiftPM's build folder must not be shared between two package folders.
SCRATCH = os.path.join(tempfile.gettempdir(), "neuralnotebook-tooling-release")
WORK = os.path.join(tempfile.gettempdir(), "neuralnotebook-tooling-grading")
EXERCISES = exercises.interface(ROOT)
NAMES = exercises.test_names(ROOT)
TOTAL = sum(exercises.points(n) for n in NAMES)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def points_of(exercise):
    return sum(exercises.points(n) for n in NAMES if n.startswith(f"Exercise {exercise}:"))


def reference(exercise):
    """The teacher's file of an exercise, solution included."""
    return read(os.path.join(ROOT, exercises.SOURCES, EXERCISES[exercise]["file"]))


def solution_blocks(root):
    """The text of every solution block, markers excluded."""
    blocks = []
    for path in exercises.swift_files(root, exercises.SOURCES):
        lines, found = exercises.scan(path)
        blocks += ["\n".join(lines[first:last - 1]) for kind, first, last, _ in found if kind == "SOLUTION"]
    return blocks


def normalized(swift):
    """Swift text without comments and white space: what a copy that only re-spaced keeps."""
    swift = re.sub(r"//[^\n]*", "", swift)
    swift = re.sub(r"/\*.*?\*/", "", swift, flags=re.S)
    return re.sub(r"\s+", "", swift)


def grade(submission, **options):
    """Grades `submission`; returns the report and each exercise's score."""
    results = os.path.join(tempfile.mkdtemp(prefix="neuralnotebook-results-"), "results.json")
    exercises.grade(ROOT, submission, results, work=WORK, **options)
    with open(results) as f:
        report = json.load(f)
    by_exercise = {}
    for test in report["tests"]:
        exercise = exercises.EXERCISE.search(test["name"]).group(1)
        by_exercise[exercise] = by_exercise.get(exercise, 0) + test["score"]
    return report, by_exercise


def write_submission(folder, files):
    """A flat submission: every exercise's reference file, with `files` (name → text) instead."""
    os.makedirs(folder, exist_ok=True)
    for spec in EXERCISES.values():
        name = spec["file"]
        with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
            f.write(files.get(name, reference_by_file(name)))


def reference_by_file(name):
    return read(os.path.join(ROOT, exercises.SOURCES, name))


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

    def test_every_chapter_has_two_exercises_each_with_visible_and_hidden_tests(self):
        chapters = {}
        for exercise in EXERCISES:
            chapters.setdefault(exercise.split(".")[0], []).append(exercise)
        self.assertTrue(all(len(e) >= 2 for e in chapters.values()), chapters)
        for exercise in EXERCISES:
            tests = [hidden for name, hidden in NAMES.items() if name.startswith(f"Exercise {exercise}:")]
            self.assertIn(False, tests, f"{exercise} has no visible test")
            self.assertIn(True, tests, f"{exercise} has no hidden test")


class EventTests(unittest.TestCase):
    def test_results_come_from_the_event_stream_and_garbage_is_skipped(self):
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
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "events.jsonl")
            with open(path, "w") as f:
                f.write("\n".join(json.dumps(r) for r in records[:3]) + "\nnot json {\n[1, 2]\n")
                f.write("\n".join(json.dumps(r) for r in records[3:]) + "\n")
            parsed = exercises.read_events(path)
        names = ["Exercise 9.1: passes [1 point]", "Exercise 9.1: fails [1 point]",
                 "Exercise 9.2: never ends [2 points]", "Exercise 9.2: known issue only [1 point]",
                 "Exercise 9.3: not in the run [1 point]"]
        results = exercises.parse(parsed, names)
        self.assertEqual([results[n]["passed"] for n in names], [True, False, None, True, None])
        self.assertEqual(results[names[1]]["messages"], [("Chapter09Tests.swift:7:4", "Expectation failed: 1 == 2")])
        # A hidden test's output never quotes the expectation (its source); a raised error it does.
        self.assertEqual(exercises.test_output(results[names[1]], hidden=True), "a hidden expectation failed")
        raised = {"passed": False, "messages": [("x:1:1", "Caught error: Exercise 9.1 crashed: Fatal error: boom")]}
        self.assertEqual(exercises.test_output(raised, hidden=True), "Caught error: Exercise 9.1 crashed: Fatal error: boom")


class ReleaseTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.work = tempfile.mkdtemp(prefix="neuralnotebook-release-")
        cls.student = exercises.student_release(ROOT, os.path.join(cls.work, "student"))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.work)

    def release_files(self):
        for directory, _, names in os.walk(self.student):
            for name in names:
                yield os.path.relpath(os.path.join(directory, name), self.student)

    def test_no_solution_and_no_hidden_test_survives(self):
        tests = "\n".join(read(p) for p in exercises.swift_files(self.student, exercises.TESTS))
        for name, hidden in NAMES.items():
            self.assertEqual(name in tests, not hidden, name)
        released = "\n".join(read(p) for p in exercises.swift_files(self.student, exercises.SOURCES))
        self.assertNotIn("BEGIN SOLUTION", released)

    def test_no_reference_solution_can_be_found_anywhere_in_the_release(self):
        # The whole release (chapters' programs and Autograd included), comments and spacing aside:
        # an exercise the book answers verbatim tests copying, not understanding.
        texts = [normalized(read(os.path.join(self.student, r))) for r in self.release_files() if r.endswith(".swift")]
        everything = "\n".join(texts)
        for block in solution_blocks(ROOT):
            body = normalized(block)
            self.assertGreater(len(body), 20, block)
            self.assertNotIn(body, everything, f"a reference solution is in the release:\n{block}")

    def test_the_release_has_no_grading_tools_and_no_teachers_notes(self):
        files = set(self.release_files())
        self.assertFalse([f for f in files if f.startswith("grading/")])
        guide = read(os.path.join(self.student, "chapters", "EXERCISES.md"))
        self.assertNotIn("## Teachers", guide)
        self.assertNotIn("BEGIN SOLUTION", guide)
        # The student's Makefile still works without the teachers' targets.
        listing = subprocess.run(["make", "-s", "help"], cwd=self.student, capture_output=True, text=True)
        self.assertEqual(listing.returncode, 0, listing.stderr)
        self.assertNotIn("grade", listing.stdout)

    def test_the_rest_of_the_package_is_intact(self):
        for relative in ["Package.swift", "Sources/Autograd/Core/Tensor.swift", "chapters/04-backprop/README.md"]:
            with open(os.path.join(ROOT, relative), "rb") as a, open(os.path.join(self.student, relative), "rb") as b:
                self.assertEqual(a.read(), b.read(), relative)

    def test_a_students_bare_swift_test_runs_the_exercises_and_no_chapter_program(self):
        # Chapter 1 solved, every other exercise as released; the release is put back afterwards.
        def release_with(solved):
            for exercise, spec in EXERCISES.items():
                path = os.path.join(self.student, exercises.SOURCES, spec["file"])
                source = os.path.join(ROOT, exercises.SOURCES, spec["file"])
                text = reference(exercise) if exercise.startswith(solved) else exercises.stubbed(source)
                exercises.put(path, text.encode())
        release_with(solved="1.")
        self.addCleanup(release_with, solved="none")
        # A trap: if any test ran a chapter program, the program found through NEURALNOTEBOOK_BIN
        # would write its name here (the tests look there first).
        with tempfile.TemporaryDirectory() as trap:
            log = os.path.join(trap, "ran.log")
            for chapter in [n for n in os.listdir(os.path.join(ROOT, "chapters")) if re.match(r"\d\d-", n)]:
                program = os.path.join(trap, chapter)
                with open(program, "w") as f:
                    f.write(f"#!/bin/sh\necho {chapter} >> '{log}'\nexit 1\n")
                os.chmod(program, 0o755)
            env = {k: v for k, v in os.environ.items() if k != "NEURALNOTEBOOK_BOOK_TESTS"}
            env["NEURALNOTEBOOK_BIN"] = trap
            start = time.monotonic()
            status, output = exercises.run_killing_group(
                ["swift", "test", "--scratch-path", SCRATCH], self.student, timeout=1800, env=env)
            seconds = time.monotonic() - start
            ran = read(log) if os.path.exists(log) else ""
        # Reported, not asserted: times belong in benchmarks.
        print(f"\n  the student release's bare `swift test` took {seconds:.0f} s (build included)", file=sys.stderr)
        self.assertEqual(ran, "", f"a bare swift test ran chapter programs:\n{ran}")
        self.assertNotRegex(output, r'Test "(JSON in the documented form|figure scripts as committed|text, JSON '
                                    r'results and figure data)".* (passed|failed)')
        self.assertIn('Suite "The same book on every machine and in both modes" skipped', output)
        self.assertIn("`make test` runs it", output)
        self.assertNotEqual(status, 0, output[-3000:])  # the unsolved exercises fail
        summary = output[output.rfind("Exercises, by the tests in this package"):]
        for exercise in EXERCISES:
            visible = sum(exercises.points(n) for n, hidden in NAMES.items()
                          if not hidden and n.startswith(f"Exercise {exercise}:"))
            expected = (f"{visible}/{visible} points  passed" if exercise.startswith("1.")
                        else f"0/{visible} points  not implemented yet")
            self.assertRegex(summary, rf"\n  Exercise {re.escape(exercise)}  {re.escape(expected)}\n", output[-3000:])

    def put_solution(self, exercise):
        # Written anew, not copied with its time: see exercises.put.
        name = EXERCISES[exercise]["file"]
        exercises.put(os.path.join(self.student, exercises.SOURCES, name), reference(exercise).encode())

    def test_release_builds_and_fails_exactly_the_unsolved_exercises(self):
        # Unsolved: every visible test fails and names its exercise.
        visible = [name for name, hidden in NAMES.items() if not hidden]
        status, output, results = exercises.run_tests(self.student, SCRATCH, visible)
        self.assertNotEqual(status, 0)
        for name, result in results.items():
            exercise = exercises.EXERCISE.search(name).group(0)
            self.assertIs(result["passed"], False, name)
            self.assertTrue(any(f"{exercise} is not implemented yet" in m for _, m in result["messages"]), name)

        # Chapter 1 solved: its tests pass, the others still fail.
        for exercise in EXERCISES:
            if exercise.startswith("1."):
                self.put_solution(exercise)
        status, output, results = exercises.run_tests(self.student, SCRATCH, visible)
        for name, result in results.items():
            self.assertEqual(result["passed"], name.startswith("Exercise 1."), name)

        # Grading that submission (the whole package) runs the hidden tests too and scores chapter 1 alone.
        report, by_exercise = grade(self.student)
        expected = sum(points_of(e) for e in EXERCISES if e.startswith("1."))
        wrong = [f"{t['name']}: {t['score']}/{t['max_score']}\n  {t['output'][-500:]}" for t in report["tests"]
                 if (t["score"] == t["max_score"]) != t["name"].startswith("Exercise 1.")]
        self.assertEqual(report["score"], expected, "\n".join(wrong))
        unsolved = [t["output"] for t in report["tests"] if t["name"].startswith("Exercise 2.1")]
        self.assertTrue(all("Exercise 2.1 is not implemented yet" in o for o in unsolved), unsolved)

        # All reference solutions back: every test passes.
        for exercise in EXERCISES:
            self.put_solution(exercise)
        status, output, results = exercises.run_tests(self.student, SCRATCH, visible)
        self.assertEqual(status, 0, output[-2000:])
        self.assertTrue(all(r["passed"] for r in results.values()), results)


# ── A dishonest student ─────────────────────────────────────────────────────────────────────

# Swift that writes `payload` into every descriptor of the runner and of its parents, and into any
# file an event-stream option names on their command lines: where the old grader's evidence was.
TAMPER = r'''
import Foundation

private func tamper(_ payload: String) -> Int {
  var written = 0
  var pids = ["self"]
  var pid = getppid()
  while pid > 1 {
    pids.append(String(pid))
    let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
    let parent = status.split(separator: "\n").first { $0.hasPrefix("PPid:") }
    pid = Int32(parent?.split(separator: "\t").last ?? "0") ?? 0
  }
  var paths: [String] = []
  for p in pids {
    for fd in (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(p)/fd")) ?? [] {
      paths.append("/proc/\(p)/fd/\(fd)")
    }
    let arguments = ((try? String(contentsOfFile: "/proc/\(p)/cmdline", encoding: .utf8)) ?? "")
      .split(separator: "\u{0}").map(String.init)
    for (i, a) in arguments.enumerated() where a.contains("event-stream-output") && i + 1 < arguments.count {
      paths.append(arguments[i + 1])
    }
  }
  for fd in 3..<64 {
    if write(Int32(fd), payload, payload.utf8.count) > 0 { written += 1 }
  }
  for path in paths {
    if let handle = FileHandle(forWritingAtPath: path) {
      handle.seekToEndOfFile()
      handle.write(payload.data(using: .utf8)!)
      written += 1
    }
  }
  return written
}
'''


def forged_records():
    """A passing record for every test name a student can know (the visible ones) and a guess at
    the hidden ones' form."""
    lines = []
    for i, name in enumerate(NAMES):
        lines.append(json.dumps({"kind": "test", "payload": {"id": f"forged{i}", "displayName": name, "name": name}}))
        lines.append(json.dumps({"kind": "event", "payload": {"kind": "testEnded", "testID": f"forged{i}"}}))
    return "\n".join(lines) + "\n"


def swift_string(text):
    return json.dumps(text)  # a JSON string is a valid Swift string literal here (no \( sequences)


def attacks():
    """Each attack (a file of the submission) and the exercise it costs; every other exercise is
    the honest reference."""
    e = {k: v["file"] for k, v in EXERCISES.items()}
    return {
        # Forged events, then _exit(0): the old grader scored 79/79.
        "1.1": (e["1.1"], TAMPER + f'''
public func siluDerivative(_ x: Double) throws -> Double {{
  _ = tamper({swift_string(forged_records())})
  _exit(0)
}}
'''),
        # Forged events from an atexit handler, after a wrong answer.
        "1.2": (e["1.2"], TAMPER + f'''
public func logSoftmax(_ z: [Double]) throws -> [Double] {{
  atexit {{ _ = tamper({swift_string(forged_records())}) }}
  return z.map {{ _ in 0 }}
}}
'''),
        # Garbage into the stream.
        "2.1": (e["2.1"], TAMPER + '''
public func twoLayerReLUOutput(W1: [[Double]], b1: [Double], w2: [Double], b2: Double, x: [Double]) throws -> Double {
  _ = tamper("garbage {{{ not json\\n\\u{0}\\u{1}\\n")
  return 0
}
'''),
        # Overloads of the tests' comparisons, with dummy answers: 70/79 before.
        "2.2": (e["2.2"], '''
public func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool { true }
public func close(_ a: [Double], _ b: [Double], _ tolerance: Double = 1e-9) -> Bool { true }
public func close(_ a: [[Double]], _ b: [[Double]], _ tolerance: Double = 1e-9) -> Bool { true }
public func hasShape(_ matrix: [[Double]], _ rows: Int, _ columns: Int) -> Bool { true }
public func == (a: [[Double]], b: [[Double]]) -> Bool { true }
public func denseLayerBatch(X: [[Double]], W: [[Double]], b: [Double]) throws -> [[Double]] { [[0]] }
'''),
        # A changed return type whose comparisons always succeed: 71/79 before.
        "3.1": (e["3.1"], '''
public struct Anything: Equatable, ExpressibleByFloatLiteral {
  public init(floatLiteral: Double) {}
  public static func == (a: Anything, b: Anything) -> Bool { true }
}
public func huberLoss(predictions: [Double], targets: [Double], delta: Double) throws -> Anything { 0.0 }
'''),
        # An infinite loop (the grading run below gives each exercise 4 s).
        "4.1": (e["4.1"], '''
public func tanhExpressionGradients(a: Double, b: Double, c: Double, f: Double) throws -> [Double] {
  var i = 0
  while i >= 0 { i = (i &+ 1) % 1000 }
  return []
}
'''),
        # A crash.
        "4.2": (e["4.2"], '''
public func backpropTanhSquaredError(
  W1: [[Double]], b1: [Double], W2: [Double], b2: Double, x: [Double], y: Double
) throws -> NetworkGradients {
  fatalError("δ₁ is not finished")
}
'''),
        # A plausible wrong shape: the mask one row short. Before, Autograd trapped and all scored 0.
        "6.2": (e["6.2"], '''
public func slidingWindowMask(length n: Int, window: Int) throws -> [[Double]] {
  (1..<n).map { i in (0..<n).map { j in j <= i && j > i - window ? 1 : 0 } }
}
'''),
        # Reading the hidden tests and the solutions, and passing them on in an error message.
        "7.1": (e["7.1"], f'''
import Foundation
struct Leak: Error, CustomStringConvertible {{ let description: String }}
public func dilatedConvolutionOutputLength(
  length: Int, kernel: Int, stride: Int, padding: Int, dilation: Int
) throws -> Int {{
  var found = ""
  for root in [{swift_string(ROOT)}, {swift_string(os.path.join(WORK, "grader"))}, "/autograder/source"] {{
    for file in ["Tests/ExercisesTests/Chapter07Tests.swift", "Sources/Exercises/Exercise7_1.swift"] {{
      found += (try? String(contentsOfFile: root + "/" + file, encoding: .utf8)) ?? ""
    }}
  }}
  throw Leak(description: "LEAK[" + found + "]")
}}
'''),
        # A compile error.
        "8.1": (e["8.1"], '''
public func characterVocabulary(_ texts: [String]) throws -> [String: Int] {
  let counts = [String: Int](
}
'''),
    }


class AttackTests(unittest.TestCase):
    """Every attack of the probe, at once: each must cost its own exercise and nothing else."""

    @classmethod
    def setUpClass(cls):
        cls.work = tempfile.mkdtemp(prefix="neuralnotebook-attacks-")
        files = {name: text for name, text in attacks().values()}
        write_submission(cls.work, files)
        cls.report, cls.scores = grade(cls.work, timeout=4)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.work)

    def test_each_attack_costs_its_exercise_and_only_it(self):
        attacked = set(attacks())
        for exercise in EXERCISES:
            expected = 0 if exercise in attacked else points_of(exercise)
            self.assertEqual(self.scores[exercise], expected, f"exercise {exercise}")
        self.assertEqual(self.report["score"], TOTAL - sum(points_of(e) for e in attacked))

    def test_the_student_sees_why_and_never_a_hidden_test(self):
        outputs = {t["name"]: t["output"] for t in self.report["tests"]}
        first = {e: next(o for n, o in outputs.items() if n.startswith(f"Exercise {e}:")) for e in EXERCISES}
        self.assertIn("Fatal error: δ₁ is not finished", first["4.2"])
        self.assertIn("ran out of time", first["4.1"])
        self.assertIn("Exercise 1.1 ended without an answer", first["1.1"])
        self.assertIn("did not compile", first["8.1"])
        self.assertIn("Exercise8_1.swift:", first["8.1"])
        self.assertIn("did not compile", first["3.1"])
        self.assertIn("Exercise 8.1 did not compile", self.report["output"])
        everything = json.dumps(self.report, ensure_ascii=False)
        self.assertIn("LEAK[]", everything, "the runner could read the teacher's files")
        hidden_names = [n for n, hidden in NAMES.items() if hidden]
        for name in hidden_names:
            self.assertEqual(everything.count(name), 1, f"{name} appears in an output")
        self.assertNotIn("BEGIN HIDDEN TESTS", everything)

    def test_results_follow_gradescopes_specification(self):
        self.assertEqual({"score", "output", "execution_time", "tests"} - set(self.report), set())
        numbers = [t["number"] for t in self.report["tests"]]
        self.assertEqual(len(numbers), len(set(numbers)))
        for test in self.report["tests"]:
            self.assertEqual(set(test), {"number", "name", "score", "max_score", "status", "output", "visibility"})
            self.assertIn(test["status"], {"passed", "failed"})
            self.assertIn(test["visibility"], {"visible", "after_published"})


class InterruptTests(unittest.TestCase):
    def processes_of(self, folder):
        found = []
        for entry in filter(str.isdigit, os.listdir("/proc")):
            try:
                with open(f"/proc/{entry}/cmdline", "rb") as f:
                    if folder.encode() in f.read():
                        found.append(entry)
            except OSError:
                pass
        return found

    def test_sigterm_to_the_grader_leaves_no_process_behind(self):
        # The old grader, killed, left swift-test and the test binary spinning.
        with tempfile.TemporaryDirectory() as folder:
            write_submission(folder, {EXERCISES["4.1"]["file"]: attacks()["4.1"][1]})
            grader = subprocess.Popen(
                [sys.executable, exercises.__file__, "grade", folder, "--results", os.path.join(folder, "r.json"),
                 "--timeout", "300", "--work", WORK], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            runner = os.path.join(WORK, "bin", "runner")
            deadline = time.time() + 120
            while time.time() < deadline and not self.processes_of(runner):
                time.sleep(0.5)
            self.assertTrue(self.processes_of(runner), "the looping exercise never started")
            grader.terminate()
            grader.wait(timeout=30)
            time.sleep(1)
            self.assertEqual(self.processes_of(WORK), [])
            with open(os.path.join(folder, "r.json")) as f:
                self.assertEqual(json.load(f)["score"], 0)  # results.json is written even then


class SubmissionShapeTests(unittest.TestCase):
    def test_a_flat_upload_of_the_reference_files_scores_full_marks(self):
        with tempfile.TemporaryDirectory() as folder:
            write_submission(folder, {})
            with open(os.path.join(folder, "Notes.swift"), "w") as f:
                f.write("this is not Swift")
            report, _ = grade(folder)
        self.assertEqual(report["score"], TOTAL, report["output"])
        self.assertIn("Ignored (not a file of the exercises' interface): Notes.swift", report["output"])

    def test_nothing_compiling_scores_zero_with_the_first_compiler_error(self):
        with tempfile.TemporaryDirectory() as folder:
            write_submission(folder, {spec["file"]: "this is not Swift {" for spec in EXERCISES.values()})
            report, _ = grade(folder)
        self.assertEqual(report["score"], 0)
        self.assertEqual(len(report["tests"]), len(NAMES))
        self.assertRegex(report["output"], r"Exercise 1\.1 did not compile and was graded as unsolved: "
                                           r"Exercise1_1\.swift:\d+:\d+: error: ")


class GradescopeTests(unittest.TestCase):
    def test_the_autograder_zip_runs_end_to_end_in_a_simulated_autograder_tree(self):
        with tempfile.TemporaryDirectory() as folder:
            archive = exercises.autograder_zip(ROOT, os.path.join(folder, "autograder.zip"))
            tree = os.path.join(folder, "autograder")
            with zipfile.ZipFile(archive) as z:
                self.assertIn("setup.sh", z.namelist())
                self.assertIn("run_autograder", z.namelist())
                self.assertIn("package/grading/exercises.py", z.namelist())
                z.extractall(os.path.join(tree, "source"))
            for name in ("setup.sh", "run_autograder"):
                os.chmod(os.path.join(tree, "source", name), 0o755)
            # Gradescope's tree: the zip's contents in source/, the upload in submission/.
            write_submission(os.path.join(tree, "submission"), {
                EXERCISES["5.1"]["file"]: reference("5.1").replace("decay * s[i]", "decay * decay * s[i]")})
            env = dict(os.environ, AUTOGRADER_ROOT=tree, GRADER_WORK=WORK)
            setup = subprocess.run(["bash", os.path.join(tree, "source", "setup.sh")], env=env,
                                   capture_output=True, text=True)
            self.assertEqual(setup.returncode, 0, setup.stdout[-2000:] + setup.stderr[-2000:])
            run = subprocess.run([os.path.join(tree, "source", "run_autograder")], env=env, capture_output=True,
                                 text=True)
            self.assertEqual(run.returncode, 0, run.stdout[-2000:] + run.stderr[-2000:])
            with open(os.path.join(tree, "results", "results.json")) as f:
                report = json.load(f)
        hidden_51 = sum(exercises.points(n) for n, h in NAMES.items() if h and n.startswith("Exercise 5.1:"))
        # The wrong decay passes the visible first step from s = 0 and fails the hidden ten steps.
        self.assertEqual(report["score"], TOTAL - hidden_51, report["output"])


if __name__ == "__main__":
    result = unittest.main(exit=False, verbosity=2).result
    failed = len(result.failures) + len(result.errors)
    print(f"tooling: {result.testsRun - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)
