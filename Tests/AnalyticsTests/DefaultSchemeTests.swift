import Analytics
import Testing

@Suite("Default scheme")
struct DefaultSchemeTests {
  @Test("impact-v1 has ten strategic domains and four criteria whose weights sum to 1")
  func defaultScheme() {
    let scheme = Scheme.impactV1
    #expect(scheme.domains.count == 10)
    #expect(scheme.domains.allSatisfy { $0.strategic })
    #expect(abs(scheme.criteria.map(\.weight).reduce(0, +) - 1) < 1e-12)
  }
}
