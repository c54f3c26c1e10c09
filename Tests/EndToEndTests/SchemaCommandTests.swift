import Foundation
import MapcTestSupport
import MapcWorkspace
import Testing

/// `mapc schema`: the carried schemas, byte for byte the files in Schemas/.
@Suite struct SchemaCommandTests {
  @Test func printsTheCarriedSchemasByteForByte() throws {
    for (arguments, file) in [(["schema"], "Schemas/map.schema.json"), (["schema", "plan"], "Schemas/map.schema.json"),
      (["schema", "config"], "Schemas/config.schema.json"), (["schema", "template"], "Schemas/map-template.schema.json")]
    {
      let run = try TestSupport.mapc(arguments)
      #expect(run.status == 0, "\(run.stderr)")
      #expect(run.stdout == (try TestSupport.read(file)), "mapc \(arguments.joined(separator: " ")) differs from \(file)")
    }
  }

  @Test func anUnknownSchemaIsAUsageError() throws {
    let run = try TestSupport.mapc(["schema", "report"])
    #expect(run.status == 2)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.contains("Please provide one of 'plan', 'config' or 'template'."), "\(run.stderr)")
  }

  /// What the scaffolded mapc.yml tells the user to run writes the file it points editors at.
  @Test func theModelineCommandWritesTheSchemaInitWrote() throws {
    let line = try #require(Scaffold.configuration.split(separator: "\n").first { $0.contains("mapc schema config >") })
    let words = line.split(separator: " ").map(String.init)
    let index = try #require(words.firstIndex(of: "schema"))
    #expect(Array(words[(index + 1)...]) == ["config", ">", Scaffold.configurationSchemaPath])
    let run = try TestSupport.mapc(["schema", "config"])
    #expect(run.stdout == (try #require(Scaffold.files.first { $0.path == Scaffold.configurationSchemaPath }).contents))
  }
}
