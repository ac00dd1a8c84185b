import Testing

@testable import Analytics

@Suite("The largest contributions of a summary")
struct LargestContributionsTests {
  @Test("one pass keeps exactly the prefix of a full sort, ties by project id, for every limit")
  func sameAsSortedPrefix() {
    var generator = SystemRandomNumberGenerator()
    for round in 0..<50 {
      let count = Int.random(in: 0...300, using: &generator)
      // Few distinct values, so that ties are common.
      let contributions = (0..<count).map { index in
        ProjectContribution(
          projectID: "p\(Int.random(in: 0...999, using: &generator))-\(index)",
          contribution: Double(Int.random(in: 0...9, using: &generator)) / 10)
      }
      let sorted = contributions.sorted { $0.isLarger(than: $1) }
      for limit in [0, 1, 5, 20, count, count + 3] {
        #expect(
          ProjectContribution.largest(contributions, limit: limit) == Array(sorted.prefix(limit)),
          "round \(round), limit \(limit)")
      }
    }
  }
}
