import Testing
@Test func daemonCorePlaceholder() { #expect(Bool(true)) }
