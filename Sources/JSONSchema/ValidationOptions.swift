/// Choices that change what a compiled ``Schema`` asserts.
public struct ValidationOptions: Sendable, Hashable {
  /// When true, `format` is an assertion (an unknown or invalid value fails validation);
  /// when false (the 2020-12 default), `format` is only an annotation.
  public var assertFormat: Bool

  /// Creates options; `assertFormat` defaults to false, as the 2020-12 specification does.
  public init(assertFormat: Bool = false) {
    self.assertFormat = assertFormat
  }
}
