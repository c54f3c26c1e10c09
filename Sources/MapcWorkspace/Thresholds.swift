/// Numbers rules compare against, set under `thresholds` in `mapc.yml`.
public struct Thresholds: Sendable, Hashable {
  /// The smallest share of open milestones the buyer side should own.
  public var buyerShare: Double = 0.3
  /// Milestones due within this many days should have named owners.
  public var placeholderDueDays: Int = 14
  /// A plan no commit touched for more days than this is stale.
  public var staleAfterDays: Int = 14

  public init() {}
}
