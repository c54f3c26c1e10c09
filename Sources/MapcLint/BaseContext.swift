import MapcJSON
import MapcModel
import MapcYAML

/// What `mapc lint --base REV` knows about a plan at the base revision and about the commits
/// between the base and HEAD. Rules that compare against the base find nothing without it.
public struct BaseContext: Sendable, Hashable {
  /// The base revision as given (`main`, a commit id).
  public var revision: String
  /// The plan's frontmatter at the base (matched by plan id), or nil when the plan is new.
  public var frontmatter: JSONValue?
  /// Whether a first-parent commit between the base and HEAD carries a `Slip-Reason:` trailer.
  public var slipReasons: Bool
  /// Milestone ids present at the base and now, that were deleted and re-added in between,
  /// with the short id of the commit (or "working tree") that re-added them.
  public var readdedMilestones: [String: String]

  public init(revision: String, frontmatter: JSONValue?, slipReasons: Bool = false, readdedMilestones: [String: String] = [:]) {
    self.revision = revision
    self.frontmatter = frontmatter
    self.slipReasons = slipReasons
    self.readdedMilestones = readdedMilestones
  }

  /// A context whose base plan is the frontmatter of `planText` (a whole plan file), for examples.
  public init(revision: String = "main", planText: String, slipReasons: Bool = false, readdedMilestones: [String: String] = [:]) {
    var value: JSONValue?
    if let source = PlanReader.split(bytes: Array(planText.utf8)).source {
      value = YAMLLoader.load(source.frontmatter, firstLine: source.frontmatterFirstLine).value
    }
    self.init(revision: revision, frontmatter: value, slipReasons: slipReasons, readdedMilestones: readdedMilestones)
  }

  /// The plan at the base, if it existed there.
  public var plan: Plan? { frontmatter.map { Plan($0) } }
}
