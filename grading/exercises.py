#!/usr/bin/env python3
"""Course tooling for NeuralNotebook's exercises (teachers only: not in the student release).

  exercises.py check                      check the solution and hidden-test markers
  exercises.py student [OUT]              write the student release (default dist/student)
  exercises.py grade [SUBMISSION] [--results FILE] [--timeout S] [--work DIR]
                                          grade a submission with every test, hidden ones
                                          included; print a points table and write a Gradescope
                                          results.json
  exercises.py prepare [--work DIR]       build the grader's package ahead of grading
  exercises.py autograder [ZIP]           write the Gradescope autograder zip (dist/autograder.zip)

Solutions sit in Sources/Exercises, one file per exercise, between `// BEGIN SOLUTION` and
`// END SOLUTION`; hidden tests in Tests/ExercisesTests between `// BEGIN HIDDEN TESTS` and
`// END HIDDEN TESTS`. A test's name carries its exercise and its points:
@Test("Exercise 3.2: … [2 points]").

How grading keeps the evidence out of the student's reach (grading/README.md says more):
- The submission is compiled into a program of its own, the runner, from the submitted exercise
  files and the fixed files of the interface, with a generated `main.swift` that names every
  exercise function with its exact type (so a changed signature is a compile error of that
  exercise). An exercise that does not compile is replaced by its unsolved stub and loses its
  points alone.
- The tests run in the grader's own build of the teacher's package, where the module `Exercises`
  is a generated proxy: each call sends its arguments to the runner, in a process of its own, and
  decodes the answer. The comparisons, the test process and its event stream never contain
  student code. As root the runner runs as `nobody` with the teacher's files hidden behind empty
  mounts; everywhere with limits on memory, files, processes and time, and its whole process
  group is killed when an exercise's time is up.
"""

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SOURCES = "Sources/Exercises"
TESTS = "Tests/ExercisesTests"
# The interface's fixed files: the grader always uses the teacher's copies.
FIXED = ("NetworkGradients.swift", "NotImplemented.swift")
EXERCISE_FILE = re.compile(r"^Exercise(\d+)_(\d+)\.swift$")
# What the student release leaves out: the teacher's tools and notes.
TEACHER_ONLY = ("grading/",)
MARKERS = {
    "// BEGIN SOLUTION": ("SOLUTION", "begin"),
    "// END SOLUTION": ("SOLUTION", "end"),
    "// BEGIN HIDDEN TESTS": ("HIDDEN TESTS", "begin"),
    "// END HIDDEN TESTS": ("HIDDEN TESTS", "end"),
}
# Anything that looks like an attempt at a marker: a comment starting BEGIN/END, or naming one.
MARKER_LIKE = re.compile(r"//\s*(BEGIN|END|BEGN|BEIGN|EDN)\b|//.*\b(SOLUTION|SOLUTON|SOLUTIN|HIDDEN)\b", re.I)
EXERCISE = re.compile(r"Exercise (\d+\.\d+)")
DEFAULT_TIMEOUT = 60


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


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def read_text(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def tracked_files(root):
    """Tracked files and new ones git does not ignore: the package as the teacher sees it. Outside
    a git checkout (the autograder's copy), every file but build products."""
    listing = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=root, capture_output=True, text=True)
    if listing.returncode == 0 and os.path.isdir(os.path.join(root, ".git")):
        return [f for f in listing.stdout.split("\n") if f and os.path.isfile(os.path.join(root, f))]
    files = []
    for directory, folders, names in os.walk(root):
        folders[:] = [f for f in folders if not f.startswith((".build", ".git", ".swiftpm", "dist", "__pycache__"))]
        files += [os.path.relpath(os.path.join(directory, n), root) for n in names]
    return sorted(files)


# ── The student release ─────────────────────────────────────────────────────────────────────

def stubbed(path):
    """The text of an exercise file with each solution replaced by `throw NotImplemented(…)`."""
    lines, blocks = scan(path)
    for _, first, last, exercise in reversed([b for b in blocks if b[0] == "SOLUTION"]):
        indent = re.match(r"\s*", lines[first - 1]).group(0)
        lines[first - 1:last] = [f'{indent}throw NotImplemented("{exercise}")']
    return "\n".join(lines)


