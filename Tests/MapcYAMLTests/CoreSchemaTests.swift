import MapcJSON
import MapcYAML
import Testing

/// Loads `yaml` and returns the value of key `v`.
private func value(_ scalar: String) -> JSONValue? {
  YAMLLoader.load("v: \(scalar)\n").value?["v"]
}

@Suite struct CoreSchemaTests {
  @Test(arguments: [
    ("yes", JSONValue.string("yes")), ("no", .string("no")), ("on", .string("on")), ("off", .string("off")),
    ("y", .string("y")), ("n", .string("n")), ("Yes", .string("Yes")),
    ("true", .bool(true)), ("True", .bool(true)), ("TRUE", .bool(true)),
    ("false", .bool(false)), ("False", .bool(false)), ("FALSE", .bool(false)), ("tRUE", .string("tRUE")),
    ("~", .null), ("null", .null), ("Null", .null), ("NULL", .null), ("", .null), ("nULL", .string("nULL")),
    ("2026-12-18", .string("2026-12-18")), ("12:30", .string("12:30")), ("1_000", .string("1_000")),
    ("0x1F", .number(31)), ("0o17", .number(15)), ("0x", .string("0x")), ("0o8", .string("0o8")), ("-0x1F", .string("-0x1F")),
    ("42", .number(42)), ("-7", .number(-7)), ("+12", .number(12)), ("007", .number(7)),
    ("1e3", .number(1000)), ("1.5", .number(1.5)), ("-.5", .number(-0.5)), ("1.", .number(1)), ("2.5E-1", .number(0.25)),
    ("1e", .string("1e")), (".", .string(".")), ("+", .string("+")), ("1.2.3", .string("1.2.3")),
    (".inf", .number(.infinity)), ("-.Inf", .number(-.infinity)), ("+.INF", .number(.infinity)), (".infinity", .string(".infinity")),
    ("\"true\"", .string("true")), ("'42'", .string("42")), ("\"~\"", .string("~")),
    ("123456789012345678901234567890", .number(123456789012345678901234567890.0)),
    ("!!str 42", .string("42")), ("!!int \"0x10\"", .number(16)), ("!!float 3", .number(3)), ("!!bool TRUE", .bool(true)),
    ("!!null ''", .null), ("! 42", .string("42")), ("<<", .string("<<")),
  ])
  func resolution(_ scalar: String, _ expected: JSONValue) {
    #expect(value(scalar) == expected, "\(scalar)")
  }

  @Test func nanIsANumber() throws {
    let v = try #require(value(".NaN")?.numberValue)
    #expect(v.isNaN)
    #expect(value("-.nan") == .string("-.nan"))
  }

  @Test func blockScalarsAreStrings() {
    let result = YAMLLoader.load("a: |\n  12\nb: >\n  true\n")
    #expect(result.value == .object(JSONObject([("a", .string("12\n")), ("b", .string("true\n"))])))
  }

  @Test func keysAreTheScalarText() {
    let result = YAMLLoader.load("1: x\nnull: y\ntrue: z\n<<: w\n0x1F: v\n")
    #expect(result.value?.objectValue?.memberNames == ["1", "null", "true", "<<", "0x1F"])
    #expect(result.diagnostics.isEmpty)
  }

  @Test func emptyAndCommentOnlyTextIsNull() {
    #expect(YAMLLoader.load("").value == .null)
    #expect(YAMLLoader.load("# just a comment\n\n# another\n").value == .null)
    #expect(YAMLLoader.load("  \n").diagnostics.isEmpty)
  }

  @Test func badlyTaggedValuesAreDiagnosed() throws {
    let result = YAMLLoader.load("a: 1\nb: !!int abc\n", firstLine: 2)
    #expect(result.value == nil)
    let d = try #require(result.diagnostics.first)
    #expect(d.kind == .unsupportedTag)
    #expect(d.position == SourcePosition(line: 3, column: 4))
  }

  @Test(arguments: ["!!binary aGVsbG8=", "!custom x", "!!timestamp 2026-01-01", "!!set {a}", "!!map [1]"])
  func unknownTagsAreUnsupported(_ scalar: String) throws {
    let result = YAMLLoader.load("v: \(scalar)\n")
    #expect(result.value == nil)
    #expect(result.diagnostics.map(\.kind) == [.unsupportedTag])
    #expect(result.diagnostics.first?.position == SourcePosition(line: 1, column: 4))
  }

  @Test func orderIsKept() {
    let result = YAMLLoader.load("z: 1\na: [x, {q: 2, b: 3}]\nm: \"s\"\n")
    #expect(result.value?.description == #"{"z":1,"a":["x",{"q":2,"b":3}],"m":"s"}"#)
  }
}
