import MapcModel

/// The fingerprints of one plan version: of what it shows a buyer, and of all of it.
///
/// Two versions of a plan with the same public fingerprint and different whole fingerprints
/// differ in internal content only: such a version is not public history.
public struct PlanFingerprint: Sendable, Hashable {
  /// The public frontmatter and the public body.
  public var publicContent: UInt64
  /// The whole frontmatter and body.
  public var wholeContent: UInt64

  public init(publicContent: UInt64, wholeContent: UInt64) {
    self.publicContent = publicContent
    self.wholeContent = wholeContent
  }
}

/// Computes a plan version's ``PlanFingerprint``, or nil when it cannot tell. The history
/// reader runs it on every version it parses, on its workers; the caller supplies it because
/// the public body is defined by the Markdown renderer, which lives above the history.
public typealias PublicFingerprint = @Sendable (PlanDocument) -> PlanFingerprint?

/// FNV-1a, 64 bits: a fingerprint that is the same in every process (Swift's `Hasher` is seeded
/// per process), for comparing one plan version with the next. Not cryptographic: a collision
/// (one in 2^64 per pair compared) would only hide one public change from a buyer's trend.
public struct StableHash: Sendable {
  public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

  public init() {}

  /// Adds the UTF-8 bytes of `text`, then a separator byte no UTF-8 text holds, so that
  /// ("ab", "c") and ("a", "bc") differ.
  public mutating func combine(_ text: String) {
    for byte in text.utf8 { add(byte) }
    add(0xFF)
  }

  private mutating func add(_ byte: UInt8) {
    value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
  }
}