def without_hidden_tests(path):
    lines, blocks = scan(path)
    for _, first, last, _ in reversed([b for b in blocks if b[0] == "HIDDEN TESTS"]):
        lines[first - 1:last] = []
    return "\n".join(lines)


def without_teachers_section(text):
    """EXERCISES.md up to its '## Teachers' section (the teachers' notes are in grading/)."""
    return re.split(r"\n## Teachers\b", text)[0].rstrip("\n") + "\n"


def student_release(root, out):
    """Writes the package to `out` with solutions replaced, hidden tests, the grading tools and
    the teachers' notes removed."""
    check(root)
    files = {r: read_bytes(os.path.join(root, r)) for r in tracked_files(root) if not r.startswith(TEACHER_ONLY)}
    for path in swift_files(root, SOURCES):
        files[os.path.relpath(path, root)] = stubbed(path).encode("utf-8")
    for path in swift_files(root, TESTS):
        files[os.path.relpath(path, root)] = without_hidden_tests(path).encode("utf-8")
    guide = "chapters/EXERCISES.md"
    if guide in files:
        files[guide] = without_teachers_section(files[guide].decode("utf-8")).encode("utf-8")
    mirror(files, root, out)
    return out


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
        put(os.path.join(folder, relative), data, os.path.join(root, relative) if root else None)
    tops = {relative.split("/")[0] for relative in files if "/" in relative}
    for top in tops:
        for directory, _, names in os.walk(os.path.join(folder, top)):
            for name in names:
                path = os.path.join(directory, name)
                if os.path.relpath(path, folder) not in files:
                    os.remove(path)


# ── The interface: each exercise's function, read from the teacher's files ────────────────────

SIGNATURE = re.compile(r"public func (\w+)\((.*?)\)\s*throws\s*->\s*(.+?)\s*\{", re.S)


def split_top_level(text, separator=","):
    parts, depth, current = [], 0, ""
    for character in text:
        if character in "([<":
            depth += 1
        elif character in ")]>":
            depth -= 1
        if character == separator and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += character
    if current.strip():
        parts.append(current)
    return [p.strip() for p in parts]


def interface(root):
    """Per exercise id ("3.2"): its file name, function name, parameters (label, name, type) and
    return type, from the teacher's exercise files."""
    exercises = {}
    for path in swift_files(root, SOURCES):
        match = EXERCISE_FILE.match(os.path.basename(path))
        if not match:
            continue
        signature = SIGNATURE.search(read_text(path))
        if not signature:
            raise MarkerError(f"{path}: no 'public func name(…) throws -> Type {{' found")
        parameters = []
        for parameter in split_top_level(signature.group(2)):
            names, kind = parameter.split(":", 1)
            if "=" in kind:
                raise MarkerError(f"{path}: parameter '{names.strip()}' has a default value; the grader calls every "
                                  "exercise with all its arguments, so give none")
            names = names.split()
            label, name = (names[0], names[-1])
            parameters.append((label, name, " ".join(kind.split())))
        exercise = f"{match.group(1)}.{match.group(2)}"
        exercises[exercise] = {
            "file": os.path.basename(path), "function": signature.group(1), "parameters": parameters,
            "returns": " ".join(signature.group(3).split()),
        }
    return dict(sorted(exercises.items(), key=lambda item: tuple(int(n) for n in item[0].split("."))))


def tuple_elements(kind):
    """The element types of a named tuple type '(a: A, b: B)', or None for any other type."""
    if not kind.startswith("("):
        return None
    return [element.split(":", 1)[1].strip() for element in split_top_level(kind[1:-1])]


def full_name(spec):
    return spec["function"] + "(" + "".join(label + ":" for label, _, _ in spec["parameters"]) + ")"


