import MapcJSON

/// A schema compiled once, validated many times; safe to share across threads.
///
/// ```swift
/// let schema = try Schema(document, uri: "https://example.com/plan.schema.json")
/// let result = schema.validate(instance)
/// ```
public struct Schema: Sendable {
  private let program: Program

  /// The URI a document without one is registered under; relative `$id`s resolve against it.
  public static let defaultURI = "json-schema:///schema.json"

  /// Compiles `document` (an object or a boolean), resolving references through `registry`.
  ///
  /// - Parameters:
  ///   - uri: the document's retrieval URI; defaults to its `$id`, else ``defaultURI``.
  ///   - registry: other documents that `$ref` may name; the 2020-12 meta-schemas are built in.
  /// - Throws: ``SchemaError`` for malformed keywords, invalid regular expressions, references
  ///   that cannot be resolved or that loop without consuming the instance.
  public init(
    _ document: JSONValue, uri: String? = nil, registry: SchemaRegistry = SchemaRegistry(),
    options: ValidationOptions = .init()
  ) throws(SchemaError) {
    switch document {
    case .object, .bool: break
    default: throw SchemaError("a schema must be an object or a boolean, found \(document.typeName)", at: uri ?? "#")
    }
    var retrieval = uri ?? Self.defaultURI
    if uri == nil, case .string(let id)? = document["$id"], URIReference(parsing: id).isAbsolute {
      retrieval = URIReference(parsing: id).withoutFragment.string
    }
    var registry = registry
    try registry.add(document, uri: retrieval)
    var compiler = Compiler(registry: registry, options: options)
    let root = try compiler.compile(root: URIReference(parsing: retrieval).withoutFragment.string)
    program = Program(
      nodes: compiler.nodes.map(Node.init), resources: compiler.resources, root: root, usesDynamicRef: compiler.usesDynamicRef,
      tables: compiler.tables)
  }

  /// Validates `instance`, returning every error in the 2020-12 "basic" output shape.
  ///
  /// Valid instances take the fast path of ``isValid(_:)``; errors are only gathered for
  /// invalid ones.
  public func validate(_ instance: JSONValue) -> ValidationResult {
    if isValid(instance) { return ValidationResult(isValid: true, errors: []) }
    var evaluator = Evaluator(program: program, wantErrors: true)
    var none: Annotations? = nil
    let valid = evaluator.evaluate(program.root, instance, &none)
    return ValidationResult(isValid: valid, errors: evaluator.errors)
  }

  /// Whether `instance` is valid; stops at the first failure and builds no error.
  public func isValid(_ instance: JSONValue) -> Bool {
    var evaluator = Evaluator(program: program, wantErrors: false)
    var none: Annotations? = nil
    return evaluator.evaluate(program.root, instance, &none)
  }
}
