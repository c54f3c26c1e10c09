import Testing

@Test func placeholderMapcLintTests() {}
