import MapcGit
import MapcHistory
import MapcLint
import MapcModel
import MapcWorkspace

#if canImport(Glibc)
  import Glibc
#endif

/// Output helpers shared by the subcommands.
enum Console {
  static func out(_ text: String) { write(text, to: STDOUT_FILENO) }

  static func error(_ text: String) { write(text, to: STDERR_FILENO) }

  /// Writes all of `text`, resuming after partial writes and interrupts.
  private static func write(_ text: String, to fd: Int32) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
      let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        return  // a closed pipe (`mapc lint | head`): nothing left to tell
      }
      bytes = bytes.dropFirst(n)
    }
  }

  /// Reports an error that stopped a command, and returns its exit code: 2 for every kind
  /// (usage, configuration, git, internal). The one place errors become exit codes.
  static func fail(_ error: any Error) -> Int32 {
    switch error {
    case let error as UsageError: return fail(error)
    case let error as ConfigurationError: return fail(error)
    case let error as GitError:
      return fail(UsageError(error, command: "mapc", directory: Paths.currentDirectory()))
    default: return fail(UsageError("\(error)"))
    }
  }

  /// Reports a usage error and returns the exit code for it. Messages quote paths, revisions
  /// and configuration values, so they are made inert (``InertText/text(_:)``) like reports.
  static func fail(_ error: UsageError) -> Int32 {
    var text = "mapc: error: \(InertText.text(error.message))\n"
    if let help = error.help { text += "  = help: \(InertText.text(help))\n" }
    Console.error(text)
    return 2
  }

  /// Reports an unusable configuration, with a source snippet, and returns the exit code for it.
  static func fail(_ error: ConfigurationError) -> Int32 {
    let lines = error.sourceText.map(SourceLines.split) ?? []
    func withSource(_ f: Finding) -> Finding {
      var f = f
      if let line = f.position?.line, line >= 1, line <= lines.count { f.sourceLine = String(lines[line - 1]) }
      return f
    }
    let first = Finding(
      path: error.path, position: error.position, check: .schemaViolation, message: Finding.Message(error.message),
      help: error.help)
    let more = error.more.map { Finding($0, path: error.path) }
    var out = "mapc: configuration error\n"
    for f in [first] + more { out += configurationBlock(withSource(f)) + "\n" }
    Console.error(out)
    return 2
  }

  private static func configurationBlock(_ f: Finding) -> String {
    TextReporter.render(f).replacing("error[\(f.check.code)]", with: "error")
  }
}