def runner_main(exercises):
    """The runner's main.swift: names each exercise function with its exact type, so a submission
    that changes a signature does not compile, decodes the arguments, calls, and sends back the
    answer or the error's description."""
    cases = []
    for exercise, spec in exercises.items():
        types = ", ".join(kind for _, _, kind in spec["parameters"])
        arguments = ", ".join(f"try {kind}(wire: a[{i}])" for i, (_, _, kind) in enumerate(spec["parameters"]))
        elements = tuple_elements(spec["returns"])
        answer = (".array([" + ", ".join(f"r.{i}.wire" for i in range(len(elements))) + "])") if elements else "r.wire"
        cases.append(
            f'  case "{exercise}":\n'
            f"    let f: ({types}) throws -> {spec['returns']} = {full_name(spec)}\n"
            f"    let r = try f({arguments})\n"
            f"    return {answer}\n")
    return (
        "// main.swift — generated by grading/exercises.py: the submission's runner.\n"
        "// runner EXERCISE < arguments.json > reply.json\n\n"
        "import Exercises\nimport Foundation\n\n"
        "// The reply goes to the original standard output; what the exercise prints goes to standard error.\n"
        "let replyDescriptor = dup(1)\n_ = dup2(2, 1)\n\n"
        "func call(_ exercise: String, _ a: [Wire]) throws -> Wire {\n"
        "  switch exercise {\n" + "".join(cases) +
        '  default: throw WireMismatch(expected: "an exercise of the interface", got: .string(exercise))\n'
        "  }\n}\n\n"
        "var reply = Reply()\n"
        "do {\n"
        "  let arguments = try JSONDecoder().decode([Wire].self, from: FileHandle.standardInput.readDataToEndOfFile())\n"
        "  reply.value = try call(CommandLine.arguments[1], arguments)\n"
        "} catch {\n"
        "  reply.error = String(describing: error)\n"
        "}\n"
        "fflush(nil)\n"
        "FileHandle(fileDescriptor: replyDescriptor).write(try JSONEncoder().encode(reply))\n"
        "exit(0)\n")


def proxy_functions(exercises):
    """The grader's `Exercises` module: the same public functions, each calling the runner."""
    functions = []
    for exercise, spec in exercises.items():
        parameters = ", ".join(
            (f"{label} {name}: {kind}" if label != name else f"{name}: {kind}") for label, name, kind in spec["parameters"])
        wires = ", ".join(f"{name}.wire" for _, name, _ in spec["parameters"])
        call = f'remote("{exercise}", [{wires}])'
        elements = tuple_elements(spec["returns"])
        if elements:
            parts = ", ".join(f"try {kind}(wire: parts[{i}])" for i, kind in enumerate(elements))
            body = (f"  let answer = try {call}\n"
                    f"  guard case .array(let parts) = answer, parts.count == {len(elements)} else {{\n"
                    f'    throw WireMismatch(expected: "{len(elements)} values", got: answer)\n  }}\n'
                    f"  return ({parts})\n")
        else:
            body = f"  try {spec['returns']}(wire: {call})\n"
        functions.append(
            f"/// Exercise {exercise}, answered by the submission's runner.\n"
            f"public func {spec['function']}({parameters}) throws -> {spec['returns']} {{\n{body}}}\n")
    return ("// Exercises.swift — generated by grading/exercises.py: the grader's Exercises module.\n\n"
            "import Foundation\n\n" + "\n".join(functions))


# ── Grading ─────────────────────────────────────────────────────────────────────────────────

def test_names(root):
    """Every exercise test's display name, and whether it is hidden."""
    names = {}
    for path in swift_files(root, TESTS):
        lines, blocks = scan(path)
        hidden = [(first, last) for kind, first, last, _ in blocks if kind == "HIDDEN TESTS"]
        text = "\n".join(lines)
        for match in re.finditer(r'@Test\(\s*"([^"]+)"', text):
            number = text.count("\n", 0, match.start()) + 1
            names[match.group(1)] = any(first < number < last for first, last in hidden)
    return names


def points(name):
    match = re.search(r"\[(\d+) points?\]", name)
    return int(match.group(1)) if match else 0


