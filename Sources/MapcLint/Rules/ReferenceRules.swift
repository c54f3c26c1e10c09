/// The rules about references, dependencies, dates, status and time (MAP101–MAP129).
extension RuleRegistry {
  static let referenceRules: [any Rule.Type] = []
}
