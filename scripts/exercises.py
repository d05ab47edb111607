#!/usr/bin/env python3
"""Course tooling for NeuralNotebook's exercises.

  exercises.py check                      check the solution and hidden-test markers
  exercises.py student [OUT]              write the student release (default dist/student)
  exercises.py grade [SUBMISSION] [--results FILE]
                                          grade a submission (default: this repository) with
                                          every test, hidden ones included; print a points
                                          table and write a Gradescope results.json

Solutions sit in Sources/Exercises between `// BEGIN SOLUTION` and `// END SOLUTION`; hidden
tests in Tests/ExercisesTests between `// BEGIN HIDDEN TESTS` and `// END HIDDEN TESTS`. A test's
name carries its exercise and its points: @Test("Exercise 3.2: … [2 points]").
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCES = "Sources/Exercises"
TESTS = "Tests/ExercisesTests"
MARKERS = {
    "// BEGIN SOLUTION": ("SOLUTION", "begin"),
    "// END SOLUTION": ("SOLUTION", "end"),
    "// BEGIN HIDDEN TESTS": ("HIDDEN TESTS", "begin"),
    "// END HIDDEN TESTS": ("HIDDEN TESTS", "end"),
}
# Anything that looks like an attempt at a marker: a comment starting BEGIN/END, or naming one.
MARKER_LIKE = re.compile(r"//\s*(BEGIN|END|BEGN|BEIGN|EDN)\b|//.*\b(SOLUTION|SOLUTON|SOLUTIN|HIDDEN)\b", re.I)
EXERCISE = re.compile(r"Exercise (\d+\.\d+)")


class MarkerError(Exception):
    pass


def swift_files(root, folder):
    path = os.path.join(root, folder)
    return sorted(os.path.join(path, f) for f in os.listdir(path) if f.endswith(".swift"))


def scan(path):
    """The marked blocks of a file: (kind, first line, last line, exercise), lines 1-based,
    the markers included. Raises MarkerError naming file and line for any bad marker."""
    blocks, open_block, last_exercise = [], None, None
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for number, line in enumerate(lines, 1):
        text = line.strip()
        match = EXERCISE.search(text)
        if match and text.startswith("///"):
            last_exercise = "Exercise " + match.group(1)
        if text in MARKERS:
            kind, edge = MARKERS[text]
            if edge == "begin":
                if open_block:
                    raise MarkerError(f"{path}:{number}: '{text}' inside the block opened at line {open_block[1]}")
                open_block = (kind, number, last_exercise)
            else:
                if not open_block or open_block[0] != kind:
                    raise MarkerError(f"{path}:{number}: '{text}' without a matching '// BEGIN {kind}'")
                blocks.append((kind, open_block[1], number, open_block[2]))
                open_block = None
        elif MARKER_LIKE.search(text) and not text.startswith("///"):
            raise MarkerError(f"{path}:{number}: '{text}' looks like a marker but is not one of {sorted(MARKERS)}")
    if open_block:
        raise MarkerError(f"{path}:{open_block[1]}: '// BEGIN {open_block[0]}' is never closed")
    for kind, first, _, exercise in blocks:
        if kind == "SOLUTION" and exercise is None:
            raise MarkerError(f"{path}:{first}: a solution with no '/// Exercise N.M' doc comment above it")
    return lines, blocks


def check(root):
    """Every marker in the exercises and their tests; returns the number of blocks."""
    count = 0
    for folder in (SOURCES, TESTS):
        for path in swift_files(root, folder):
            count += len(scan(path)[1])
    return count


def tracked_files(root):
    # Tracked files and new ones git does not ignore: the package as the teacher sees it.
    listing = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=root, capture_output=True, text=True,
        check=True)
    return [f for f in listing.stdout.split("\n") if f]


def student_release(root, out):
    """Writes the package to `out` with solutions replaced and hidden tests removed."""
    check(root)
    files = {relative: read_bytes(os.path.join(root, relative)) for relative in tracked_files(root)}
    for folder, kind, replace in ((SOURCES, "SOLUTION", True), (TESTS, "HIDDEN TESTS", False)):
        for path in swift_files(root, folder):
            lines, blocks = scan(path)
            for _, first, last, exercise in reversed([b for b in blocks if b[0] == kind]):
                indent = re.match(r"\s*", lines[first - 1]).group(0)
                lines[first - 1:last] = [f'{indent}throw NotImplemented("{exercise}")'] if replace else []
            files[os.path.relpath(path, root)] = "\n".join(lines).encode("utf-8")
    mirror(files, root, out)
    return out


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def put(target, data, mode_from=None):
    """Writes `data` to `target` unless it already holds exactly that, with the mode of the file
    `mode_from`. A file written gets the current time. That is what lets a build folder be
    reused: an incremental Swift build can take a file with an older time for unchanged, and a
    copy keeping its source's time (shutil.copy2) can be older than the last build."""
    if os.path.isfile(target) and read_bytes(target) == data:
        return
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "wb") as f:
        f.write(data)
    if mode_from and os.path.exists(mode_from):
        shutil.copymode(mode_from, target)


