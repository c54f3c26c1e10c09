/// How the loader reads a plain scalar, for code that writes YAML and must know when a string
/// needs quotes to stay a string.
public enum PlainScalar {
  /// Whether the core schema, as the loader applies it, reads `text` written as a plain scalar
  /// as null, a boolean or a number rather than as the string itself.
  public static func resolvesToNonString(_ text: String) -> Bool {
    var copy = text
    return copy.withUTF8 { CoreSchema.resolvePlain(UnsafeRawBufferPointer($0)) != nil }
  }
}
