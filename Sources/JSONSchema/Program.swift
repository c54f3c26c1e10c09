/// The immutable compiled form of a schema, shared by every copy of a ``Schema``.
final class Program: Sendable {
  let nodes: [Node]
  let resources: [Resource]
  let root: Int
  let usesDynamicRef: Bool
  let tables: KeywordTables

  init(nodes: [Node], resources: [Resource], root: Int, usesDynamicRef: Bool, tables: KeywordTables) {
    self.tables = tables
    self.nodes = nodes
    self.resources = resources
    self.root = root
    self.usesDynamicRef = usesDynamicRef
  }
}
