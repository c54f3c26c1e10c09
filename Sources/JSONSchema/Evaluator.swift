import MapcJSON

/// Applies a compiled ``Program`` to one instance.
///
/// Two modes share one code path: `wantErrors == false` short-circuits on the first failure and
/// never builds a location (``Schema/isValid(_:)``); `wantErrors == true` evaluates everything
/// and records errors in the "basic" output shape.
struct Evaluator {
  let program: Program
  private(set) var wantErrors: Bool
  private(set) var errors: [ValidationError] = []
  private var keywordPath: [String] = []
  private var instancePath: [String] = []
  private var scope: [Int] = []
  private var depth = 0
  /// Backtracking steps left for the patterns of this whole evaluation: each match may take
  /// ``ECMARegex/stepBudget``, and a document with thousands of strings may not take that
  /// thousands of times.
  private var regexBudget = Self.regexBudget

  /// Backtracking steps allowed per evaluation (well under a second in a release build).
  static let regexBudget = 10 * ECMARegex.stepBudget

  /// Nested subschema evaluations allowed: far beyond real documents (a plan nests about 10),
  /// and well within a 512 KB thread stack even in debug builds. Also stops `$dynamicRef`
  /// loops, which compile-time loop detection cannot see.
  static let maximumDepth = 200

  init(program: Program, wantErrors: Bool) {
    self.program = program
    self.wantErrors = wantErrors
  }

  // MARK: Locations and errors

  // Autoclosures: the fast path must not even format an index.
  private mutating func push(_ token: @autoclosure () -> String) { if wantErrors { keywordPath.append(token()) } }
  private mutating func pop() { if wantErrors { keywordPath.removeLast() } }
  private mutating func pushInstance(_ token: @autoclosure () -> String) {
    if wantErrors { instancePath.append(token()) }
  }
  private mutating func popInstance() { if wantErrors { instancePath.removeLast() } }

  private mutating func fail(
    _ node: Node, _ keyword: String, _ message: @autoclosure () -> String, _ detail: @autoclosure () -> ValidationErrorDetail,
    instanceToken: String? = nil
  ) {
    guard wantErrors else { return }
    var pointer = ""
    for token in keywordPath { pointer += "/" + escape(token) }
    pointer += "/" + escape(keyword)
    var instance = instancePath
    if let instanceToken { instance.append(instanceToken) }
    errors.append(
      ValidationError(
        instanceLocation: JSONPointer(instance), keywordLocation: pointer,
        absoluteKeywordLocation: node.location.isEmpty ? nil : node.location + "/" + escape(keyword),
        keyword: keyword, message: message(), detail: detail()))
  }

