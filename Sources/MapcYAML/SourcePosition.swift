/// A 1-based line and column in a plan file.
///
/// `line` is a file line (the loader adds the line where the YAML text starts); `column`
/// counts Unicode scalars from the start of the line, so a tab or an `é` is one column.
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The 1-based line number in the file.
  public var line: Int
  /// The 1-based column, in Unicode scalars.
  public var column: Int

  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
    lhs.line != rhs.line ? lhs.line < rhs.line : lhs.column < rhs.column
  }

  /// `line:column`.
  public var description: String { "\(line):\(column)" }
}
