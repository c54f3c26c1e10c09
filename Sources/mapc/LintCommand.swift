import ArgumentParser
import MapcGit
import MapcHistory
import MapcLint
import MapcModel

extension OutputFormat: ExpressibleByArgument {}

struct LintCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lint",
    abstract: "Check plans against the plan schema and report problems with file:line:col.",
    discussion: """
      With no paths, lints every plan of the repository: mapc.yml's `plans` globs (default \
      `**/*.map.md`) under the directory holding mapc.yml, found from the working directory \
      upward. A directory argument lints every `*.map.md` file below it.

      Formats: text (compiler-style, with source snippets), json (an array of findings), github \
      (workflow commands that annotate pull requests), sarif (SARIF 2.1.0 for code scanning), \
      junit (JUnit XML: one test case per check per file), gitlab (GitLab Code Quality JSON).
      """
  )

  @Argument(help: "Plan files or directories to lint (default: the repository's plans).")
  var paths: [String] = []

  @Option(name: .shortAndLong, help: "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
  var format: OutputFormat = .text

  @Flag(help: "Exit with 1 on any finding, warnings and notes included.")
  var strict = false

  @Option(name: .long, help: "Use this configuration file instead of looking for mapc.yml.")
  var config: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The date time-dependent rules compare against (YYYY-MM-DD).",
      discussion: "Default: `today` in mapc.yml, else SOURCE_DATE_EPOCH, else the system clock (UTC)."))
  var today: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Compare with the plans at this revision (a commit, branch or tag) and enable the change rules (MAP200-MAP203).",
      valueName: "REV"))
  var base: String?

  func run() throws {
    let code = execute()
    if code != 0 { throw ExitCode(code) }
  }

  /// Adds each plan's last commit, for the stale-plan rule, when mapc runs in a git repository.
  /// Outside one there is nothing to add; a history that cannot be read is said on stderr.
  static func withLastChanges(_ targets: [LintTarget], configuration: Configuration) -> [LintTarget] {
    guard targets.contains(where: { configuration.severity(of: StalePlanRule.check, at: $0.relativePath) != nil }),
      let repository = try? Repository.discover(from: Paths.currentDirectory()), let root = repository.workdir
    else { return targets }
    var byRepoPath: [String: Int] = [:]
    for (i, t) in targets.enumerated() {
      if let p = Paths.relative(t.path, to: root) { byRepoPath[p] = i }
    }
    do {
      var out = targets
      for (path, revision) in try LastChanges.find(Set(byRepoPath.keys), in: repository) {
        guard let i = byRepoPath[path] else { continue }
        out[i].lastChange = LastChange(date: revision.date, author: revision.authorName, commit: revision.commit ?? "")
      }
      return out
    } catch {
      Console.error("mapc: note: cannot read the git history (\(error.message)); stale plans are not checked\n")
      return targets
    }
  }

  /// Adds, with `--base REV`, each plan's version at REV (matched by plan id), whether a
  /// commit HEAD adds to REV has a `Slip-Reason:` trailer, the milestones deleted and re-added
  /// along those commits (the working tree counting as the last state), and, when HEAD (or,
  /// for a test merge of a branch into REV, the branch) does not descend from REV, the
  /// milestones whose baseline the two histories disagree on.
  static func withBase(_ targets: [LintTarget], revision: String, configuration: Configuration) throws(UsageError)
    -> [LintTarget]
  {
    let cwd = Paths.currentDirectory()
    do {
      let reader = try HistoryReader(discoveringFrom: cwd)
      let repository = reader.repository
      let root = reader.root
      // The change rules read every commit from the base to HEAD and both histories; in a
      // shallow clone they would be cut off, and libgit2 fails at the cut.
      if try repository.isShallow {
        throw UsageError(
          "`--base` needs the full history, and this repository is a shallow clone",
          help: "fetch the full history with `git fetch --unshallow` (in GitHub Actions, `fetch-depth: 0` on "
            + "actions/checkout; in GitLab CI, `GIT_DEPTH: 0`)")
      }
      let isPlan = { (path: String) in configuration.includesPlan(repositoryPath: path, repositoryRoot: root) }
      let baseID: ObjectID
      do {
        baseID = try repository.resolveCommit(revision)
      } catch {
        if let usage = DiffCommand.revisionError(error, revision) as? UsageError { throw usage }
        throw error
      }
      func byID(_ versions: [PlanVersion]) -> [String: PlanVersion] {
        var out: [String: PlanVersion] = [:]
        for v in versions.sorted(by: { $0.path < $1.path }) { if let id = v.plan.id, out[id] == nil { out[id] = v } }
        return out
      }
      let basePlans = byID(try PlanDiff.plans(in: repository, at: baseID, isPlan: isPlan))

      // The commits of the change: those HEAD adds to the base, on every side of a merge. Any
      // of them may carry the reason for a move. Deletions and re-additions are followed along
      // the change's own line, oldest first: from HEAD, each commit's first parent within the
      // change, else its next parent within it. So a test merge of the branch into the base
      // (GitHub's refs/pull/N/merge: first parent the base) is read through the branch.
      var range: [ObjectID] = []
      var slipReasons = false
      var rewritten: [String: [String: BaselineDisagreement]] = [:]
      var rewrittenIn = "HEAD"
      if try !repository.isHeadUnborn {
        let headID = try repository.resolveCommit("HEAD")
        let change = try repository.commitIDs(from: headID, excluding: baseID)
        var parents: [ObjectID: [ObjectID]] = [:]
        for id in change {
          let info = try repository.commit(id)
          parents[id] = info.parentIDs
          if info.trailer("Slip-Reason") != nil { slipReasons = true }
        }
        var line: [ObjectID] = []
        var next: ObjectID? = parents[headID] == nil ? nil : headID
        while let id = next, let up = parents[id] {
          line.append(id)
          next = up.first { parents[$0] != nil }
        }
        range = line.reversed()

        // A test merge descends from the base whatever its branch did; the branch's history is
        // the one to compare with the base's.
        var tip = headID
        if line.count > 1, let first = parents[headID]?.first, parents[first] == nil {
          tip = line[1]
          rewrittenIn = "HEAD^2"
        }
        rewritten = try BaselineOrigins.disagreements(
          reader: reader, base: baseID, head: tip, includeWorkingTree: tip == headID, isPlan: isPlan)
      }
      var states: [(name: String, plans: [String: PlanVersion])] = []
      for id in range {
        states.append((String(id.description.prefix(7)), byID(try PlanDiff.plans(in: repository, at: id, isPlan: isPlan))))
      }

      var out = targets
      for i in out.indices {
        guard case .success(let bytes) = FileBytes.read(path: out[i].path, limit: PlanReader.maximumFileSize),
          let now = PlanDiff.version(out[i].relativePath, bytes), let planID = now.plan.id
        else {
          out[i].base = BaseContext(revision: revision, frontmatter: nil, slipReasons: slipReasons)
          continue
        }
        let old = basePlans[planID]
        var readded: [String: String] = [:]
        if let old {
          let tracked = Set(old.plan.milestones.compactMap(\.id)).intersection(now.plan.milestones.compactMap(\.id))
          var gone = Set<String>()
          for (name, plans) in states + [("working tree", [planID: now])] {
            guard let plan = plans[planID]?.plan else { continue }
            let present = Set(plan.milestones.compactMap(\.id))
            for id in tracked {
              if !present.contains(id) {
                gone.insert(id)
              } else if gone.remove(id) != nil {
                readded[id] = name
              }
            }
          }
        }
        var edited: [String: BaseContext.RewrittenBaseline] = [:]
        for (id, d) in rewritten[planID] ?? [:] {
          edited[id] = BaseContext.RewrittenBaseline(
            base: d.base.date, commit: String((d.base.commit ?? "").prefix(7)), head: d.head.date, headName: rewrittenIn)
        }
        out[i].base = BaseContext(
          revision: revision, frontmatter: old?.frontmatter, slipReasons: slipReasons, readdedMilestones: readded,
          rewrittenBaselines: edited)
      }
      return out
    } catch let error as UsageError {
      throw error
    } catch let error as GitError {
      if error.kind == .notARepository {
        throw UsageError("not a git repository (or any parent): \(cwd)", help: "`--base` needs the plans' git history")
      }
      throw UsageError("cannot read the git history for `--base \(revision)`: \(error.message)")
    } catch {
      throw UsageError("\(error)")
    }
  }

  private func execute() -> Int32 {
    var schemas: SchemaCatalog
    let configuration: Configuration
    do {
      schemas = try SchemaCatalog()
      if let config {
        guard Paths.isFile(config) else { return Console.fail(UsageError("configuration file not found: \(config)")) }
        configuration = try Configuration.load(file: Paths.absolute(config), schemas: schemas)
      } else {
        configuration = try Configuration.discover(from: Paths.currentDirectory(), schemas: schemas)
      }
      if let ext = configuration.extensionSchema {
        try schemas.loadExtension(path: ext, displayPath: Paths.display(ext))
      }
    } catch {
      return Console.fail(error)
    }
    let targets: [LintTarget]
    let date: CalendarDate
    do {
      date = try Today.resolve(flag: today, configuration: configuration, environment: Today.processEnvironment())
      targets = try Targets.resolve(paths, configuration: configuration)
    } catch {
      return Console.fail(error)
    }
    var linted = Self.withLastChanges(targets, configuration: configuration)
    if let base {
      do {
        linted = try Self.withBase(linted, revision: base, configuration: configuration)
      } catch {
        return Console.fail(error)
      }
    }
    let report = Linter(configuration: configuration, schemas: schemas, today: date).lint(linted)
    Console.out(format.reporter(configuration: configuration, targets: targets).render(report))
    return report.exitCode(strict: strict)
  }
}
