import Testing

@Test func placeholderMapcJSONTests() {}
