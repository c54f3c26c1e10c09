import MapcJSON

/// How a property of a plan object is written: the typed value reads as absent both when the
/// key is missing and when its value has the wrong type, and some checks must tell the two
/// apart (a missing `value_date` is advice; a malformed one is the schema's to report).
public enum Presence: Sendable, Hashable {
  /// The key is not there.
  case absent
  /// The key is there, but its value is not of the JSON type the format gives it (a list, an
  /// object, a string, a number); `null` counts as the wrong type.
  case wrongType
  /// The key is there with a value of the right JSON type (which may still break the schema
  /// otherwise, such as a malformed date: the typed value reads as absent then too).
  case present
}

/// The JSON type the format gives a property, to tell ``Presence/present`` from
/// ``Presence/wrongType``.
enum ExpectedType: Sendable {
  case string, number, boolean, array, object

  func matches(_ value: JSONValue) -> Bool {
    switch (self, value) {
    case (.string, .string), (.number, .number), (.boolean, .bool), (.array, .array), (.object, .object): return true
    default: return false
    }
  }
}
