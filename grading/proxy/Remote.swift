// Remote.swift — the grading side of an exercise call. In the grader's test process, `Exercises`
// is this module: each exercise function sends its arguments to the submission's runner, a
// separate program run in a process of its own (in its own process group, as another user when
// the grader is root, with the teacher's files hidden), and decodes the answer it sends back. The
// student's code therefore never runs in the process whose test results are the grader's evidence.
//
// The grader sets the environment:
//   GRADER_RUNNER        the runner program
//   GRADER_SANDBOX       JSON array: the command that runs it (sandbox, limits), the runner appended
//   GRADER_TIMEOUT       seconds each exercise may spend in all its calls (default 60)
//   GRADER_CALLS         a folder for the calls' files
//   GRADER_NOT_COMPILED  JSON object: exercise → the compiler's first error, for exercises left out

import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Why an exercise gave no answer: its error, a crash, the time limit, or the compiler.
public struct ExerciseFailure: Error, CustomStringConvertible {
  public let description: String
}

/// The time each exercise has used, and the exercises that ran out of it.
private final class Budget: @unchecked Sendable {
  private let lock = NSLock()
  private var spent: [String: Double] = [:]
  private var expired: Set<String> = []

  func remaining(_ exercise: String, of limit: Double) -> Double? {
    lock.lock()
    defer { lock.unlock() }
    return expired.contains(exercise) ? nil : limit - spent[exercise, default: 0]
  }

  func charge(_ exercise: String, _ seconds: Double, expired isExpired: Bool) {
    lock.lock()
    defer { lock.unlock() }
    spent[exercise, default: 0] += seconds
    if isExpired { expired.insert(exercise) }
  }
}

private let budget = Budget()

private struct Settings: Sendable {
  let runner: String
  let command: [String]
  let timeout: Double
  let calls: String
  let notCompiled: [String: String]

  static let current: Result<Settings, ExerciseFailure> = {
    let environment = ProcessInfo.processInfo.environment
    guard let runner = environment["GRADER_RUNNER"], let calls = environment["GRADER_CALLS"] else {
      return .failure(ExerciseFailure(description: "this is the grader's Exercises module; run it from the grader"))
    }
    func json<T: Decodable>(_ name: String, _ fallback: T) -> T {
      guard let text = environment[name], let value = try? JSONDecoder().decode(T.self, from: Data(text.utf8)) else {
        return fallback
      }
      return value
    }
    return .success(
      Settings(
        runner: runner, command: json("GRADER_SANDBOX", []), timeout: Double(environment["GRADER_TIMEOUT"] ?? "") ?? 60,
        calls: calls, notCompiled: json("GRADER_NOT_COMPILED", [:])))
  }()
}

/// Runs `exercise` of the submission on `arguments` and returns its answer.
func remote(_ exercise: String, _ arguments: [Wire]) throws -> Wire {
  let settings = try Settings.current.get()
  if let error = settings.notCompiled[exercise] {
    throw ExerciseFailure(description: "Exercise \(exercise) did not compile: \(error)")
  }
  guard let remaining = budget.remaining(exercise, of: settings.timeout), remaining > 0 else {
    throw ExerciseFailure(
      description: "Exercise \(exercise) ran out of time (\(Int(settings.timeout)) s for all its calls)")
  }
  let folder = settings.calls + "/" + UUID().uuidString
  try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
  defer { try? FileManager.default.removeItem(atPath: folder) }
  let (input, output, errors) = (folder + "/input.json", folder + "/output.json", folder + "/stderr.txt")
  try JSONEncoder().encode(arguments).write(to: URL(fileURLWithPath: input))

  let start = Date()
  let (status, timedOut) = try spawn(
    settings.command + [settings.runner, exercise], stdin: input, stdout: output, stderr: errors, seconds: remaining)
  budget.charge(exercise, Date().timeIntervalSince(start), expired: timedOut)
  if timedOut {
    throw ExerciseFailure(
      description: "Exercise \(exercise) ran out of time (\(Int(settings.timeout)) s for all its calls)")
  }
  let exitCode = (status >> 8) & 0xff
  let signal = status & 0x7f
  if signal != 0 || exitCode != 0 {
    let how = signal != 0 ? "crashed (signal \(signal))" : "exited with status \(exitCode)"
    throw ExerciseFailure(description: "Exercise \(exercise) \(how)\(firstFailureLine(errors))")
  }
  guard let data = FileManager.default.contents(atPath: output),
    let reply = try? JSONDecoder().decode(Reply.self, from: data)
  else {
    throw ExerciseFailure(description: "Exercise \(exercise) ended without an answer\(firstFailureLine(errors))")
  }
  if let error = reply.error { throw ExerciseFailure(description: String(error.prefix(500))) }
  guard let value = reply.value else { throw ExerciseFailure(description: "Exercise \(exercise) gave no answer") }
  return value
}