  private func escape(_ token: String) -> String {
    guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return token }
    return token.replacing("~", with: "~0").replacing("/", with: "~1")
  }

  /// Evaluates without recording errors (for `not`, `if`, `contains`), restoring the mode after.
  private mutating func quietly(_ body: (inout Evaluator) -> Bool) -> Bool {
    let saved = wantErrors
    wantErrors = false
    defer { wantErrors = saved }
    return body(&self)
  }

  // MARK: Nodes

  mutating func evaluate(_ index: Int, _ instance: JSONValue, _ out: inout Annotations?) -> Bool {
    let node = program.nodes[index]
    switch node.kind {
    case .alwaysValid:
      return true
    case .alwaysInvalid:
      if wantErrors { failFalseSchema(node) }
      return false
    case .keywords:
      break
    }
    depth += 1
    defer { depth -= 1 }
    if depth > Self.maximumDepth {
      fail(node, "$ref", "the instance or schema nests too deeply to validate (over \(Self.maximumDepth) subschemas)", .combinator)
      return false
    }
    let entersResource = program.usesDynamicRef && scope.last != node.resource
    if entersResource { scope.append(node.resource) }
    defer { if entersResource { scope.removeLast() } }

    var local: Annotations? = (out.isCollecting || node.hasUnevaluated) ? Annotations() : nil
    // Walking the buffer borrows each keyword in place; for-in or subscripting would copy the
    // enum (and retain its payload) for every keyword of every subschema visited.
    let valid = node.keywords.withUnsafeBufferPointer { keywords in
      var valid = true
      for i in keywords.indices where !evaluate(keywords[i], node, instance, &local) {
        valid = false
        if !wantErrors { break }
      }
      return valid
    }
    if !valid && !wantErrors { return false }
    var unevaluatedValid = true
    if node.hasUnevaluated {
      unevaluatedValid = evaluateUnevaluated(node, instance, &local)
      if !unevaluatedValid && !wantErrors { return false }
    }
    out.absorb(local)
    return valid && unevaluatedValid
  }

  /// A `false` schema has no keyword of its own: the error names the keyword that applied it.
  private mutating func failFalseSchema(_ node: Node) {
    var keyword = keywordPath.last ?? "false"
    var message = "no value is allowed here"
    if keywordPath.count >= 2 {
      let parent = keywordPath[keywordPath.count - 2]
      switch parent {
      case "properties", "patternProperties":
        keyword = parent
        message = "property '\(instancePath.last ?? "")' is not allowed"
      case "prefixItems", "allOf", "anyOf", "oneOf", "dependentSchemas", "$defs":
        keyword = parent
      default:
        break
      }
    }
    var pointer = ""
    for token in keywordPath { pointer += "/" + escape(token) }
    errors.append(
      ValidationError(
        instanceLocation: JSONPointer(instancePath), keywordLocation: pointer,
        absoluteKeywordLocation: node.location.isEmpty ? nil : node.location, keyword: keyword, message: message,
        detail: .falseSchema))
  }

  // MARK: Keywords

  private mutating func evaluate(_ keyword: Keyword, _ node: Node, _ instance: JSONValue, _ out: inout Annotations?) -> Bool {
    switch keyword {
    case .type(let mask, let namesIndex):
      if mask.admits(instance) { return true }
      let names = program.tables.stringLists[namesIndex]
      fail(node, "type", "expected \(Self.list(names, conjunction: "or")), found \(instance.typeName)",
        .type(expected: names, actual: instance.typeName))
      return false

    case .enumeration(let valuesIndex):
      let values = program.tables.valueLists[valuesIndex]
      for v in values where JSONEquality.equal(v, instance) { return true }
      fail(node, "enum", "must be one of: \(values.map(Self.display).joined(separator: ", "))", .enumeration(allowed: values))
      return false

    case .constant(let valuesIndex):
      let value = program.tables.valueLists[valuesIndex][0]
      if JSONEquality.equal(value, instance) { return true }
      fail(node, "const", "must be \(Self.display(value))", .constant(expected: value))
      return false

    case .multipleOf(let m):
      guard case .number(let n) = instance else { return true }
      if Self.isMultiple(n, of: m) { return true }
      fail(node, "multipleOf", "must be a multiple of \(Self.number(m))", .bounds)
      return false
    case .minimum(let limit):
      guard case .number(let n) = instance, n < limit else { return true }
      fail(node, "minimum", "must be at least \(Self.number(limit)), found \(Self.number(n))", .bounds)
      return false
    case .maximum(let limit):
      guard case .number(let n) = instance, n > limit else { return true }
      fail(node, "maximum", "must be at most \(Self.number(limit)), found \(Self.number(n))", .bounds)
      return false
    case .exclusiveMinimum(let limit):
      guard case .number(let n) = instance, n <= limit else { return true }
      fail(node, "exclusiveMinimum", "must be greater than \(Self.number(limit)), found \(Self.number(n))", .bounds)
      return false
    case .exclusiveMaximum(let limit):
      guard case .number(let n) = instance, n >= limit else { return true }
      fail(node, "exclusiveMaximum", "must be less than \(Self.number(limit)), found \(Self.number(n))", .bounds)
      return false

    case .minLength(let limit):
      guard case .string(let s) = instance, s.utf8.count < limit * 4, s.unicodeScalars.count < limit else { return true }
      fail(node, "minLength", "must be at least \(limit) \(limit == 1 ? "character" : "characters") long", .bounds)
      return false
    case .maxLength(let limit):
      guard case .string(let s) = instance, s.utf8.count > limit, s.unicodeScalars.count > limit else { return true }
      fail(node, "maxLength", "must be at most \(limit) \(limit == 1 ? "character" : "characters") long", .bounds)
      return false
    case .pattern(let patternIndex):
      let compiled = program.tables.patterns[patternIndex]
      guard case .string(let s) = instance else { return true }
      let source = compiled.source
      var budget = regexBudget
      let outcome = compiled.match(s, budget: &budget)
      regexBudget = budget
      switch outcome {
      case .matched:
        return true
      case .failed:
        fail(node, "pattern", "must match the pattern \(source)", .pattern(pattern: source))
      case .tooCostly:
        let message = tooCostly(source)
        fail(node, "pattern", message, .patternTooCostly(pattern: source))
      }
      return false
    case .format(let kind, let nameIndex):
      guard case .string(let s) = instance, !kind.check(s) else { return true }
      let name = program.tables.strings[nameIndex]
      fail(node, "format", "'\(s)' is not a valid \(name)", .format(name: name))
      return false

    case .minItems(let limit):
      guard case .array(let a) = instance, a.count < limit else { return true }
      fail(node, "minItems", "must have at least \(limit) \(limit == 1 ? "item" : "items"), found \(a.count)", .bounds)
      return false
    case .maxItems(let limit):
      guard case .array(let a) = instance, a.count > limit else { return true }
      fail(node, "maxItems", "must have at most \(limit) \(limit == 1 ? "item" : "items"), found \(a.count)", .bounds)
      return false
    case .uniqueItems:
      guard case .array(let a) = instance, let (first, duplicate) = Self.firstDuplicate(a) else { return true }
      fail(node, "uniqueItems", "items \(first) and \(duplicate) are equal; items must be unique",
        .uniqueItems(firstIndex: first, duplicateIndex: duplicate))
      return false

    case .minProperties(let limit):
      guard case .object(let o) = instance, o.count < limit else { return true }
      fail(node, "minProperties", "must have at least \(limit) \(limit == 1 ? "property" : "properties")", .bounds)
      return false
    case .maxProperties(let limit):
      guard case .object(let o) = instance, o.count > limit else { return true }
      fail(node, "maxProperties", "must have at most \(limit) \(limit == 1 ? "property" : "properties")", .bounds)
      return false
    case .required(let namesIndex):
      guard case .object(let o) = instance else { return true }
      let names = program.tables.stringLists[namesIndex]
      var valid = true
      for name in names where !FastString.contains(o, name) {
        valid = false
        if !wantErrors { return false }
        fail(node, "required", "missing required property '\(name)'", .required(missing: name))
      }
      return valid
    case .dependentRequired(let index):
      guard case .object(let o) = instance else { return true }
      let list = program.tables.dependentRequired[index]
      var valid = true
      for (trigger, names) in list where FastString.contains(o, trigger) {
        for name in names where !FastString.contains(o, name) {
          valid = false
          if !wantErrors { return false }
          push("dependentRequired")
          fail(node, trigger, "property '\(name)' is required when '\(trigger)' is present", .required(missing: name))
          pop()
        }
      }
      return valid

    case .properties(let groupIndex):
      guard case .object(let o) = instance else { return true }
      return evaluateProperties(program.tables.propertyGroups[groupIndex], node, o, &out)
    case .propertyNames(let target):
      guard case .object(let o) = instance else { return true }
      var valid = true
      push("propertyNames")
      for (name, _) in o {
        var none: Annotations? = nil
        let mark = errors.count
        if !evaluate(target, .string(name), &none) {
          valid = false
          if !wantErrors { break }
          pop()
          fail(node, "propertyNames", "invalid property name '\(name)'", .combinator)
          push("propertyNames")
          if mark < errors.count { errors.insert(errors.removeLast(), at: mark) }
        }
      }
      pop()
      return valid
    case .dependentSchemas(let index):
      guard case .object(let o) = instance else { return true }
      let list = program.tables.dependentSchemas[index]
      var valid = true
      for (trigger, target) in list where FastString.contains(o, trigger) {
        push("dependentSchemas")
        push(trigger)
        let ok = evaluate(target, instance, &out)
        pop()
        pop()
        if !ok {
          valid = false
          if !wantErrors { return false }
        }
      }
      return valid

    case .items(let prefixIndex, let rest):
      guard case .array(let a) = instance else { return true }
      let prefix = prefixIndex.map { program.tables.nodeLists[$0] } ?? []
      return evaluateItems(prefix, rest, node, a, &out)
    case .contains(let target, let minimum, let maximum):
      guard case .array(let a) = instance else { return true }
      return evaluateContains(target, minimum, maximum, node, a, &out)

    case .allOf(let nodesIndex):
      let list = program.tables.nodeLists[nodesIndex]
      var valid = true
      for (i, target) in list.enumerated() {
        push("allOf")
        push(String(i))
        let ok = evaluate(target, instance, &out)
        pop()
        pop()
        if !ok {
          valid = false
          if !wantErrors { return false }
        }
      }
      return valid
    case .anyOf(let nodesIndex):
      let list = program.tables.nodeLists[nodesIndex]
      let mark = errors.count
      var matched = false
      for (i, target) in list.enumerated() {
        if matched && !out.isCollecting { break }
        var branch: Annotations? = !out.isCollecting ? nil : Annotations()
        push("anyOf")
        push(String(i))
        let ok = matched ? quietly { $0.evaluate(target, instance, &branch) } : evaluate(target, instance, &branch)
        pop()
        pop()
        if ok {
          matched = true
          out.absorb(branch)
        }
      }
      if matched {
        errors.removeSubrange(mark...)
        return true
      }
      insertFailure(at: mark, node, "anyOf", "does not match any of the allowed alternatives")
      return false
    case .oneOf(let nodesIndex):
      let list = program.tables.nodeLists[nodesIndex]
      let mark = errors.count
      var matches: [Int] = []
      var collected: Annotations?
      for (i, target) in list.enumerated() {
        var branch: Annotations? = !out.isCollecting ? nil : Annotations()
        push("oneOf")
        push(String(i))
        let ok = matches.isEmpty ? evaluate(target, instance, &branch) : quietly { $0.evaluate(target, instance, &branch) }
        pop()
        pop()
        if ok {
          matches.append(i)
          collected = branch
          if matches.count > 1 && !wantErrors { return false }
        }
      }
      if matches.count == 1 {
        errors.removeSubrange(mark...)
        out.absorb(collected)
        return true
      }
      if matches.isEmpty {
        insertFailure(at: mark, node, "oneOf", "does not match any of the alternatives (exactly one must match)")
      } else {
        errors.removeSubrange(mark...)
        fail(node, "oneOf", "matches alternatives \(Self.list(matches.map(String.init), conjunction: "and")); exactly one must match",
          .combinator)
      }
      return false
    case .not(let target):
      var none: Annotations? = nil
      push("not")
      let matched = quietly { $0.evaluate(target, instance, &none) }
      pop()
      if !matched { return true }
      fail(node, "not", "must not match the schema in 'not'", .combinator)
      return false
    case .conditional(let condition, let then, let otherwise):
      // A lone `if` only matters for the annotations it produces.
      if then == nil && otherwise == nil && !out.isCollecting { return true }
      var conditionAnnotations: Annotations? = !out.isCollecting ? nil : Annotations()
      push("if")
      let matched = quietly { $0.evaluate(condition, instance, &conditionAnnotations) }
      pop()
      if matched { out.absorb(conditionAnnotations) }
      guard let target = matched ? then : otherwise else { return true }
      let keyword = matched ? "then" : "else"
      let mark = errors.count
      push(keyword)
      let ok = evaluate(target, instance, &out)
      pop()
      if ok { return true }
      insertFailure(
        at: mark, node, keyword,
        matched ? "does not match the 'then' schema, which applies because 'if' matched"
          : "does not match the 'else' schema, which applies because 'if' did not match")
      return false

    case .ref(let target):
      push("$ref")
      let ok = evaluate(target, instance, &out)
      pop()
      return ok
    case .dynamicRef(let staticTarget, let anchorIndex):
      var target = staticTarget
      if let anchorIndex {
        let anchor = program.tables.strings[anchorIndex]
        // The outermost resource in the dynamic scope that declares the anchor wins.
        for resource in scope {
          if let bound = program.resources[resource].dynamicAnchors[anchor] {
            target = bound
            break
          }
        }
      }
      push("$dynamicRef")
      let ok = evaluate(target, instance, &out)
      pop()
      return ok
    }
  }

  /// Records a combinator's own error ahead of the branch errors that explain it.
  private mutating func insertFailure(at mark: Int, _ node: Node, _ keyword: String, _ message: String) {
    guard wantErrors else { return }
    fail(node, keyword, message, .combinator)
    if mark < errors.count - 1 { errors.insert(errors.removeLast(), at: mark) }
  }

  // MARK: Objects

  private mutating func evaluateProperties(
    _ group: PropertiesKeyword, _ node: Node, _ object: JSONObject, _ out: inout Annotations?
  ) -> Bool {
    var valid = true
    // Children apply to other instance locations, so nothing observes their annotations.
    var none: Annotations? = nil
    for (name, value) in object {
      var matched = false
      if let i = group.declaredIndex(of: name) {
        matched = true
        push("properties")
        push(name)
        pushInstance(name)
        let ok = evaluate(group.nodes[i], value, &none)
        popInstance()
        pop()
        pop()
        if !ok {
          valid = false
          if !wantErrors { return false }
        }
      }
      for (pattern, target) in group.patterns {
        var budget = regexBudget
        let outcome = pattern.match(name, budget: &budget)
        regexBudget = budget
        switch outcome {
        case .matched: break
        case .failed: continue
        case .tooCostly:
          // Neither matched nor not: the property cannot be checked, so it is not valid.
          valid = false
          if !wantErrors { return false }
          let message = tooCostly(pattern.source)
          fail(node, "patternProperties", message, .patternTooCostly(pattern: pattern.source), instanceToken: name)
          matched = true
          continue
        }
        matched = true
        push("patternProperties")
        push(pattern.source)
        pushInstance(name)
        let ok = evaluate(target, value, &none)
        popInstance()
        pop()
        pop()
        if !ok {
          valid = false
          if !wantErrors { return false }
        }
      }
      if matched {
        if out.isCollecting { out?.properties.insert(ExactString(name)) }
        continue
      }
      guard let additional = group.additional else { continue }
      if case .alwaysInvalid = program.nodes[additional].kind {
        valid = false
        if !wantErrors { return false }
        fail(node, "additionalProperties", "unknown property '\(name)'",
          .unexpectedProperty(name: name, allowed: node.declaredProperties), instanceToken: name)
        continue
      }
      push("additionalProperties")
      pushInstance(name)
      let ok = evaluate(additional, value, &none)
      popInstance()
      pop()
      if !ok {
        valid = false
        if !wantErrors { return false }
      }
    }
    if group.additional != nil { out?.allProperties = true }
    return valid
  }


  // MARK: Arrays

  private mutating func evaluateItems(_ prefix: [Int], _ rest: Int?, _ node: Node, _ array: [JSONValue], _ out: inout Annotations?)
    -> Bool
  {
    var valid = true
    for (i, item) in array.enumerated() {
      let target: Int
      let keyword: String
      if i < prefix.count {
        target = prefix[i]
        keyword = "prefixItems"
      } else if let rest {
        target = rest
        keyword = "items"
      } else {
        break
      }
      if case .alwaysInvalid = program.nodes[target].kind {
        valid = false
        if !wantErrors { return false }
        fail(node, keyword, "unexpected item at index \(i) (at most \(prefix.count) allowed)", .falseSchema, instanceToken: String(i))
        continue
      }
      push(keyword)
      if keyword == "prefixItems" { push(String(i)) }
      pushInstance(String(i))
      var none: Annotations? = nil
      let ok = evaluate(target, item, &none)
      popInstance()
      if keyword == "prefixItems" { pop() }
      pop()
      if !ok {
        valid = false
        if !wantErrors { return false }
      }
    }
    if rest != nil {
      out?.allItems = true
    } else {
      let evaluated = min(prefix.count, array.count)
      if let current = out?.itemPrefix, current < evaluated { out?.itemPrefix = evaluated }
    }
    return valid
  }

  private mutating func evaluateContains(
    _ target: Int, _ minimum: Int, _ maximum: Int?, _ node: Node, _ array: [JSONValue], _ out: inout Annotations?
  ) -> Bool {
    var count = 0
    var matched: [Int] = []
    for (i, item) in array.enumerated() {
      var none: Annotations? = nil
      if quietly({ $0.evaluate(target, item, &none) }) {
        count += 1
        if out.isCollecting { matched.append(i) }
        if !out.isCollecting && maximum == nil && count >= minimum { break }
        if let maximum, count > maximum, !wantErrors { return false }
      }
    }
    if out.isCollecting {
      if count == array.count { out?.allItems = true } else { out?.items.formUnion(matched) }
    }
    if count < minimum {
      let keyword = minimum == 1 && count == 0 ? "contains" : "minContains"
      fail(node, keyword, "must contain at least \(minimum) matching \(minimum == 1 ? "item" : "items"), found \(count)", .combinator)
      return false
    }
    if let maximum, count > maximum {
      fail(node, "maxContains", "must contain at most \(maximum) matching \(maximum == 1 ? "item" : "items"), found \(count)",
        .combinator)
      return false
    }
    return true
  }

  // MARK: unevaluated*

  private mutating func evaluateUnevaluated(_ node: Node, _ instance: JSONValue, _ annotations: inout Annotations?) -> Bool {
    let seen = annotations ?? Annotations()
    var valid = true
    if let target = node.unevaluatedProperties, case .object(let o) = instance {
      let rejectsAll: Bool
      if case .alwaysInvalid = program.nodes[target].kind { rejectsAll = true } else { rejectsAll = false }
      for (name, value) in o where !seen.evaluated(property: name) {
        if rejectsAll {
          valid = false
          if !wantErrors { return false }
          fail(node, "unevaluatedProperties", "unknown property '\(name)'",
            .unexpectedProperty(name: name, allowed: node.declaredProperties), instanceToken: name)
          continue
        }
        push("unevaluatedProperties")
        pushInstance(name)
        var none: Annotations? = nil
        let ok = evaluate(target, value, &none)
        popInstance()
        pop()
        if !ok {
          valid = false
          if !wantErrors { return false }
        }
      }
      annotations?.allProperties = true
    }
    if let target = node.unevaluatedItems, case .array(let a) = instance {
      for (i, item) in a.enumerated() where !seen.evaluated(item: i) {
        if case .alwaysInvalid = program.nodes[target].kind {
          valid = false
          if !wantErrors { return false }
          fail(node, "unevaluatedItems", "unexpected item at index \(i)", .falseSchema, instanceToken: String(i))
          continue
        }
        push("unevaluatedItems")
        pushInstance(String(i))
        var none: Annotations? = nil
        let ok = evaluate(target, item, &none)
        popInstance()
        pop()
        if !ok {
          valid = false
          if !wantErrors { return false }
        }
      }
      annotations?.allItems = true
    }
    return valid
  }

  // MARK: Helpers

  /// The message for a pattern that ran out of backtracking steps.
  private func tooCostly(_ source: String) -> String {
    let steps =
      regexBudget > 0
      ? "over \(Self.grouped(ECMARegex.stepBudget)) backtracking steps"
      : "over \(Self.grouped(Self.regexBudget)) backtracking steps for this document"
    return "the pattern \(source) is too costly to evaluate on this value (\(steps)); simplify the pattern"
  }

  static func isMultiple(_ n: Double, of m: Double) -> Bool {
    let q = n / m
    if q.isFinite { return q.rounded(.towardZero) == q }
    // The quotient overflowed: every integer is a multiple of m when 1/m is an integer.
    let reciprocal = 1 / m
    return n.rounded(.towardZero) == n && reciprocal.isFinite && reciprocal.rounded(.towardZero) == reciprocal
  }

  static func firstDuplicate(_ a: [JSONValue]) -> (Int, Int)? {
    if a.count < 2 { return nil }
    if a.count <= 16 {
      for j in 1..<a.count {
        for i in 0..<j where JSONEquality.equal(a[i], a[j]) { return (i, j) }
      }
      return nil
    }
    // Bucketed by a hash of the code points (``JSONEquality/hash(_:)``): Swift's own String
    // hashing is by canonical equivalence, which put every spelling of `é` in one bucket and
    // made the scan quadratic. Buckets confirm with code-point equality.
    var seen: [Int: [Int]] = [:]
    seen.reserveCapacity(a.count)
    for (j, v) in a.enumerated() {
      let h = JSONEquality.hash(v)
      for i in seen[h, default: []] where JSONEquality.equal(a[i], v) { return (i, j) }
      seen[h, default: []].append(j)
    }
    return nil
  }

  /// `100000` → `100,000`.
  static func grouped(_ n: Int) -> String {
    var digits = String(n.magnitude)
    var out = ""
    while digits.count > 3 {
      out = "," + digits.suffix(3) + out
      digits.removeLast(3)
    }
    return (n < 0 ? "-" : "") + digits + out
  }

  static func display(_ value: JSONValue) -> String {
    if case .string(let s) = value { return s }
    return value.description
  }

  static func number(_ n: Double) -> String { JSONValue.number(n).description }

  static func list(_ items: [String], conjunction: String) -> String {
    switch items.count {
    case 0: return ""
    case 1: return items[0]
    default: return items.dropLast().joined(separator: ", ") + " \(conjunction) " + (items.last ?? "")
    }
  }
}