def run_killing_group(command, cwd, timeout, env=None):
    """Runs `command` in a session of its own; on timeout, on an exception (Ctrl-C, SIGTERM) and
    after it ends, kills every process left in that session. (`swift test` starts the test
    binary in a process group of its own, and the proxy starts each runner in another, so the
    session, not a process group, is what holds them all.) Returns (exit status or None on
    timeout, output)."""
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               start_new_session=True)
    try:
        output, _ = process.communicate(timeout=timeout)
        return process.returncode, output.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        kill_session(process.pid)
        output, _ = process.communicate()
        return None, output.decode("utf-8", "replace")
    finally:
        kill_session(process.pid)


def kill_session(session):
    """Kills every process whose session is `session` (a pid that called setsid), until none is left."""
    for _ in range(20):
        found = False
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[3]) == session and fields[0] != "Z":
                found = True
                try:
                    os.kill(int(entry), signal.SIGKILL)
                except OSError:
                    pass
        if not found:
            return
        time.sleep(0.05)


def run_tests(folder, scratch, names, env=None, timeout=None):
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
        status, output = run_killing_group(command, folder, timeout, env)
        records = read_events(events)
    return status, output, parse(records, names)


def read_events(path):
    """The records of an event stream file (one JSON object a line); none if there is no file,
    as when the build failed. A line that is not a JSON object is skipped."""
    if not os.path.exists(path):
        return []
    records = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if isinstance(record, dict) and isinstance(record.get("payload"), dict):
                records.append(record)
    return records


def parse(records, names):
    """Per test display name: passed (True, False, or None when it never ended: not built, not
    run, or the test process crashed first) and the messages of its issues, each a pair (where,
    text). A test passed when it ended with no issue recorded against it (known issues,
    `withKnownIssue`, aside)."""
    display, ended, messages = {}, set(), {}
    for record in records:
        payload = record["payload"]
        try:
            if record.get("kind") == "test":
                display[payload["id"]] = payload.get("displayName", payload["name"])
            elif payload.get("kind") == "testEnded":
                ended.add(payload["testID"])
            elif payload.get("kind") == "issueRecorded" and not payload["issue"].get("isKnown"):
                where = payload["issue"].get("sourceLocation", {})
                at = f"{where.get('fileID', '?').split('/')[-1]}:{where.get('line', '?')}:{where.get('column', '?')}"
                text = " ".join(m["text"] for m in payload["messages"] if m["symbol"] != "details")
                messages.setdefault(payload["testID"], []).append((at, text))
        except (KeyError, TypeError, AttributeError):
            continue
    results = {name: {"passed": None, "messages": []} for name in names}
    for test_id, name in display.items():
        if name in results:
            results[name]["messages"] = messages.get(test_id, [])
            if test_id in ended:
                results[name]["passed"] = not results[name]["messages"]
    return results


def collect_submission(submission, known):
    """The submitted exercise files, by name, from `submission` flat or in folders (Gradescope
    uploads arrive either way), and the files left out. Only the interface's file names are
    taken; of two files with one name, the one under Sources/Exercises wins."""
    found, ignored = {}, []
    for directory, folders, names in os.walk(submission):
        folders[:] = sorted(f for f in folders if not f.startswith(".build"))
        for name in sorted(names):
            path = os.path.join(directory, name)
            relative = os.path.relpath(path, submission)
            if name not in known:
                # Worth a note: a Swift file where exercise files go (flat, or Sources/Exercises).
                where = os.path.dirname(relative.replace(os.sep, "/"))
                if name.endswith(".swift") and name not in FIXED + ("Package.swift",) and where in ("", SOURCES):
                    ignored.append(relative)
                continue
            preferred = relative.replace(os.sep, "/").startswith(SOURCES + "/")
            if name not in found or preferred:
                found[name] = read_bytes(path)
    return found, ignored


RUNNER_PACKAGE = """// swift-tools-version: 6.1
// Generated by grading/exercises.py: a submission's exercises and the runner that calls them.
import PackageDescription

let package = Package(
  name: "Submission",
  targets: [
    .target(name: "Exercises"),
    .executableTarget(name: "runner", dependencies: ["Exercises"]),
  ]
)
"""

