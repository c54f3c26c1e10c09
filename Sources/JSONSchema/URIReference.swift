/// An RFC 3986 URI reference split into its five components, with reference resolution.
///
/// Schema identifiers are compared as strings after resolution, so this type only needs to
/// parse, resolve (section 5.2) and recompose; it does not percent-normalise.
struct URIReference: Sendable, Hashable {
  var scheme: String?
  var authority: String?
  var path: String
  var query: String?
  var fragment: String?

  init(parsing text: String) {
    var rest = Substring(text)
    if let hash = rest.firstIndex(of: "#") {
      fragment = String(rest[rest.index(after: hash)...])
      rest = rest[..<hash]
    }
    if let q = rest.firstIndex(of: "?") {
      query = String(rest[rest.index(after: q)...])
      rest = rest[..<q]
    }
    if let colon = rest.firstIndex(of: ":"), Self.isScheme(rest[..<colon]) {
      scheme = String(rest[..<colon])
      rest = rest[rest.index(after: colon)...]
    }
    if rest.hasPrefix("//") {
      let afterSlashes = rest.dropFirst(2)
      let end = afterSlashes.firstIndex(of: "/") ?? afterSlashes.endIndex
      authority = String(afterSlashes[..<end])
      rest = afterSlashes[end...]
    }
    path = String(rest)
  }

  private init(scheme: String?, authority: String?, path: String, query: String?, fragment: String?) {
    self.scheme = scheme
    self.authority = authority
    self.path = path
    self.query = query
    self.fragment = fragment
  }

  private static func isScheme(_ s: Substring) -> Bool {
    guard let first = s.unicodeScalars.first, first.isASCIILetter else { return false }
    return s.unicodeScalars.allSatisfy { $0.isASCIILetter || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0) }
  }

  var isAbsolute: Bool { scheme != nil }

  var string: String {
    var out = ""
    if let scheme { out += scheme + ":" }
    if let authority { out += "//" + authority }
    out += path
    if let query { out += "?" + query }
    if let fragment { out += "#" + fragment }
    return out
  }

  /// The reference without its fragment.
  var withoutFragment: URIReference {
    var copy = self
    copy.fragment = nil
    return copy
  }

  /// Resolves `reference` against `self` as a base URI (RFC 3986 section 5.2.2).
  func resolving(_ reference: URIReference) -> URIReference {
    if reference.scheme != nil {
      return URIReference(
        scheme: reference.scheme, authority: reference.authority, path: Self.removeDotSegments(reference.path),
        query: reference.query, fragment: reference.fragment)
    }
    if reference.authority != nil {
      return URIReference(
        scheme: scheme, authority: reference.authority, path: Self.removeDotSegments(reference.path),
        query: reference.query, fragment: reference.fragment)
    }
    if reference.path.isEmpty {
      return URIReference(
        scheme: scheme, authority: authority, path: path, query: reference.query ?? query,
        fragment: reference.fragment)
    }
    let merged: String
    if reference.path.hasPrefix("/") {
      merged = reference.path
    } else if authority != nil && path.isEmpty {
      merged = "/" + reference.path
    } else if let slash = path.lastIndex(of: "/") {
      merged = String(path[...slash]) + reference.path
    } else {
      merged = reference.path
    }
    return URIReference(
      scheme: scheme, authority: authority, path: Self.removeDotSegments(merged), query: reference.query,
      fragment: reference.fragment)
  }

  func resolving(_ reference: String) -> URIReference { resolving(URIReference(parsing: reference)) }

  static func removeDotSegments(_ path: String) -> String {
    guard path.contains(".") else { return path }
    var input = Substring(path)
    var output: [Substring] = []
    let absolute = input.hasPrefix("/")
    var segments = input.split(separator: "/", omittingEmptySubsequences: false)
    if absolute { segments.removeFirst() }
    input = ""
    var trailingSlash = false
    for (i, segment) in segments.enumerated() {
      let isLast = i == segments.count - 1
      switch segment {
      case ".":
        trailingSlash = isLast
      case "..":
        if !output.isEmpty { output.removeLast() }
        trailingSlash = isLast
      default:
        output.append(segment)
        trailingSlash = false
      }
    }
    var result = (absolute ? "/" : "") + output.joined(separator: "/")
    if trailingSlash && !result.hasSuffix("/") { result += "/" }
    return result
  }
}

extension Unicode.Scalar {
  fileprivate var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}

/// Splits `uri#fragment` into the absolute part and the (still percent-encoded) fragment.
func splitFragment(_ uri: String) -> (base: String, fragment: String) {
  guard let hash = uri.firstIndex(of: "#") else { return (uri, "") }
  return (String(uri[..<hash]), String(uri[uri.index(after: hash)...]))
}

/// Decodes `%XX` escapes (used by JSON pointers in URI fragments).
func percentDecode(_ s: String) -> String? {
  guard s.contains("%") else { return s }
  var bytes: [UInt8] = []
  var it = Array(s.utf8)[...]
  while let b = it.popFirst() {
    if b == UInt8(ascii: "%") {
      guard it.count >= 2, let hi = hexValue(it[it.startIndex]), let lo = hexValue(it[it.startIndex + 1]) else {
        return nil
      }
      bytes.append(hi << 4 | lo)
      it = it.dropFirst(2)
    } else {
      bytes.append(b)
    }
  }
  return String(validating: bytes, as: UTF8.self)
}

private func hexValue(_ b: UInt8) -> UInt8? {
  switch b {
  case 48...57: return b - 48
  case 65...70: return b - 55
  case 97...102: return b - 87
  default: return nil
  }
}
