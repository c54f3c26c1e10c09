import MapcJSON
import Testing

@Suite struct JSONParserTests {
  @Test func parsesAllValueKinds() throws {
    let v = try JSONParser.parse(#"{"a": [1, 2.5, -3e2, true, false, null, "x\u00e9\ud83d\ude00\n"], "b": {}}"#)
    #expect(v["a"] == .array([.number(1), .number(2.5), .number(-300), .bool(true), .bool(false), .null, .string("xé😀\n")]))
    #expect(v["b"] == .object(JSONObject()))
  }

  @Test func keepsMemberOrderButComparesWithoutIt() throws {
    let a = try JSONParser.parse(#"{"z": 1, "a": 2}"#)
    let b = try JSONParser.parse(#"{"a": 2, "z": 1}"#)
    #expect(a == b)
    #expect(a.hashValue == b.hashValue)
    #expect(a.objectValue?.memberNames == ["z", "a"])
    #expect(JSONWriter.compact.string(a) == #"{"z":1,"a":2}"#)
  }

  @Test(arguments: [
    ("{", "1:2"), ("[1,]", "1:4"), ("\"abc", "1:5"), ("{\"a\" 1}", "1:6"), ("01", "1:2"), ("[1]\n x", "2:2"), ("\"\u{01}\"", "1:2"),
  ])
  func reportsErrorsWithPosition(text: String, position: String) {
    do {
      _ = try JSONParser.parse(text)
      Issue.record("parsed invalid JSON \(text)")
    } catch {
      #expect("\(error.line):\(error.column)" == position, "\(error)")
    }
  }

  @Test func refusesHostileNesting() {
    #expect(throws: JSONParser.Error.self) { try JSONParser.parse(String(repeating: "[", count: 100_000)) }
  }

  @Test func integersAndFloatsCompareAsNumbers() throws {
    #expect(try JSONParser.parse("1.0") == JSONParser.parse("1"))
    #expect(try JSONParser.parse("1.0").isInteger)
    #expect(try !JSONParser.parse("1.5").isInteger)
  }
}

@Suite struct JSONPointerTests {
  @Test func escapesAndResolves() throws {
    let doc = try JSONParser.parse(#"{"a/b": {"~c": [10, 20]}}"#)
    let p = JSONPointer(["a/b", "~c", "1"])
    #expect(p.description == "/a~1b/~0c/1")
    #expect(JSONPointer(parsing: "/a~1b/~0c/1") == p)
    #expect(doc.value(at: p) == .number(20))
    #expect(doc.value(at: JSONPointer(["a/b", "~c", "01"])) == nil)
    #expect(JSONPointer(parsing: "no-slash") == nil)
  }
}

@Suite struct JSONWriterTests {
  @Test func writesDeterministicPrettyJSON() {
    let v = JSONValue.object(JSONObject([("b", .array([.number(1), .string("\"q\"\t")])), ("a", .null)]))
    #expect(JSONWriter.pretty.string(v) == "{\n  \"b\": [\n    1,\n    \"\\\"q\\\"\\t\"\n  ],\n  \"a\": null\n}")
    #expect(JSONWriter.format(0.1) == "0.1")
    #expect(JSONWriter.format(-3) == "-3")
  }
}