TRUSTED_PACKAGE = """// swift-tools-version: 6.1
// Generated by grading/exercises.py: the teacher's exercise tests, with `Exercises` the proxy
// that asks the submission's runner for each answer.
import PackageDescription

let package = Package(
  name: "Grader",
  targets: [
    .systemLibrary(name: "COpenBLAS", path: "Sources/COpenBLAS", pkgConfig: "openblas"),
    .target(name: "CLanes"),
    .target(name: "Autograd", dependencies: ["COpenBLAS", "CLanes"]),
    .target(name: "Examples", dependencies: ["Autograd"]),
    .target(name: "Exercises"),
    .testTarget(name: "ExercisesTests", dependencies: ["Exercises", "Autograd", "Examples"]),
  ]
)
"""


def trusted_files(root, exercises):
    """The grader's package: the teacher's library, examples and tests, and the proxy."""
    files = {"Package.swift": TRUSTED_PACKAGE.encode()}
    for relative in tracked_files(root):
        if relative.startswith(
            ("Sources/Autograd/", "Sources/COpenBLAS/", "Sources/CLanes/", "Sources/Examples/", TESTS + "/")
        ):
            files[relative] = read_bytes(os.path.join(root, relative))
    for name in FIXED:
        files[f"{SOURCES}/{name}"] = read_bytes(os.path.join(root, SOURCES, name))
    files[f"{SOURCES}/Wire.swift"] = read_bytes(os.path.join(HERE, "Wire.swift"))
    files[f"{SOURCES}/Remote.swift"] = read_bytes(os.path.join(HERE, "proxy", "Remote.swift"))
    files[f"{SOURCES}/Exercises.swift"] = proxy_functions(exercises).encode()
    return files


def runner_files(root, exercises, submitted, stubs):
    """The runner's package: submitted exercise files (stubs for those in `stubs` or missing),
    the interface's fixed files and the generated main."""
    files = {"Package.swift": RUNNER_PACKAGE.encode()}
    for name in FIXED:
        files[f"{SOURCES}/{name}"] = read_bytes(os.path.join(root, SOURCES, name))
    for exercise, spec in exercises.items():
        name = spec["file"]
        if exercise in stubs or name not in submitted:
            files[f"{SOURCES}/{name}"] = stubbed(os.path.join(root, SOURCES, name)).encode()
        else:
            files[f"{SOURCES}/{name}"] = submitted[name]
    # The runner sees NetworkGradients through the import; the proxy has it in its own module.
    files["Sources/runner/Wire.swift"] = b"import Exercises\n" + read_bytes(os.path.join(HERE, "Wire.swift"))
    files["Sources/runner/main.swift"] = runner_main(exercises).encode()
    return files


COMPILER_ERROR = re.compile(r"^(/[^:\n]+):(\d+):(\d+): error: (.*)$", re.M)


def build_runner(root, exercises, submitted, folder, timeout):
    """Builds the runner, leaving out (as stubs) the exercises that do not compile, one round at
    a time: an error in an exercise's file, or in the line of main.swift that names its function,
    stubs that exercise. Returns (path of the runner or None, {exercise: first error})."""
    by_file = {spec["file"]: exercise for exercise, spec in exercises.items()}
    errors = {}
    for _ in range(len(exercises) + 2):
        mirror(runner_files(root, exercises, submitted, errors), None, folder)
        main_lines = read_text(os.path.join(folder, "Sources/runner/main.swift")).split("\n")
        status, output = run_killing_group(["swift", "build", "--product", "runner"], folder, timeout)
        if status == 0:
            bin_path = run_killing_group(["swift", "build", "--show-bin-path"], folder, 60)[1].strip().split("\n")[-1]
            return os.path.join(bin_path, "runner"), errors
        if status is None:
            return None, {e: f"the build ran out of time ({timeout} s)" for e in exercises}
        blamed = {}
        for path, line, column, message in COMPILER_ERROR.findall(output):
            name = os.path.basename(path)
            exercise = by_file.get(name)
            if exercise is None and name == "main.swift" and main_lines[int(line) - 1].startswith("    "):
                # The case of main.swift the line is in names the exercise.
                for number in range(int(line) - 1, -1, -1):
                    match = re.match(r'\s*case "(\d+\.\d+)":', main_lines[number])
                    if match:
                        exercise = match.group(1)
                        message = f"its signature differs from the exercise's ({message})"
                        break
            if exercise and exercise not in errors and exercise not in blamed:
                blamed[exercise] = f"{name}:{line}:{column}: error: {message}" if name != "main.swift" else message
        if not blamed:
            first = COMPILER_ERROR.search(output)
            reason = first.group(0) if first else output.strip().split("\n")[-1]
            for exercise in exercises:
                errors.setdefault(exercise, f"the submission did not build: {reason}")
            continue
        errors.update(blamed)
    return None, errors


