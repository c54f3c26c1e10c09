/// How much a finding matters. Errors fail a lint run; warnings and notes fail it only with `--strict`.
public enum Severity: String, Sendable, Hashable, CaseIterable, Comparable {
  case note
  case warning
  case error

  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

  private var rank: Int {
    switch self {
    case .note: return 0
    case .warning: return 1
    case .error: return 2
    }
  }
}