def mirror(files, root, folder):
    """Makes `folder` hold exactly `files` (relative path → contents), each written by `put` with
    the mode of the same path under `root`. Under the top-level folders that `files` uses, any
    other file is removed, so no stale source is compiled; other folders (`.build`, `.swiftpm`)
    and top-level files (`Package.resolved`) are left as they are."""
    for relative, data in files.items():
        put(os.path.join(folder, relative), data, os.path.join(root, relative))
    tops = {relative.split("/")[0] for relative in files if "/" in relative}
    for top in tops:
        for directory, _, names in os.walk(os.path.join(folder, top)):
            for name in names:
                path = os.path.join(directory, name)
                if os.path.relpath(path, folder) not in files:
                    os.remove(path)


def test_names(root):
    """Every exercise test's display name, and whether it is hidden."""
    names = {}
    for path in swift_files(root, TESTS):
        lines, blocks = scan(path)
        hidden = [(first, last) for kind, first, last, _ in blocks if kind == "HIDDEN TESTS"]
        for number, line in enumerate(lines, 1):
            match = re.search(r'@Test\("([^"]+)"', line)
            if match:
                names[match.group(1)] = any(first < number < last for first, last in hidden)
    return names


def points(name):
    match = re.search(r"\[(\d+) points?\]", name)
    return int(match.group(1)) if match else 0


def run_tests(folder, scratch, names):
    """`swift test` on the exercise tests of `folder`: (exit status, console output, results of
    `parse` for `names`). `scratch` is the build folder, kept between runs; use one per package
    folder (SwiftPM does not expect one build folder to serve two packages).

    The results come from Swift Testing's JSON event stream, written by the test process to a
    file, not from the console: the console output of tests running in parallel, as `swift
    test` passes it on, can lose lines (seen here: a run of 34 tests that all ended printed the
    end of a handful)."""
    with tempfile.TemporaryDirectory() as folder_for_events:
        events = os.path.join(folder_for_events, "events.jsonl")
        command = ["swift", "test", "--filter", "ExercisesTests", "--scratch-path", scratch,
                   "--experimental-event-stream-output", events, "--experimental-event-stream-version", "0"]
        result = subprocess.run(command, cwd=folder, capture_output=True, text=True)
        records = read_events(events)
    return result.returncode, result.stdout + result.stderr, parse(records, names)


