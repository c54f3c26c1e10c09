import MapcModel

/// A `Slip-Reason:` commit trailer: its text, and the milestones it names, if it names any
/// (`Slip-Reason: [security-review, legal-review] HECVAT grew`).
public struct SlipReasonTrailer: Sendable, Hashable {
  /// The milestone ids the trailer names (`go-live` or `go_live` for the go-live date); nil
  /// when it names none and so explains every move of its commit.
  public var milestones: [String]?
  /// The reason, without the list of names.
  public var text: String

  public init(milestones: [String]?, text: String) {
    self.milestones = milestones
    self.text = text
  }

  /// Reads a trailer's value. A value that starts with `[` and has a closing `]` names the
  /// comma-separated ids inside; anything else is an unnamed reason.
  public init(_ value: String) {
    let trimmed = Self.trimmed(Substring(value))
    if trimmed.hasPrefix("["), let close = trimmed.firstIndex(of: "]") {
      let names = trimmed[trimmed.index(after: trimmed.startIndex)..<close].split(separator: ",").map { Self.trimmed($0) }
        .filter { !$0.isEmpty }
      if !names.isEmpty {
        self.init(milestones: names, text: Self.trimmed(trimmed[trimmed.index(after: close)...]))
        return
      }
    }
    self.init(milestones: nil, text: trimmed)
  }

  /// Whether the trailer speaks for the move of `milestone` (nil: the go-live date).
  public func covers(_ milestone: String?) -> Bool {
    guard let milestones else { return true }
    guard let milestone else { return milestones.contains { MoveReason.goLiveNames.contains($0) } }
    return milestones.contains(milestone)
  }

  private static func trimmed(_ s: Substring) -> String {
    String(s.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
  }
}

/// The one rule for why a date moved. Slip, `lint --base` (MAP200), diff and render all take a
/// move's reason from ``reason(milestone:dueReasonBefore:dueReasonAfter:slipReasons:)``.
public enum MoveReason {
  /// What a trailer names to speak for the go-live date.
  public static let goLiveNames: Set<String> = ["go-live", "go_live"]

  /// Where a reason comes from.
  public enum Source: String, Sendable, Hashable {
    /// The milestone's `due_reason`, changed with the move: part of the plan.
    case dueReason = "due_reason"
    /// A `Slip-Reason:` trailer of the commit that made the move: part of the history.
    case trailer
  }

  /// A move's reason and where it comes from.
  public struct Explanation: Sendable, Hashable {
    public var text: String
    public var source: Source

    public init(text: String, source: Source) {
      self.text = text
      self.source = source
    }
  }

  /// The reason for one date move of `milestone` (nil: the go-live date), made by one commit:
  ///
  /// 1. the milestone's `due_reason` when that commit changed it (`dueReasonBefore` is its
  ///    value before the commit, `dueReasonAfter` after) and it is not empty;
  /// 2. else the commit's `Slip-Reason:` trailers (`slipReasons`, the raw values in order) that
  ///    name the milestone, joined with `; `;
  /// 3. else its trailers that name no milestone, joined with `; `;
  /// 4. else none.
  ///
  /// A trailer that names other milestones does not explain this move, and no trailer of
  /// another commit ever does.
  public static func explanation(
    milestone: String?, dueReasonBefore: String?, dueReasonAfter: String?, slipReasons: [String]
  ) -> Explanation? {
    if let after = dueReasonAfter, after != dueReasonBefore, after.contains(where: { !$0.isWhitespace }) {
      return Explanation(text: after, source: .dueReason)
    }
    let trailers = slipReasons.map(SlipReasonTrailer.init).filter { !$0.text.isEmpty }
    let named = trailers.filter { $0.milestones != nil && $0.covers(milestone) }
    let chosen = named.isEmpty ? trailers.filter { $0.milestones == nil } : named
    guard !chosen.isEmpty else { return nil }
    return Explanation(text: chosen.map(\.text).joined(separator: "; "), source: .trailer)
  }

  /// ``explanation(milestone:dueReasonBefore:dueReasonAfter:slipReasons:)``'s text.
  public static func reason(
    milestone: String?, dueReasonBefore: String?, dueReasonAfter: String?, slipReasons: [String]
  ) -> String? {
    explanation(milestone: milestone, dueReasonBefore: dueReasonBefore, dueReasonAfter: dueReasonAfter, slipReasons: slipReasons)?
      .text
  }
}
