/// Splits text into lines for source snippets.
public enum SourceLines {
  /// The lines of `text`, without their `\n` or `\r\n` endings and without a leading byte
  /// order mark. Splits on scalars: as a Character, "\r\n" is one grapheme, not a "\n".
  public static func split(_ text: String) -> [Substring] {
    var text = Substring(text)
    if text.unicodeScalars.first == "\u{FEFF}" { text = text.dropFirst() }
    var lines: [Substring] = []
    var start = text.startIndex
    var i = text.unicodeScalars.startIndex
    while i < text.unicodeScalars.endIndex {
      if text.unicodeScalars[i] == "\n" {
        var end = i
        if end > start, text.unicodeScalars[text.unicodeScalars.index(before: end)] == "\r" {
          end = text.unicodeScalars.index(before: end)
        }
        lines.append(text[start..<end])
        start = text.unicodeScalars.index(after: i)
      }
      i = text.unicodeScalars.index(after: i)
    }
    lines.append(text[start...])
    return lines
  }
}
