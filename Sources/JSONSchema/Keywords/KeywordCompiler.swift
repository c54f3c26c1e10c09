import MapcJSON

/// Compiling the keywords of one object schema into a ``Node``.
extension Compiler {
  mutating func buildKeywords(
    _ object: JSONObject, location: SchemaLocation, context: Context, into node: inout NodeSpec
  ) throws(SchemaError) {
    let vocabularies = context.vocabularies
    let here = node.location
    func at(_ keyword: String) -> String { here + "/" + keyword }
    func enabled(_ keyword: String) -> Bool {
      guard let vocabulary = Vocabularies.of(keyword: keyword) else { return true }
      return vocabularies.contains(vocabulary)
    }
    func child(_ tokens: String...) -> SchemaLocation {
      SchemaLocation(document: location.document, pointer: location.pointer + tokens)
    }
    func number(_ keyword: String, _ value: JSONValue) throws(SchemaError) -> Double {
      guard case .number(let n) = value else { throw SchemaError("\(keyword) must be a number", at: at(keyword)) }
      return n
    }
    func count(_ keyword: String, _ value: JSONValue) throws(SchemaError) -> Int {
      guard case .number(let n) = value, value.isInteger, n >= 0 else {
        throw SchemaError("\(keyword) must be a non-negative integer", at: at(keyword))
      }
      return n > Double(Int.max / 2) ? Int.max / 2 : Int(n)
    }
    func strings(_ keyword: String, _ value: JSONValue) throws(SchemaError) -> [String] {
      guard case .array(let items) = value else { throw SchemaError("\(keyword) must be an array of strings", at: at(keyword)) }
      var out: [String] = []
      for item in items {
        guard case .string(let s) = item else { throw SchemaError("\(keyword) must be an array of strings", at: at(keyword)) }
        out.append(s)
      }
      return out
    }
    func regex(_ source: String, at keywordLocation: String) throws(SchemaError) -> ECMARegex {
      do {
        return try ECMARegex(source)
      } catch {
        throw SchemaError("invalid regular expression '\(source)': \(error.message)", at: keywordLocation)
      }
    }

    var groupedProperties = false
    var groupedItems = false
    for (keyword, value) in object where enabled(keyword) {
      switch keyword {
      case "$ref":
        guard case .string(let ref) = value else { throw SchemaError("$ref must be a string", at: at(keyword)) }
        node.keywords.append(.ref(try reference(ref, context: context, at: at(keyword)).node))

      case "$dynamicRef":
        guard case .string(let ref) = value else { throw SchemaError("$dynamicRef must be a string", at: at(keyword)) }
        let resolved = try reference(ref, context: context, at: at(keyword))
        node.keywords.append(.dynamicRef(target: resolved.node, anchorIndex: resolved.dynamicAnchor.map { tables.add($0) }))
        noteDynamicRef()

      case "type":
        let names: [String]
        if case .string(let name) = value { names = [name] } else { names = try strings(keyword, value) }
        var mask = TypeMask()
        for name in names {
          guard let t = TypeMask(name: name) else { throw SchemaError("unknown type '\(name)'", at: at(keyword)) }
          mask.insert(t)
        }
        node.keywords.append(.type(mask, namesIndex: tables.add(names)))

      case "enum":
        guard case .array(let values) = value else { throw SchemaError("enum must be an array", at: at(keyword)) }
        node.keywords.append(.enumeration(valuesIndex: tables.add(values)))
      case "const":
        node.keywords.append(.constant(valuesIndex: tables.add([value])))

      case "multipleOf":
        let n = try number(keyword, value)
        guard n > 0 else { throw SchemaError("multipleOf must be greater than 0", at: at(keyword)) }
        node.keywords.append(.multipleOf(n))
      case "minimum": node.keywords.append(.minimum(try number(keyword, value)))
      case "maximum": node.keywords.append(.maximum(try number(keyword, value)))
      case "exclusiveMinimum": node.keywords.append(.exclusiveMinimum(try number(keyword, value)))
      case "exclusiveMaximum": node.keywords.append(.exclusiveMaximum(try number(keyword, value)))
      case "minLength": node.keywords.append(.minLength(try count(keyword, value)))
      case "maxLength": node.keywords.append(.maxLength(try count(keyword, value)))
      case "minItems": node.keywords.append(.minItems(try count(keyword, value)))
      case "maxItems": node.keywords.append(.maxItems(try count(keyword, value)))
      case "minProperties": node.keywords.append(.minProperties(try count(keyword, value)))
      case "maxProperties": node.keywords.append(.maxProperties(try count(keyword, value)))
      case "uniqueItems":
        guard case .bool(let unique) = value else { throw SchemaError("uniqueItems must be a boolean", at: at(keyword)) }
        if unique { node.keywords.append(.uniqueItems) }

      case "pattern":
        guard case .string(let source) = value else { throw SchemaError("pattern must be a string", at: at(keyword)) }
        node.keywords.append(.pattern(patternIndex: tables.add(CompiledPattern(try regex(source, at: at(keyword)), source: source))))

      case "format":
        guard case .string(let name) = value else { throw SchemaError("format must be a string", at: at(keyword)) }
        let asserted = assertsFormat || vocabularies.contains(.formatAssertion)
        let kind = FormatKind(name: name)
        if asserted && kind != .unknown { node.keywords.append(.format(kind, nameIndex: tables.add(name))) }

      case "required":
        node.keywords.append(.required(namesIndex: tables.add(try strings(keyword, value))))
      case "dependentRequired":
        guard case .object(let members) = value else { throw SchemaError("dependentRequired must be an object", at: at(keyword)) }
        var list: [(name: String, required: [String])] = []
        for (name, names) in members { list.append((name, try strings(keyword, names))) }
        tables.dependentRequired.append(list)
        node.keywords.append(.dependentRequired(index: tables.dependentRequired.count - 1))

      case "properties", "patternProperties", "additionalProperties":
        guard !groupedProperties else { continue }
        groupedProperties = true
        var names: [String] = []
        var targets: [Int] = []
        var patternList: [(pattern: CompiledPattern, node: Int)] = []
        var additionalTarget: Int?
        if let properties = object["properties"], enabled("properties") {
          guard case .object(let members) = properties else { throw SchemaError("properties must be an object", at: at("properties")) }
          for (name, schema) in members {
            names.append(name)
            targets.append(try subschema(schema, at: child("properties", name), parent: context))
          }
          node.declaredProperties = names.sorted()
        }
        if let patterns = object["patternProperties"] {
          guard case .object(let members) = patterns else {
            throw SchemaError("patternProperties must be an object", at: at("patternProperties"))
          }
          for (source, schema) in members {
            let compiled = try regex(source, at: at("patternProperties"))
            patternList.append((CompiledPattern(compiled, source: source), try subschema(schema, at: child("patternProperties", source), parent: context)))
          }
        }
        if let additional = object["additionalProperties"] {
          additionalTarget = try subschema(additional, at: child("additionalProperties"), parent: context)
        }
        let group = PropertiesKeyword(names: names, nodes: targets, patterns: patternList, additional: additionalTarget)
        node.keywords.append(.properties(groupIndex: tables.add(group)))

      case "propertyNames":
        node.keywords.append(.propertyNames(try subschema(value, at: child(keyword), parent: context)))

      case "dependentSchemas":
        guard case .object(let members) = value else { throw SchemaError("dependentSchemas must be an object", at: at(keyword)) }
        var list: [(name: String, node: Int)] = []
        for (name, schema) in members { list.append((name, try subschema(schema, at: child(keyword, name), parent: context))) }
        tables.dependentSchemas.append(list)
        node.keywords.append(.dependentSchemas(index: tables.dependentSchemas.count - 1))

      case "prefixItems", "items":
        guard !groupedItems else { continue }
        groupedItems = true
        var prefix: [Int] = []
        var hasPrefixItems = false
        if let prefixItems = object["prefixItems"] {
          guard case .array(let schemas) = prefixItems, !schemas.isEmpty else {
            throw SchemaError("prefixItems must be a non-empty array", at: at("prefixItems"))
          }
          hasPrefixItems = true
          for (i, schema) in schemas.enumerated() {
            prefix.append(try subschema(schema, at: child("prefixItems", String(i)), parent: context))
          }
        }
        var rest: Int?
        if let items = object["items"] {
          guard items.objectValue != nil || items.boolValue != nil else {
            throw SchemaError("items must be a schema (use prefixItems for tuples)", at: at("items"))
          }
          rest = try subschema(items, at: child("items"), parent: context)
        }
        node.keywords.append(.items(prefixIndex: hasPrefixItems ? tables.add(prefix) : nil, rest: rest))

      case "contains":
        let target = try subschema(value, at: child(keyword), parent: context)
        var minimum = 1
        var maximum: Int?
        if let m = object["minContains"], enabled("minContains") { minimum = try count("minContains", m) }
        if let m = object["maxContains"], enabled("maxContains") { maximum = try count("maxContains", m) }
        node.keywords.append(.contains(target, min: minimum, max: maximum))

      case "allOf", "anyOf", "oneOf":
        guard case .array(let schemas) = value, !schemas.isEmpty else {
          throw SchemaError("\(keyword) must be a non-empty array of schemas", at: at(keyword))
        }
        var list: [Int] = []
        for (i, schema) in schemas.enumerated() {
          list.append(try subschema(schema, at: child(keyword, String(i)), parent: context))
        }
        switch keyword {
        case "allOf": node.keywords.append(.allOf(nodesIndex: tables.add(list)))
        case "anyOf": node.keywords.append(.anyOf(nodesIndex: tables.add(list)))
        default: node.keywords.append(.oneOf(nodesIndex: tables.add(list)))
        }

      case "not":
        node.keywords.append(.not(try subschema(value, at: child(keyword), parent: context)))

      case "if":
        let condition = try subschema(value, at: child("if"), parent: context)
        var then: Int?
        var otherwise: Int?
        if let t = object["then"] { then = try subschema(t, at: child("then"), parent: context) }
        if let e = object["else"] { otherwise = try subschema(e, at: child("else"), parent: context) }
        node.keywords.append(.conditional(if: condition, then: then, else: otherwise))

      case "unevaluatedProperties":
        node.unevaluatedProperties = try subschema(value, at: child(keyword), parent: context)
      case "unevaluatedItems":
        node.unevaluatedItems = try subschema(value, at: child(keyword), parent: context)

      case "$defs", "definitions":
        // Compiled only when referenced; checked for shape so typos surface.
        guard case .object = value else { throw SchemaError("\(keyword) must be an object", at: at(keyword)) }

      default:
        continue
      }
    }
  }
}
