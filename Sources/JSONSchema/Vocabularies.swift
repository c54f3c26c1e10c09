/// The 2020-12 vocabularies a schema's meta-schema enables (`$vocabulary`).
struct Vocabularies: OptionSet, Sendable, Hashable {
  let rawValue: UInt8
  static let core = Vocabularies(rawValue: 1)
  static let applicator = Vocabularies(rawValue: 2)
  static let unevaluated = Vocabularies(rawValue: 4)
  static let validation = Vocabularies(rawValue: 8)
  static let metaData = Vocabularies(rawValue: 16)
  static let formatAnnotation = Vocabularies(rawValue: 32)
  static let formatAssertion = Vocabularies(rawValue: 64)
  static let content = Vocabularies(rawValue: 128)

  /// What a schema without a custom meta-schema gets.
  static let standard: Vocabularies = [.core, .applicator, .unevaluated, .validation, .metaData, .formatAnnotation, .content]

  init(rawValue: UInt8) { self.rawValue = rawValue }

  init?(uri: String) {
    let prefix = "https://json-schema.org/draft/2020-12/vocab/"
    guard uri.hasPrefix(prefix) else { return nil }
    switch uri.dropFirst(prefix.count) {
    case "core": self = .core
    case "applicator": self = .applicator
    case "unevaluated": self = .unevaluated
    case "validation": self = .validation
    case "meta-data": self = .metaData
    case "format-annotation": self = .formatAnnotation
    case "format-assertion": self = .formatAssertion
    case "content": self = .content
    default: return nil
    }
  }

  /// The vocabulary a keyword belongs to; nil for core keywords and unknown ones.
  static func of(keyword: String) -> Vocabularies? {
    switch keyword {
    case "prefixItems", "items", "contains", "additionalProperties", "properties", "patternProperties",
      "dependentSchemas", "propertyNames", "if", "then", "else", "allOf", "anyOf", "oneOf", "not":
      return .applicator
    case "unevaluatedItems", "unevaluatedProperties":
      return .unevaluated
    case "type", "const", "enum", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
      "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "maxContains", "minContains",
      "maxProperties", "minProperties", "required", "dependentRequired":
      return .validation
    default:
      return nil
    }
  }
}