/// The line of the runner's standard error that says why it stopped: Swift's "Fatal error:" line
/// when there is one, else the first line.
private func firstFailureLine(_ path: String) -> String {
  guard let handle = FileHandle(forReadingAtPath: path) else { return "" }
  defer { try? handle.close() }
  let text = String(decoding: handle.readData(ofLength: 65536), as: UTF8.self)
  let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
  guard let line = lines.first(where: { $0.contains("Fatal error") }) ?? lines.first(where: { !$0.isEmpty }) else {
    return ""
  }
  return ": " + String(line.prefix(500))
}

/// glibc's posix_spawn_file_actions_addclosefrom_np (2.34), which Swift's Glibc module does not
/// declare.
private let closeFromAction: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? = {
  guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else {
    return nil
  }
  return unsafeBitCast(
    symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
}()

/// Starts `command` in a process group of its own with the three files as its standard streams
/// and no other descriptor, waits at most `seconds`, and kills the whole group when the time is
/// up (or when the program has ended, in case it left children behind). Returns the wait status.
private func spawn(_ command: [String], stdin: String, stdout: String, stderr: String, seconds: Double) throws
  -> (status: Int32, timedOut: Bool)
{
  var actions = posix_spawn_file_actions_t()
  var attributes = posix_spawnattr_t()
  posix_spawn_file_actions_init(&actions)
  posix_spawnattr_init(&attributes)
  defer {
    posix_spawn_file_actions_destroy(&actions)
    posix_spawnattr_destroy(&attributes)
  }
  posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
  posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
  // No descriptor beyond the three: the test process's others (its event stream among them)
  // must not reach the submission.
  guard let closeFrom = closeFromAction else {
    throw ExerciseFailure(
      description: "the grader needs glibc 2.34 or later (posix_spawn_file_actions_addclosefrom_np)")
  }
  guard closeFrom(&actions, 3) == 0 else {
    throw ExerciseFailure(description: "the grader could not close descriptors")
  }
  posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
  posix_spawnattr_setpgroup(&attributes, 0)

  let arguments = command.map { strdup($0) } + [nil]
  let variables: [String] = ["PATH=/usr/bin:/bin", "LANG=C.UTF-8", "HOME=/nonexistent"]
  let environment = variables.map { strdup($0) } + [nil]
  defer { (arguments + environment).forEach { free($0) } }
  var pid: pid_t = 0
  let started = posix_spawn(&pid, command[0], &actions, &attributes, arguments, environment)
  guard started == 0 else {
    throw ExerciseFailure(
      description: "the grader could not start \(command[0]): \(String(cString: strerror(started)))")
  }
  let deadline = Date().addingTimeInterval(seconds)
  var status: Int32 = 0
  while true {
    let ended = waitpid(pid, &status, WNOHANG)
    if ended == pid { break }
    if ended < 0 && errno != EINTR { break }
    if Date() > deadline {
      kill(-pid, SIGKILL)
      waitpid(pid, &status, 0)
      return (status, true)
    }
    usleep(2000)
  }
  kill(-pid, SIGKILL)
  return (status, false)
}