def read_events(path):
    """The records of an event stream file (one JSON object a line); none if there is no file,
    as when the build failed."""
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def parse(records, names):
    """Per test display name: passed (True, False, or None when it never ended: not built, not
    run, or the test process crashed first) and the messages of its issues. A test passed when
    it ended with no issue recorded against it (known issues, `withKnownIssue`, aside)."""
    display, ended, messages = {}, set(), {}
    for record in records:
        payload = record["payload"]
        if record["kind"] == "test":
            display[payload["id"]] = payload.get("displayName", payload["name"])
        elif payload["kind"] == "testEnded":
            ended.add(payload["testID"])
        elif payload["kind"] == "issueRecorded" and not payload["issue"].get("isKnown"):
            where = payload["issue"].get("sourceLocation", {})
            at = f"{where.get('fileID', '?').split('/')[-1]}:{where.get('line', '?')}:{where.get('column', '?')}"
            text = " ".join(m["text"] for m in payload["messages"] if m["symbol"] != "details")
            messages.setdefault(payload["testID"], []).append(f"{at}: {text}")
    results = {name: {"passed": None, "messages": []} for name in names}
    for test_id, name in display.items():
        if name in results:
            results[name]["messages"] = messages.get(test_id, [])
            if test_id in ended:
                results[name]["passed"] = not results[name]["messages"]
    return results


def grade(root, submission, results_path, scratch):
    """Grades `submission`: the teacher's package and full tests, with only the submission's
    Sources/Exercises put in; writes results.json; returns the score."""
    names = test_names(root)
    # One grading copy beside the build folder, kept between runs: what is unchanged keeps its
    # time, so only the exercises and what depends on them are rebuilt.
    copy = scratch.rstrip("/") + "-submission"
    files = {r: read_bytes(os.path.join(root, r)) for r in tracked_files(root) if not r.startswith(SOURCES + "/")}
    submitted = os.path.join(submission, SOURCES)
    for directory, _, filenames in os.walk(submitted):
        for name in filenames:
            path = os.path.join(directory, name)
            files[os.path.join(SOURCES, os.path.relpath(path, submitted))] = read_bytes(path)
    mirror(files, root, copy)
    status, output, parsed = run_tests(copy, scratch, names)
    build_failed = all(r["passed"] is None for r in parsed.values())
    tests, score = [], 0
    for name in sorted(names, key=lambda n: (EXERCISE.search(n).group(1) if EXERCISE.search(n) else n, n)):
        result = parsed[name]
        earned = points(name) if result["passed"] else 0
        score += earned
        message = "\n".join(result["messages"]) or ("passed" if result["passed"] else "did not run")
        if build_failed:
            message = "the submission did not build or the tests did not run:\n" + output[-3000:]
        tests.append({
            "name": name, "score": earned, "max_score": points(name), "output": message,
            "visibility": "after_published" if names[name] else "visible",
        })
    report = {"score": score, "tests": tests}
    os.makedirs(os.path.dirname(os.path.abspath(results_path)), exist_ok=True)
    with open(results_path, "w", encoding="utf-8") as f:
        json.dump(report, f, indent=2, ensure_ascii=False)
    width = max(len(t["name"]) for t in tests)
    print(f"{'test'.ljust(width)}  points")
    print(f"{'─' * width}  ──────")
    for t in tests:
        mark = "✓" if t["score"] == t["max_score"] else "✗"
        print(f"{t['name'].ljust(width)}  {t['score']:>2}/{t['max_score']:<2} {mark}{'  (hidden)' if t['visibility'] != 'visible' else ''}")
    print(f"{'total'.ljust(width)}  {score}/{sum(t['max_score'] for t in tests)}")
    print(f"results written to {results_path}")
    return score


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="check the markers")
    student = commands.add_parser("student", help="write the student release")
    student.add_argument("out", nargs="?", default=os.path.join(ROOT, "dist", "student"))
    grader = commands.add_parser("grade", help="grade a submission with every test")
    grader.add_argument("submission", nargs="?", default=ROOT)
    grader.add_argument("--results", default=os.path.join(ROOT, "dist", "grade", "results.json"))
    grader.add_argument("--scratch", default=os.path.join(ROOT, ".build-grade"))
    args = parser.parse_args()
    try:
        if args.command == "check":
            print(f"{check(ROOT)} marked blocks, all well formed")
        elif args.command == "student":
            print(f"student release written to {student_release(ROOT, args.out)}")
        else:
            grade(ROOT, os.path.abspath(args.submission), args.results, args.scratch)
    except MarkerError as error:
        print(f"marker error: {error}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
