import Testing
@Test func historyPlaceholder() {}
