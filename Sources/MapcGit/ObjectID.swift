import CGit2

/// A git object id (SHA-1): 20 bytes held inline, hashable, printed as 40 hex digits.
public struct ObjectID: Sendable, Hashable, Comparable, CustomStringConvertible {
  // 8 + 8 + 4 bytes, in the id's byte order (memory order, not numeric).
  var a: UInt64
  var b: UInt64
  var c: UInt32

  init(_ oid: git_oid) {
    var a: UInt64 = 0
    var b: UInt64 = 0
    var c: UInt32 = 0
    withUnsafeBytes(of: oid.id) { raw in
      withUnsafeMutableBytes(of: &a) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[0..<8])) }
      withUnsafeMutableBytes(of: &b) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[8..<16])) }
      withUnsafeMutableBytes(of: &c) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[16..<20])) }
    }
    self.a = a
    self.b = b
    self.c = c
  }

  init(_ pointer: UnsafePointer<git_oid>) { self.init(pointer.pointee) }

  /// The id from 40 hex digits (either case); nil for anything else.
  public init?(hex: String) {
    let digits = Array(hex.utf8)
    guard digits.count == 40 else { return nil }
    var bytes = [UInt8](repeating: 0, count: 20)
    for i in 0..<20 {
      guard let hi = Self.nibble(digits[2 * i]), let lo = Self.nibble(digits[2 * i + 1]) else { return nil }
      bytes[i] = hi << 4 | lo
    }
    self.init(bytes: bytes)
  }

  init(bytes: [UInt8]) {
    var oid = git_oid()
    withUnsafeMutableBytes(of: &oid.id) { raw in
      for i in 0..<min(20, bytes.count) { raw[i] = bytes[i] }
    }
    self.init(oid)
  }

  private static func nibble(_ c: UInt8) -> UInt8? {
    switch c {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
    default: return nil
    }
  }

  /// The 20 bytes.
  public var bytes: [UInt8] {
    var out = [UInt8]()
    out.reserveCapacity(20)
    withUnsafeBytes(of: a) { out.append(contentsOf: $0) }
    withUnsafeBytes(of: b) { out.append(contentsOf: $0) }
    withUnsafeBytes(of: c) { out.append(contentsOf: $0) }
    return out
  }

  /// The libgit2 value, for calls inside this module only.
  var oid: git_oid {
    var oid = git_oid()
    withUnsafeMutableBytes(of: &oid.id) { raw in
      raw.storeBytes(of: a, toByteOffset: 0, as: UInt64.self)
      raw.storeBytes(of: b, toByteOffset: 8, as: UInt64.self)
      raw.storeBytes(of: c, toByteOffset: 16, as: UInt32.self)
    }
    return oid
  }

  /// The id whose 20 bytes start at `raw` (inside a raw tree object).
  init(raw: UnsafeRawPointer) {
    a = raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
    b = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
    c = raw.loadUnaligned(fromByteOffset: 16, as: UInt32.self)
  }

  /// The id from 40 hex digits (either case) in raw bytes; nil for anything else.
  init?(hex digits: UnsafeRawBufferPointer) {
    guard digits.count == 40 else { return nil }
    var oid = git_oid()
    let valid = withUnsafeMutableBytes(of: &oid.id) { (raw) -> Bool in
      for i in 0..<20 {
        guard let hi = Self.nibble(digits[2 * i]), let lo = Self.nibble(digits[2 * i + 1]) else { return false }
        raw[i] = hi << 4 | lo
      }
      return true
    }
    guard valid else { return nil }
    self.init(oid)
  }

  /// True for the all-zero id libgit2 uses for "no object".
  public var isZero: Bool { a == 0 && b == 0 && c == 0 }

  /// 40 lowercase hex digits.
  public var description: String {
    let digits = Array("0123456789abcdef".utf8)
    var out = [UInt8]()
    out.reserveCapacity(40)
    for byte in bytes {
      out.append(digits[Int(byte >> 4)])
      out.append(digits[Int(byte & 0xF)])
    }
    return String(decoding: out, as: UTF8.self)
  }

  public static func < (l: ObjectID, r: ObjectID) -> Bool { l.bytes.lexicographicallyPrecedes(r.bytes) }
}
