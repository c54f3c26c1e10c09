import MapcJSON

/// The outcome of validating one instance.
public struct ValidationResult: Sendable, Hashable {
  /// True when the instance is valid against the schema.
  public var isValid: Bool
  /// Errors in the 2020-12 "basic" output shape, in evaluation order; empty when valid.
  public var errors: [ValidationError]

  /// Creates a result.
  public init(isValid: Bool, errors: [ValidationError]) {
    self.isValid = isValid
    self.errors = errors
  }
}

/// One error in the 2020-12 "basic" output structure.
public struct ValidationError: Sendable, Hashable, CustomStringConvertible {
  /// Where in the instance the failing value is.
  public var instanceLocation: JSONPointer
  /// The evaluation path to the failing keyword, through `$ref`s, e.g. `/properties/a/$ref/type`.
  public var keywordLocation: String
  /// The absolute URI and fragment of the failing keyword in its schema resource.
  public var absoluteKeywordLocation: String?
  /// The failing keyword: `required`, `type`, `enum`, ...
  public var keyword: String
  /// An English sentence fragment for a human, without a trailing period.
  public var message: String
  /// Typed data for tools (suggestions, fixes).
  public var detail: ValidationErrorDetail

  /// Creates an error.
  public init(
    instanceLocation: JSONPointer, keywordLocation: String, absoluteKeywordLocation: String?,
    keyword: String, message: String, detail: ValidationErrorDetail
  ) {
    self.instanceLocation = instanceLocation
    self.keywordLocation = keywordLocation
    self.absoluteKeywordLocation = absoluteKeywordLocation
    self.keyword = keyword
    self.message = message
    self.detail = detail
  }

  /// `instanceLocation: message (keywordLocation)`, for logs and test failures.
  public var description: String {
    let at = instanceLocation.isRoot ? "/" : instanceLocation.description
    return "\(at): \(message) (\(keywordLocation))"
  }
}

/// Typed data about a ``ValidationError``.
public enum ValidationErrorDetail: Sendable, Hashable {
  /// The instance's type is not among the expected ones.
  case type(expected: [String], actual: String)
  /// One missing required property (one error per property).
  case required(missing: String)
  /// A property rejected by `additionalProperties: false` or `unevaluatedProperties: false`;
  /// `allowed` lists the names declared by the sibling `properties`, sorted.
  case unexpectedProperty(name: String, allowed: [String])
  /// The value is not one of the `enum` values.
  case enumeration(allowed: [JSONValue])
  /// The value differs from `const`.
  case constant(expected: JSONValue)
  /// The string does not conform to the named format (only when formats are asserted).
  case format(name: String)
  /// The string does not match the regular expression.
  case pattern(pattern: String)
  /// Matching the string against the regular expression (`pattern`, or a `patternProperties`
  /// key for a property name) would take more backtracking steps than allowed: the pattern
  /// is exponential on this value, and the value is not valid.
  case patternTooCostly(pattern: String)
  /// A numeric, length or count bound: `minimum`, `maxLength`, `minItems`, `multipleOf`, ...
  case bounds
  /// Two array items are equal under `uniqueItems: true`.
  case uniqueItems(firstIndex: Int, duplicateIndex: Int)
  /// A combinator or conditional failed: `anyOf`, `oneOf`, `not`, `if`, `contains`, `dependent*`, ...
  case combinator
  /// The schema is `false`: nothing is valid here.
  case falseSchema
}
