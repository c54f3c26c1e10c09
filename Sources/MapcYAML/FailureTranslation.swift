/// Turns a libyaml error into a diagnostic a plan author can act on.
enum FailureTranslation {
  /// - Parameter afterExplicitDocumentEnd: a `...` line ended the first document, so text
  ///   after it is a second document that libyaml refuses without `---`.
  static func diagnostic(
    for failure: LibYAMLFailure,
    lines: LineIndex,
    bytes: UnsafeRawBufferPointer,
    afterExplicitDocumentEnd: Bool
  ) -> YAMLDiagnostic {
    let position = lines.position(ofChar: failure.index)
    let problem = failure.problem

    if afterExplicitDocumentEnd && problem == "did not find expected <document start>" {
      return multipleDocuments(at: position)
    }

    let atTab: Bool = {
      guard let offset = lines.byteOffset(ofChar: failure.index, in: bytes) else { return false }
      return bytes[offset] == 0x09
    }()
    if problem.contains("tab character") || (atTab && problem == "found character that cannot start any token") {
      if lines.isIndentation(char: failure.index, in: bytes) {
        return YAMLDiagnostic(
          kind: .tabIndentation,
          message: "tab character used for indentation; YAML indents with spaces only",
          help: "replace the tab with spaces (the same number of spaces as the lines around it)",
          position: position
        )
      }
      return YAMLDiagnostic(
        kind: .tabIndentation,
        message: "tab character used as a separator here; this position needs a space",
        help: "replace the tab with a space",
        position: position
      )
    }

    var (message, help) = readable(problem)
    if let context = failure.context, let contextIndex = failure.contextIndex {
      let at = lines.position(ofChar: contextIndex)
      // At the end of the text the mistake is where the unclosed thing began: point there.
      if problem == "found unexpected end of stream" {
        return YAMLDiagnostic(
          kind: .syntax,
          message: context.contains("quoted") ? "this quoted string is never closed" : message + " (it starts here)",
          help: help, position: at)
      }
      message += " (\(context) at line \(at.line), column \(at.column))"
    }
    return YAMLDiagnostic(kind: .syntax, message: message, help: help, position: position)
  }

  static func multipleDocuments(at position: SourcePosition) -> YAMLDiagnostic {
    YAMLDiagnostic(
      kind: .multipleDocuments,
      message: "found 2 YAML documents in the frontmatter; a plan has exactly one",
      help: "remove the '---' or '...' line inside the frontmatter, or merge the documents",
      position: position
    )
  }

  /// libyaml's problem text in plain words, with advice.
  private static func readable(_ problem: String) -> (String, String?) {
    switch problem {
    case "mapping values are not allowed in this context":
      return (
        "mapping values are not allowed here",
        "a ': ' inside a plain value starts a mapping; quote the value (title: \"Phase 2: rollout\") or fix the indentation"
      )
    case "could not find expected ':'":
      return (
        "expected ':' after a mapping key",
        "each line of a mapping is 'key: value'; check the indentation, or quote text that spans lines"
      )
    case "did not find expected key":
      return ("expected a mapping key here", "check the indentation: this line does not line up with the keys of its mapping")
    case "did not find expected '-' indicator":
      return ("expected a '- ' list item here", "line up the items of the list, each starting with '- '")
    case "did not find expected ',' or ']'":
      return ("expected ',' or ']' in a [ ] list", "separate the items with commas and close the list with ']'")
    case "did not find expected ',' or '}'":
      return ("expected ',' or '}' in a { } mapping", "separate the members with commas and close the mapping with '}'")
    case "did not find expected node content":
      return ("expected a value here", nil)
    case "found unexpected end of stream":
      return ("the frontmatter ends inside a quoted string", "close the quote")
    case "found unknown escape character":
      return ("unknown escape sequence in a double-quoted string", "write a backslash as \\\\, or use single quotes")
    case "block sequence entries are not allowed in this context":
      return ("a '- ' list item is not allowed here", "start the list on its own line under its key, indented")
    case "found character that cannot start any token":
      return ("found a character that cannot start a YAML value", "quote the value (values starting with @ or ` must be quoted)")
    case "found unexpected document indicator":
      return ("a '---' or '...' line inside a quoted string", "indent the line or remove the document marker")
    default:
      return (problem, nil)
    }
  }
}
