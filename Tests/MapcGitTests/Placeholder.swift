import Testing
@Test func gitPlaceholder() {}
