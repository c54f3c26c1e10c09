import Foundation

/// Replaces given names in text, email addresses, phone numbers and links of given domains.
///
/// Names are matched leftmost-longest through a trie of their characters (so "Acme Corp" wins
/// over "Acme" where both start), case- and accent-insensitively and up to canonical
/// equivalence (Swift compares and hashes characters as their NFC form, so "Zoë" written NFD in
/// one place and NFC in the other match), with ’ and ' alike and any white space as a space, and only on word boundaries: "Ana" is not scrubbed
/// out of "Analytics". The trie is walked from word starts only, at most as far as the longest
/// name, so a text of n characters costs at most n × ``maximumNameLength`` steps.
/// Email addresses are found around each `@` by scanning the characters an address may hold,
/// each at most twice; phone-like runs (digits and the separators phone numbers are written
/// with) are compared by their digits alone, each character read once; links are found by
/// looking for each domain at each position (n × the domains' total length). No regular
/// expression is used, whose backtracking over long runs of letters would be quadratic.
struct TextScrubber: Sendable {
  /// The longest name matched, in characters: a longer one is refused (see ``init(_:phones:domains:)``).
  static let maximumNameLength = 1000
  /// The fewest digits a phone number is compared on: fewer would scrub dates and amounts.
  static let minimumPhoneDigits = 7

  private var edges: [[String: Int]] = [[:]]
  /// The replacement of the name that ends at each node; nil when none ends there.
  private var ends: [String?] = [nil]
  /// The digits of each phone number to remove.
  private var phoneDigits: [[UInt8]] = []
  /// Lowercased ASCII domains whose links and host names are removed.
  private var domains: [[Unicode.Scalar]] = []

  /// The key a character is matched by: lowercased and without accents ("Zoë", "ZOË" and
  /// "Zoe" alike), the typographic apostrophe as the typewriter one, any white space (a
  /// no-break space, a line break in a wrapped paragraph) as a space.
  static func fold(_ c: Character) -> String {
    switch c {
    case "\u{2019}", "\u{2018}", "\u{02BC}": return "'"
    case _ where c.isWhitespace: return " "
    case _ where c.isASCII: return String(c).lowercased()
    default: return String(c).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
  }

  /// A letter or digit of a script that separates words with spaces: a name must not start or
  /// end next to one. Ideographs and kana are not (Chinese and Japanese have no spaces).
  static func isWordCharacter(_ c: Character) -> Bool {
    guard c.isLetter || c.isNumber else { return false }
    guard let s = c.unicodeScalars.first else { return false }
    if s.properties.isIdeographic { return false }
    return !(0x3040...0x30FF).contains(s.value) && !(0xAC00...0xD7AF).contains(s.value)
  }

  /// A scrubber for `names`, each replaced by its replacement; an empty name, or one longer
  /// than ``maximumNameLength``, is skipped (``tooLong`` lists the latter). The first of two
  /// equal names wins. `phones` are removed wherever their digits are written (with or
  /// without a country code); links and host names under `domains` become `(link)`.
  init(_ names: [(name: String, replacement: String)], phones: [String] = [], domains: [String] = []) {
    for (name, replacement) in names where !name.isEmpty {
      guard name.count <= Self.maximumNameLength else {
        tooLong.append(name)
        continue
      }
      var node = 0
      for c in name {
        let key = Self.fold(c)
        if let next = edges[node][key] {
          node = next
        } else {
          edges.append([:])
          ends.append(nil)
          edges[node][key] = edges.count - 1
          node = edges.count - 1
        }
      }
      if ends[node] == nil { ends[node] = replacement }
    }
    for phone in phones {
      let digits = phone.unicodeScalars.compactMap { ("0"..."9").contains($0) ? UInt8($0.value - 48) : nil }
      if digits.count >= Self.minimumPhoneDigits { phoneDigits.append(digits) }
    }
    for domain in Set(domains.map { $0.lowercased() }).sorted() where domain.contains(".") {
      guard domain.count <= Self.maximumNameLength else {
        tooLong.append(domain)
        continue
      }
      self.domains.append(Array(domain.unicodeScalars))
    }
  }

  /// Names too long to match; the caller refuses to go on with any.
  private(set) var tooLong: [String] = []

  /// `text` with every email address replaced by `emailReplacement`, links under the domains by
  /// `(link)`, the phone numbers by `(phone)`, then every name (leftmost, longest first).
  /// Addresses go first: a company's name inside its email domain would break the address.
  func callAsFunction(_ text: String, emailReplacement: String = "(email)") -> String {
    replacingNames(in: replacingPhones(in: replacingLinks(in: replacingEmails(in: text, with: emailReplacement))))
  }

  private func replacingNames(in text: String) -> String {
    guard edges[0].count > 0 else { return text }
    let characters = Array(text)
    var out = ""
    var i = 0
    while i < characters.count {
      // A name starts where a word starts (or at a character that is no letter itself).
      let atStart = i == 0 || !Self.isWordCharacter(characters[i]) || !Self.isWordCharacter(characters[i - 1])
      var match: (end: Int, replacement: String)?
      if atStart {
        var node = 0
        var j = i
        while j < characters.count, let next = edges[node][Self.fold(characters[j])] {
          node = next
          j += 1
          // ...and ends where a word ends.
          if let r = ends[node],
            j == characters.count || !Self.isWordCharacter(characters[j - 1]) || !Self.isWordCharacter(characters[j])
          {
            match = (j, r)
          }
        }
      }
      if let match {
        out += match.replacement
        i = match.end
      } else {
        out.append(characters[i])
        i += 1
      }
    }
    return out
  }

  private static func isPhoneCharacter(_ c: Unicode.Scalar) -> Bool {
    ("0"..."9").contains(c) || " +-().\u{A0}/".unicodeScalars.contains(c)
  }

  /// Replaces each run of digits and phone separators whose digits are a stakeholder's phone
  /// number's, or the same number with or without a country code or trunk prefix (one is the
  /// other's ending, at most four digits apart): the longest such run from each start that is
  /// not inside a word or number, a run read at most ``maximumPhoneRun`` characters far.
  private func replacingPhones(in text: String) -> String {
    guard let longest = phoneDigits.map(\.count).max() else { return text }
    let scalars = Array(text.unicodeScalars)
    func isDigit(_ i: Int) -> Bool { i < scalars.count && ("0"..."9").contains(scalars[i]) }
    var out = String.UnicodeScalarView()
    var i = 0
    while i < scalars.count {
      let c = scalars[i]
      let startsRun = isDigit(i) || c == "+" || c == "("
      let afterWord = i > 0 && (scalars[i - 1].properties.isAlphabetic || isDigit(i - 1))
      var matchEnd: Int?
      if startsRun && !afterWord {
        var end = i
        var digits: [UInt8] = []
        while end < scalars.count, end - i < Self.maximumPhoneRun, digits.count <= longest + 4, Self.isPhoneCharacter(scalars[end]) {
          if isDigit(end) {
            digits.append(UInt8(scalars[end].value - 48))
            // A number ends where no digit follows it.
            if !isDigit(end + 1), phoneDigits.contains(where: { Self.samePhone($0, digits) }) { matchEnd = end + 1 }
          }
          end += 1
        }
      }
      if let matchEnd {
        out.append(contentsOf: "(phone)".unicodeScalars)
        i = matchEnd
      } else {
        out.append(c)
        i += 1
      }
    }
    return String(out)
  }

  /// The most characters a phone number is looked for in from where it starts.
  static let maximumPhoneRun = 40

  static func samePhone(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    let (short, long) = a.count <= b.count ? (a, b) : (b, a)
    guard short.count >= minimumPhoneDigits, long.count - short.count <= 4 else { return false }
    return long.suffix(short.count).elementsEqual(short)
  }

  private static func lowerASCII(_ c: Unicode.Scalar) -> Unicode.Scalar {
    ("A"..."Z").contains(c) ? Unicode.Scalar(c.value + 32) ?? c : c
  }

  private static func isHostCharacter(_ c: Unicode.Scalar) -> Bool {
    c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "-")
  }

