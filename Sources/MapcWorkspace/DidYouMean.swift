/// Suggestions for a mistyped word: the closest candidate by edit distance, when close enough
/// to be a plausible typo.
public enum DidYouMean {
  public static func suggestion(for word: String, among candidates: [String]) -> String? {
    let w = Array(word.lowercased().unicodeScalars)
    var best: (String, Int)?
    for candidate in candidates.sorted() {
      let c = Array(candidate.lowercased().unicodeScalars)
      let d = distance(w, c)
      if let current = best, current.1 <= d { continue }
      best = (candidate, d)
    }
    guard let (candidate, d) = best else { return nil }
    // Separators are the commonest typo: "at risk" for "at-risk", "go-live" for "go_live".
    let normalized = { (s: String) in s.lowercased().filter { $0.isLetter || $0.isNumber } }
    if normalized(candidate) == normalized(word) { return candidate }
    let limit = max(1, min(3, w.count / 3))
    return d <= limit ? candidate : nil
  }

  /// Optimal string alignment distance (Levenshtein plus adjacent transpositions).
  static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var prev2 = [Int](repeating: 0, count: b.count + 1)
    var prev = Array(0...b.count)
    var cur = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      cur[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          cur[j] = min(cur[j], prev2[j - 2] + 1)
        }
      }
      (prev2, prev, cur) = (prev, cur, prev2)
    }
    return prev[b.count]
  }
}
