// Parses every plan's frontmatter first, then times validation against the carried plan
// schema alone, on one thread (the Python peer is single-threaded too). Prints JSON.
import Foundation
import JSONSchema
import MapcJSON
import MapcLint
import MapcModel
import MapcYAML

guard CommandLine.arguments.count == 2 else {
  FileHandle.standardError.write(Data("usage: validation-bench CORPUS_DIR\n".utf8))
  exit(2)
}
let root = CommandLine.arguments[1]
var documents: [JSONValue] = []
for rel in Paths.filesBelow(root) where rel.hasSuffix(".map.md") {
  guard let source = PlanReader.read(path: Paths.join(root, rel)).source else { continue }
  if let value = YAMLLoader.load(source.frontmatter, firstLine: source.frontmatterFirstLine).value {
    documents.append(value)
  }
}
let catalog = try SchemaCatalog()
let clock = ContinuousClock()
var errors = 0
var best = Duration.seconds(1_000_000)
for _ in 0..<3 {
  var count = 0
  let elapsed = clock.measure {
    for d in documents where !catalog.plan.isValid(d) {
      count += catalog.plan.validate(d).errors.count
    }
  }
  errors = count
  best = min(best, elapsed)
}
let seconds = Double(best.components.seconds) + Double(best.components.attoseconds) / 1e18
print(#"{"documents": \#(documents.count), "errors": \#(errors), "seconds": \#(seconds)}"#)
