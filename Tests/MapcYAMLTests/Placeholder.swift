import Testing

@Test func placeholderMapcYAMLTests() {}
