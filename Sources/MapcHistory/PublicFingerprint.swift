import MapcJSON
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
    var copy = text
    copy.withUTF8 { bytes in
      // Eight bytes a step: the histories hash every plan version's body.
      var i = 0
      while i + 8 <= bytes.count {
        var word: UInt64 = 0
        for k in 0..<8 { word |= UInt64(bytes[i + k]) << (8 * UInt64(k)) }
        addWord(word)
        i += 8
      }
      while i < bytes.count {
        add(bytes[i])
        i += 1
      }
    }
    add(0xFF)
  }

  private mutating func addWord(_ word: UInt64) {
    value = (value ^ word) &* 0x0000_0100_0000_01B3
    value ^= value >> 29
  }

  /// Adds a JSON value by its structure: each value starts with a byte for its kind (a string
  /// ends with the separator no UTF-8 text holds, an array or object with an end byte), so two
  /// different values add different byte sequences. Walking the value costs far less than
  /// writing it out as JSON text first, for every plan version of a long history.
  public mutating func combine(_ json: JSONValue) {
    switch json {
    case .null: add(0xF0)
    case .bool(let b): add(b ? 0xF1 : 0xF2)
    case .number(let n):
      add(0xF3)
      var bits = n.bitPattern
      for _ in 0..<8 {
        add(UInt8(truncatingIfNeeded: bits))
        bits >>= 8
      }
    case .string(let text):
      add(0xF4)
      combine(text)
    case .array(let items):
      add(0xF5)
      for item in items { combine(item) }
      add(0xF6)
    case .object(let object):
      add(0xF7)
      for member in object {
        combine(member.key)
        combine(member.value)
      }
      add(0xF8)
    }
  }

  private mutating func add(_ byte: UInt8) {
    value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
  }
}
