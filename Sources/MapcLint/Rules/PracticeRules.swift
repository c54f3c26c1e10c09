/// The rules about the practice of a mutual plan: both sides, value, size, stakeholders,
/// substance and contacts (MAP130–MAP199).
extension RuleRegistry {
  static let practiceRules: [any Rule.Type] = []
}
