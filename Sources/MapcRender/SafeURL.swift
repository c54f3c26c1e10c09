/// The only link targets a snapshot carries: `http`, `https` and `mailto`.
///
/// Anything else (`javascript:`, `data:`, `file:`, relative paths, scheme tricks such as
/// `java\tscript:`) is refused, not repaired: the caller shows the text without a link.
public enum SafeURL {
  public static let allowedSchemes = ["http", "https", "mailto"]

  /// True when `url` starts with an allowed scheme and has something after it. Control
  /// characters and whitespace anywhere refuse the URL, since browsers strip some of them
  /// before reading the scheme.
  public static func isAllowed(_ url: String) -> Bool {
    guard !url.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7f }) else { return false }
    guard let colon = url.firstIndex(of: ":") else { return false }
    let scheme = url[..<colon].lowercased()
    let rest = url[url.index(after: colon)...]
    guard allowedSchemes.contains(scheme), !rest.isEmpty else { return false }
    if scheme == "mailto" { return true }
    return rest.hasPrefix("//") && rest.count > 2
  }
}
