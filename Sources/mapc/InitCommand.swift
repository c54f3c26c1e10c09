import ArgumentParser
import Foundation
import MapcGit
import MapcModel
import MapcTemplates
import MapcWorkspace

struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Scaffold a plans repository: mapc.yml, an example plan, a template and CI workflows.",
    discussion: """
      Writes mapc.yml (with .mapc/config.schema.json for editors), plans/example.map.md, \
      templates/onboarding.map-template.md and plans/first-onboarding.map.md (made from the \
      template as `mapc new` makes plans, with go-live seven working weeks after today), \
      snapshots/.gitignore (rendered snapshots stay out of git), a GitHub Actions workflow \
      (.github/workflows/mapc.yml, through the mapc action: lint annotations, a SARIF upload \
      and the plan changes as a pull-request comment) and a GitLab CI job (.gitlab-ci.yml: a \
      Code Quality report and the plan changes as an artifact). All files are written or none: \
      each goes to a temporary file first. Refuses to overwrite an existing file, to replace a \
      symbolic link, or to write through a symbolically linked folder unless --force is given.
      """
  )

  @Argument(help: "The folder to scaffold, created if needed.")
  var directory: String = "."

  @Flag(help: "Overwrite existing files and symbolic links, and write through linked folders.")
  var force = false

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The day the plan made from the template is dated from (YYYY-MM-DD).",
      discussion: "Default: SOURCE_DATE_EPOCH, else the system clock (UTC).", valueName: "date"),
    transform: calendarDate("--today"))
  var today: CalendarDate?

  func run() throws {
    let code = execute()
    if code != 0 { throw ExitCode(code) }
  }

  private func execute() -> Int32 {
    let root = Paths.absolute(directory)
    let shown = { (path: String) in Self.shown(path, in: directory) }
    let files: [(path: String, contents: String)]
    do {
      let day = try Today.resolve(flag: today, configuration: Configuration(root: root), environment: Today.processEnvironment())
      files = Scaffold.files + (try Scaffold.datedFiles(today: day))
    } catch {
      return Console.fail(error)
    }
    let obstacles = ScaffoldWriter.obstacles(root: root, paths: files.map(\.path))
    if !obstacles.notFiles.isEmpty {
      return Console.fail(
        UsageError(
          "cannot write over \(obstacles.notFiles.map(shown).joined(separator: ", ")): not a regular file",
          help: "move them away; --force replaces files, never folders"))
    }
    if !force {
      if !obstacles.symlinkedFolders.isEmpty {
        return Console.fail(
          UsageError(
            "refusing to write through symbolically linked folders: \(obstacles.symlinkedFolders.map(shown).joined(separator: ", "))",
            help: "the files would land where the links point; pass --force to write there anyway"))
      }
      if !obstacles.symlinks.isEmpty {
        return Console.fail(
          UsageError(
            "refusing to replace symbolic links: \(obstacles.symlinks.map(shown).joined(separator: ", "))",
            help: "move them away, or pass --force to replace the links with files"))
      }
      if !obstacles.existing.isEmpty {
        return Console.fail(
          UsageError(
            "refusing to overwrite existing files: \(obstacles.existing.map(shown).joined(separator: ", "))",
            help: "move them away, or pass --force to overwrite them"))
      }
    }
    let replaced: [Bool]
    do {
      replaced = try ScaffoldWriter.write(root: root, files: files)
    } catch {
      return Console.fail(UsageError("cannot write \(shown(error.path)): \(error.reason); nothing was written"))
    }
    var out = ""
    for (file, wasThere) in zip(files, replaced) {
      out += "\(wasThere ? "overwrote" : "created") \(shown(file.path))\n"
    }
    out += """

      Next: edit or replace \(shown("plans/example.map.md")), put names to the roles in \
      \(shown(Scaffold.templatePlanPath)), run `mapc lint`, and commit; the \
      workflows run mapc on every pull or merge request. Render snapshots for buyers with \
      `mapc render --all -o \(shown("snapshots"))`.

      """
    Console.out(out)
    if !Self.isInGitRepository(root) {
      Console.error(
        "mapc: warning: \(directory == "." ? "this folder" : directory) is not in a git repository; "
          + "mapc reads slip, diff and baselines from git history\n  = help: run `git init` there and commit the plans\n")
    }
    return 0
  }

  /// True when `path` lies in a git repository's working tree (or is a repository).
  static func isInGitRepository(_ path: String) -> Bool {
    do {
      _ = try Repository.discover(from: path)
      return true
    } catch {
      return error.kind != .notARepository
    }
  }

  /// `path` as the user would write it from the working directory.
  static func shown(_ path: String, in directory: String) -> String {
    if directory == "." || directory.isEmpty { return path }
    return directory.hasSuffix("/") ? directory + path : directory + "/" + path
  }
}
