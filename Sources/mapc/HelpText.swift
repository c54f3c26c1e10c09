/// Text for `--help` that ArgumentParser cannot lay out by itself.
enum HelpText {
  /// `items` as a list, `  - ` before each and its continuation lines indented under its text,
  /// wrapped to fit in `width` columns. ArgumentParser wraps a discussion at the terminal width
  /// (80 columns in a pipe, or `COLUMNS`) but starts every wrapped line at the margin, which
  /// breaks a list; lines shorter than that width pass through as written.
  static func list(_ items: [String], width: Int = 79) -> String {
    let first = "  - "
    let hanging = String(repeating: " ", count: first.count)
    var lines: [String] = []
    for item in items {
      var line = first
      var empty = true
      for word in item.split(separator: " ") {
        if !empty, line.count + 1 + word.count > width {
          lines.append(line)
          line = hanging
          empty = true
        }
        line += (empty ? "" : " ") + word
        empty = false
      }
      lines.append(line)
    }
    return lines.joined(separator: "\n")
  }
}