def folders_to_hide(candidates, keep):
    """The outermost of `candidates` that exist and do not hold `keep` (the runner's folder)."""
    keep = os.path.realpath(keep) + os.sep
    paths = sorted({os.path.realpath(p) for p in candidates if os.path.isdir(p)})
    paths = [p for p in paths if not keep.startswith(p + os.sep)]
    return [p for p in paths if not any(p != q and p.startswith(q + os.sep) for q in paths)]


def sandbox_command(hidden, timeout):
    """The command that runs the runner: resource limits always; as root also another user and
    the teacher's folders hidden under empty mounts (the runner must not read hidden tests or
    solutions and pass them on in an error message)."""
    limits = ["prlimit", f"--as={8 << 30}", f"--fsize={64 << 20}", "--core=0", f"--cpu={int(timeout) + 5}"]
    if os.geteuid() != 0:
        return [shutil.which("prlimit")] + limits[1:] + ["--"], "not root: the runner runs as this user"
    nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--inh-caps=-all"]
    mounts = " && ".join(f"mount -t tmpfs -o size=1m,mode=000 none '{path}'" for path in hidden)
    script = (mounts + " && " if mounts else "") + 'exec ' + " ".join(limits) + " --nproc=64 -- " + " ".join(nobody) + ' "$@"'
    probe = subprocess.run(["unshare", "--mount", "--propagation", "private", "sh", "-c", script, "sh", "true"],
                           capture_output=True, text=True)
    if probe.returncode == 0:
        return ([shutil.which("unshare"), "--mount", "--propagation", "private", "/bin/sh", "-c", script, "sh"],
                "root: the runner runs as nobody, with the teacher's folders hidden")
    script = 'exec ' + " ".join(limits) + " --nproc=64 -- " + " ".join(nobody) + ' "$@"'
    return (["/bin/sh", "-c", script, "sh"],
            "root without mount namespaces: the runner runs as nobody (teacher's folders must not be world-readable)")


def prepare(root, work, build_timeout=1800):
    """Builds the grader's package (the teacher's tests against the proxy) in `work`; returns its
    folder. The autograder's setup does this once, so that grading builds only the submission."""
    work = os.path.abspath(work)
    os.makedirs(work, mode=0o700, exist_ok=True)
    os.chmod(work, 0o711)  # others may pass through to bin/, not list or read
    trusted = os.path.join(work, "grader")
    os.makedirs(trusted, mode=0o700, exist_ok=True)
    mirror(trusted_files(root, interface(root)), None, trusted)
    status, output = run_killing_group(["swift", "build", "--build-tests"], trusted, build_timeout)
    if status != 0:
        raise SystemExit(f"the grader's own package did not build (a teacher's error):\n{output[-3000:]}")
    return trusted


