/// A schema that cannot be compiled: malformed keyword values, invalid regular expressions,
/// unresolvable or looping references, unknown required vocabularies.
public struct SchemaError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What is wrong, as an English sentence fragment.
  public var message: String
  /// Where: the absolute keyword location (`uri#/pointer`) or the URI concerned.
  public var location: String

  /// Creates an error.
  public init(_ message: String, at location: String) {
    self.message = message
    self.location = location
  }

  /// `location: message`.
  public var description: String { location.isEmpty ? message : "\(location): \(message)" }
}
