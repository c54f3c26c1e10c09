import ArgumentParser
import Foundation
import MapcWorkspace

struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Scaffold a plans repository: mapc.yml, an example plan and CI workflows.",
    discussion: """
      Writes mapc.yml, plans/example.map.md, a GitHub Actions workflow \
      (.github/workflows/mapc.yml: lint annotations, a SARIF upload and the plan diff as a \
      pull-request comment) and a GitLab CI job (.gitlab-ci.yml: a Code Quality report). \
      Refuses to overwrite an existing file unless --force is given.
      """
  )

  @Argument(help: "The folder to scaffold, created if needed.")
  var directory: String = "."

  @Flag(help: "Overwrite files that already exist.")
  var force = false

  func run() throws {
    let code = execute()
    if code != 0 { throw ExitCode(code) }
  }

  private func execute() -> Int32 {
    let root = Paths.absolute(directory)
    let targets = Scaffold.files.map { (shown: Self.shown($0.path, in: directory), full: Paths.join(root, $0.path), contents: $0.contents) }
    let fm = FileManager.default
    let existing = targets.filter { fm.fileExists(atPath: $0.full) }
    if !existing.isEmpty && !force {
      return Console.fail(
        UsageError(
          "refusing to overwrite existing files: \(existing.map(\.shown).joined(separator: ", "))",
          help: "move them away, or pass --force to overwrite them"))
    }
    var out = ""
    for target in targets {
      let overwrote = fm.fileExists(atPath: target.full)
      do {
        try AtomicFile.write(target.contents, to: target.full)
      } catch {
        Console.out(out)
        return Console.fail(error)
      }
      out += "\(overwrote ? "overwrote" : "created") \(target.shown)\n"
    }
    out += """

      Next: edit or replace \(Self.shown("plans/example.map.md", in: directory)), run `mapc lint`, \
      and commit; the workflows run mapc on every pull or merge request (see their comments to install mapc).

      """
    Console.out(out)
    return 0
  }

  /// `path` as the user would write it from the working directory.
  static func shown(_ path: String, in directory: String) -> String {
    if directory == "." || directory.isEmpty { return path }
    return directory.hasSuffix("/") ? directory + path : directory + "/" + path
  }
}