def grade(root, submission, results_path, work=None, timeout=DEFAULT_TIMEOUT, build_timeout=900):
    """Grades `submission` (a folder: a copy of the package, or the exercise files flat); writes
    results.json (always); returns the score."""
    started = time.time()
    work = os.path.abspath(work or default_work())
    exercises = interface(root)
    names = test_names(root)
    known = {spec["file"] for spec in exercises.values()}
    submitted, ignored = collect_submission(submission, known)
    notes = []
    if ignored:
        notes.append("Ignored (not a file of the exercises' interface): " + ", ".join(ignored[:20]))
    missing = sorted(known - set(submitted))
    if missing:
        notes.append("Not submitted (graded as unsolved): " + ", ".join(missing))

    trusted = prepare(root, work, build_timeout)
    student = os.path.join(work, "submission")
    os.makedirs(student, mode=0o700, exist_ok=True)

    runner, compile_errors = build_runner(root, exercises, submitted, student, build_timeout)
    for exercise, error in compile_errors.items():
        notes.append(f"Exercise {exercise} did not compile and was graded as unsolved: {error}")

    results = {name: {"passed": False, "messages": [("", "the submission did not build")]} for name in names}
    if runner:
        # The runner, alone in a folder others may enter, so that `nobody` can run it.
        bin_folder = os.path.join(work, "bin")
        os.makedirs(bin_folder, exist_ok=True)
        os.chmod(bin_folder, 0o755)
        shutil.copy(runner, os.path.join(bin_folder, "runner"))
        os.chmod(os.path.join(bin_folder, "runner"), 0o755)
        calls = os.path.join(work, "calls")
        os.makedirs(calls, mode=0o700, exist_ok=True)
        extra = [p for p in os.environ.get("GRADER_HIDE", "").split(":") if p]
        hidden = folders_to_hide(
            [root, trusted, student, calls, os.path.dirname(os.path.abspath(results_path))] + extra, keep=bin_folder)
        command, mode = sandbox_command(hidden, timeout)
        notes.append("Sandbox: " + mode)
        env = dict(os.environ, GRADER_RUNNER=os.path.join(bin_folder, "runner"), GRADER_SANDBOX=json.dumps(command),
                   GRADER_TIMEOUT=str(timeout), GRADER_CALLS=calls,
                   GRADER_NOT_COMPILED=json.dumps(compile_errors if runner else {}))
        overall = 120 + timeout * len(exercises)
        status, output, results = run_tests(trusted, os.path.join(trusted, ".build"), names, env, overall)
        if status is None:
            notes.append(f"The tests ran out of time ({overall} s); tests that had not ended score 0.")

    tests, score = [], 0
    ordered = sorted(names, key=lambda n: (tuple(int(x) for x in EXERCISE.search(n).group(1).split("."))
                                          if EXERCISE.search(n) else (999,), n))
    counters = {}
    for name in ordered:
        result = results[name]
        exercise = EXERCISE.search(name).group(1) if EXERCISE.search(name) else "0.0"
        counters[exercise] = counters.get(exercise, 0) + 1
        passed = bool(result["passed"])
        earned = points(name) if passed else 0
        score += earned
        tests.append({
            "number": f"{exercise}.{counters[exercise]}", "name": name, "score": earned, "max_score": points(name),
            "status": "passed" if passed else "failed",
            "output": test_output(result, hidden=names[name]),
            "visibility": "after_published" if names[name] else "visible",
        })
    total = sum(t["max_score"] for t in tests)
    notes.append(f"Score: {score}/{total} (tests marked hidden count too; their results show once grades are published)")
    report = {"score": score, "output": "\n".join(notes), "execution_time": round(time.time() - started),
              "visibility": "visible", "stdout_visibility": "hidden", "tests": tests}
    write_report(report, results_path)
    print_table(tests, score, total, results_path)
    return score


def test_output(result, hidden):
    """What a test says to the student. A hidden test never quotes its own source (an
    expectation's message does): it says 'passed', the error the submission raised, or that an
    expectation failed."""
    if result["passed"]:
        return "passed"
    if result["passed"] is None and not result["messages"]:
        return "did not run"
    lines = []
    for at, text in result["messages"]:
        raised = text.startswith("Caught error:")
        if hidden and not raised:
            text = "a hidden expectation failed"
        lines.append(text if hidden or not at else f"{at}: {text}")
    return "\n".join(dict.fromkeys(lines))[:4000]


def write_report(report, path):
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(report, f, indent=2, ensure_ascii=False)


