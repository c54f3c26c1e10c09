import Dispatch
import Foundation

/// Wall-clock guards for the tests of bounded work (issue 13): a hang must fail the test, not
/// stall the suite.
extension TestSupport {
  /// A run of a process under a time limit.
  public struct TimedRun: Sendable {
    public var run: Run
    /// Wall-clock seconds until the process ended (or was killed).
    public var seconds: Double
    /// The process was still running at the limit and was killed.
    public var timedOut: Bool
    /// The process ended on a signal (a trap is SIGILL or SIGTRAP), not by exiting.
    public var signaled: Bool
  }

  /// Seconds taken by `body`.
  public static func seconds(_ body: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    try body()
    let elapsed = clock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
  }

  /// Runs the built `mapc` with `arguments`, killing it after `timeout` seconds.
  public static func mapc(
    _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:], timeout: Double
  ) throws -> TimedRun {
    try run(binary.path, arguments, in: directory, environment: environment, timeout: timeout)
  }

  /// Runs `executable`, killing it (SIGKILL) after `timeout` seconds.
  public static func run(
    _ executable: String, _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
    timeout: Double
  ) throws -> TimedRun {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = directory ?? packageRoot
    var env = ProcessInfo.processInfo.environment
    for (k, v) in environment { env[k] = v }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let ended = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in ended.signal() }
    let clock = ContinuousClock()
    let start = clock.now
    try process.run()
    // Both pipes are drained on other threads, so a large output cannot block the child.
    let reading = DispatchGroup()
    let outBox = DataBox()
    let errBox = DataBox()
    for (pipe, box) in [(out, outBox), (err, errBox)] {
      reading.enter()
      DispatchQueue.global().async {
        box.data = pipe.fileHandleForReading.readDataToEndOfFile()
        reading.leave()
      }
    }
    var timedOut = false
    if ended.wait(timeout: .now() + timeout) == .timedOut {
      timedOut = true
      kill(process.processIdentifier, SIGKILL)
      ended.wait()
    }
    reading.wait()
    let elapsed = clock.now - start
    return TimedRun(
      run: Run(
        status: process.terminationStatus, stdout: String(decoding: outBox.data, as: UTF8.self),
        stderr: String(decoding: errBox.data, as: UTF8.self)),
      seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
      timedOut: timedOut, signaled: process.terminationReason == .uncaughtSignal)
  }
}

/// Written by one reader thread, read after it finished.
private final class DataBox: @unchecked Sendable {
  var data = Data()
}
