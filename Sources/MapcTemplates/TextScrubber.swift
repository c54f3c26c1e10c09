/// Replaces given names in text, and email addresses, in one pass each.
///
/// Names are matched leftmost-longest through a trie of their Unicode scalars (so "Acme Corp"
/// wins over "Acme" where both start): at each position the trie is walked at most as far as
/// the longest name, so a text of n scalars costs at most n × ``maximumNameLength`` steps.
/// Email addresses are found around each `@` by scanning the characters an address may hold,
/// each at most twice: linear in the text. No regular expression is used, whose backtracking
/// over long runs of letters would be quadratic.
struct TextScrubber: Sendable {
  /// The longest name matched, in Unicode scalars: a longer one is refused (see ``init(_:)``).
  static let maximumNameLength = 1000

  private var edges: [[Unicode.Scalar: Int]] = [[:]]
  /// The replacement of the name that ends at each node; nil when none ends there.
  private var ends: [String?] = [nil]

  /// A scrubber for `names`, each replaced by its replacement; an empty name, or one longer
  /// than ``maximumNameLength``, is skipped (``tooLong`` lists the latter). The first of two
  /// equal names wins.
  init(_ names: [(name: String, replacement: String)]) {
    for (name, replacement) in names where !name.isEmpty {
      guard name.unicodeScalars.count <= Self.maximumNameLength else {
        tooLong.append(name)
        continue
      }
      var node = 0
      for c in name.unicodeScalars {
        if let next = edges[node][c] {
          node = next
        } else {
          edges.append([:])
          ends.append(nil)
          edges[node][c] = edges.count - 1
          node = edges.count - 1
        }
      }
      if ends[node] == nil { ends[node] = replacement }
    }
  }

  /// Names too long to match; the caller refuses to go on with any.
  private(set) var tooLong: [String] = []

  /// `text` with every name replaced (leftmost, longest first), then every email address
  /// replaced by `emailReplacement`.
  func callAsFunction(_ text: String, emailReplacement: String = "(email)") -> String {
    replacingEmails(in: replacingNames(in: text), with: emailReplacement)
  }

  private func replacingNames(in text: String) -> String {
    guard edges[0].count > 0 else { return text }
    let scalars = Array(text.unicodeScalars)
    var out = String.UnicodeScalarView()
    var i = 0
    while i < scalars.count {
      var node = 0
      var j = i
      var match: (end: Int, replacement: String)?
      while j < scalars.count, let next = edges[node][scalars[j]] {
        node = next
        j += 1
        if let r = ends[node] { match = (j, r) }
      }
      if let match {
        out.append(contentsOf: match.replacement.unicodeScalars)
        i = match.end
      } else {
        out.append(scalars[i])
        i += 1
      }
    }
    return String(out)
  }

  private static func isLocal(_ c: Unicode.Scalar) -> Bool {
    c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c) || "._%+-".unicodeScalars.contains(c))
  }

  private static func isDomain(_ c: Unicode.Scalar) -> Bool {
    c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "." || c == "-")
  }

  /// Replaces `local@domain.tld` (ASCII, a top-level domain of two letters or more).
  private func replacingEmails(in text: String, with replacement: String) -> String {
    let scalars = Array(text.unicodeScalars)
    guard scalars.contains("@") else { return text }
    var out = String.UnicodeScalarView()
    var copied = 0  // scalars before this index are in `out`
    var i = 0
    while i < scalars.count {
      guard scalars[i] == "@" else {
        i += 1
        continue
      }
      var start = i
      while start > copied, Self.isLocal(scalars[start - 1]) { start -= 1 }
      var end = i + 1
      while end < scalars.count, Self.isDomain(scalars[end]) { end += 1 }
      // The domain ends at its last letter: a sentence's full stop is not part of it.
      while end > i + 1, scalars[end - 1] == "." || scalars[end - 1] == "-" { end -= 1 }
      let domain = scalars[(i + 1)..<end]
      let tld = domain.split(separator: ".", omittingEmptySubsequences: false).last ?? []
      if start < i, domain.contains("."), tld.count >= 2, tld.allSatisfy({ $0.properties.isAlphabetic }) {
        out.append(contentsOf: scalars[copied..<start])
        out.append(contentsOf: replacement.unicodeScalars)
        copied = end
        i = end
      } else {
        i += 1
      }
    }
    out.append(contentsOf: scalars[copied...])
    return String(out)
  }
}