def print_table(tests, score, total, results_path):
    width = max(len(t["name"]) for t in tests)
    print(f"{'test'.ljust(width)}  points")
    print(f"{'─' * width}  ──────")
    for t in tests:
        mark = "✓" if t["score"] == t["max_score"] else "✗"
        print(f"{t['name'].ljust(width)}  {t['score']:>2}/{t['max_score']:<2} {mark}"
              f"{'  (hidden)' if t['visibility'] != 'visible' else ''}")
    print(f"{'total'.ljust(width)}  {score}/{total}")
    print(f"results written to {results_path}")


def default_work():
    return os.environ.get("GRADER_WORK") or os.path.join(tempfile.gettempdir(), f"neuralnotebook-grading-{os.geteuid()}")


def grade_safely(root, submission, results_path, **options):
    """`grade`, but a results.json is written whatever happens (Gradescope shows it)."""
    try:
        return grade(root, submission, results_path, **options)
    except BaseException as error:  # noqa: B902 — the report must exist even then
        names = test_names(root)
        tests = [{"number": str(i + 1), "name": n, "score": 0, "max_score": points(n), "status": "failed",
                  "output": "not graded: the grader failed", "visibility": "after_published" if h else "visible"}
                 for i, (n, h) in enumerate(sorted(names.items()))]
        write_report({"score": 0, "output": f"The grader failed: {error}", "execution_time": 0, "tests": tests},
                     results_path)
        raise


# ── Gradescope ──────────────────────────────────────────────────────────────────────────────

def autograder_zip(root, path):
    """The Gradescope autograder: setup.sh and run_autograder at the top, the teacher's package
    (tracked files, the grading tools included) under package/."""
    check(root)
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in ("setup.sh", "run_autograder"):
            info = zipfile.ZipInfo(name)
            info.external_attr = 0o755 << 16
            archive.writestr(info, read_bytes(os.path.join(HERE, "gradescope", name)))
        for relative in sorted(tracked_files(root)):
            info = zipfile.ZipInfo("package/" + relative)
            mode = os.stat(os.path.join(root, relative)).st_mode & 0o777
            info.external_attr = mode << 16
            archive.writestr(info, read_bytes(os.path.join(root, relative)))
    return path


def main():
    # SIGTERM (make killed, a job cancelled) unwinds like Ctrl-C, so that `run_killing_group`
    # kills the build or test process group it started instead of leaving it running.
    signal.signal(signal.SIGTERM, lambda number, frame: sys.exit(128 + number))
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="check the markers")
    student = commands.add_parser("student", help="write the student release")
    student.add_argument("out", nargs="?", default=os.path.join(ROOT, "dist", "student"))
    grader = commands.add_parser("grade", help="grade a submission with every test")
    grader.add_argument("submission", nargs="?", default=ROOT)
    grader.add_argument("--results", default=os.path.join(ROOT, "dist", "grade", "results.json"))
    grader.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                        help="seconds each exercise may run, all its calls together (default 60)")
    grader.add_argument("--work", default=None, help="the grader's build folder (default: in the temporary folder)")
    preparer = commands.add_parser("prepare", help="build the grader's package ahead of grading")
    preparer.add_argument("--work", default=None, help="the grader's build folder (default: in the temporary folder)")
    zipper = commands.add_parser("autograder", help="write the Gradescope autograder zip")
    zipper.add_argument("zip", nargs="?", default=os.path.join(ROOT, "dist", "autograder.zip"))
    args = parser.parse_args()
    try:
        if args.command == "check":
            print(f"{check(ROOT)} marked blocks, all well formed")
        elif args.command == "student":
            print(f"student release written to {student_release(ROOT, args.out)}")
        elif args.command == "prepare":
            print(f"grader's package built in {prepare(ROOT, args.work or default_work())}")
        elif args.command == "autograder":
            print(f"Gradescope autograder written to {autograder_zip(ROOT, args.zip)}")
        else:
            grade_safely(ROOT, os.path.abspath(args.submission), args.results, work=args.work, timeout=args.timeout)
    except MarkerError as error:
        print(f"marker error: {error}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