  private static func isLinkCharacter(_ c: Unicode.Scalar) -> Bool {
    c.isASCII && !c.properties.isWhitespace && c.value > 0x20 && !"<>\"'`()[]{}|\\^".unicodeScalars.contains(c)
  }

  /// Replaces every host name under one of the domains (`www.acme.example`) with the link it is
  /// part of (scheme, path and query), trailing punctuation left to the sentence.
  private func replacingLinks(in text: String) -> String {
    guard !domains.isEmpty else { return text }
    let scalars = Array(text.unicodeScalars)
    var out = String.UnicodeScalarView()
    var copied = 0
    var i = 0
    while i < scalars.count {
      // The domain starts a host name or follows a dot (a subdomain), and ends the host name.
      let boundary = i == 0 || !Self.isHostCharacter(scalars[i - 1])
      guard boundary,
        let domain = domains.first(where: { d in
          i + d.count <= scalars.count
            && zip(d, scalars[i..<(i + d.count)]).allSatisfy { $0 == Self.lowerASCII($1) }
            && (i + d.count == scalars.count || !(Self.isHostCharacter(scalars[i + d.count]) || scalars[i + d.count] == "." && i + d.count + 1 < scalars.count && Self.isHostCharacter(scalars[i + d.count + 1])))
        })
      else {
        i += 1
        continue
      }
      var start = i
      while start > copied, Self.isLinkCharacter(scalars[start - 1]) { start -= 1 }
      var end = i + domain.count
      while end < scalars.count, Self.isLinkCharacter(scalars[end]) { end += 1 }
      while end > i + domain.count, ".,;:!?".unicodeScalars.contains(scalars[end - 1]) { end -= 1 }
      out.append(contentsOf: scalars[copied..<start])
      out.append(contentsOf: "(link)".unicodeScalars)
      copied = end
      i = end
    }
    out.append(contentsOf: scalars[copied...])
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
