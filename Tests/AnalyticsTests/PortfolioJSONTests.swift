import Analytics
import Foundation
import Testing

/// The reference documents the format tests read.
enum FormatTestFixtures {
  static func data(_ name: String) throws -> Data {
    let url = try #require(
      Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))
    return try Data(contentsOf: url)
  }

  static func workedExamples() throws -> PortfolioDocument {
    try PortfolioJSON.decode(try data("worked-examples.json"), source: "worked-examples.json")
  }
}

@Suite("Portfolio JSON")
struct PortfolioJSONTests {
  @Test("reads the worked examples with every field")
  func readsFixture() throws {
    let document = try FormatTestFixtures.workedExamples()
    #expect(document.scheme == nil)
    #expect(
      document.projects.map(\.id) == [
        "chantier-insertion-lyon", "pension-de-famille-lille", "bus-sante-mobile-93",
        "colis-alimentaires-13",
      ])
    let lyon = document.projects[0]
    #expect(lyon.name == "Chantier d'insertion – Lyon 8e")
    #expect(lyon.territory == "Auvergne-Rhône-Alpes")
    #expect(lyon.status == .funded)
    #expect(lyon.amount == 300_000)
    #expect(lyon.evidenceLevel == 3)
    #expect(lyon.risks["drop_off"] == 2)
    #expect(lyon.risks.count == 8)
    #expect(lyon.ratings.count == 7)
    #expect(lyon.ratings[2] == Rating(criterion: "who", rater: "bruno", value: 4))
    #expect(
      lyon.outcomes == [
        Outcome(
          id: "emploi-durable", domain: "employment", share: 1,
          indicator: "Sorties vers l'emploi durable", unit: "%",
          direction: .higherIsBetter, baseline: 10, threshold: 68, target: 50, actual: 45,
          reach: 400, durationYears: 3,
          dropOff: 0.2, deadweight: 0.25, attribution: 0.1, displacement: 0, financialProxy: 1000)
      ])
    let lille = document.projects[1]
    #expect(lille.outcomes[0].survey == Survey(veryMuch: 0.55, slightly: 0.30))
    #expect(lille.outcomes[0].direction == nil)
    #expect(lille.outcomes[1].direction == .lowerIsBetter)
    #expect(document.projects[2].evidenceLevel == nil)
    #expect(document.projects[3].risks.isEmpty)
    #expect(document.projects[3].outcomes[1].harmful)
    #expect(document.projects[3].outcomes[1].nature == .solution)
  }

  @Test("the worked examples survive a round trip unchanged")
  func fixtureRoundTrip() throws {
    let document = try FormatTestFixtures.workedExamples()
    let encoded = PortfolioJSON.encode(document)
    let decoded = try PortfolioJSON.decode(encoded)
    #expect(decoded == document)
    #expect(PortfolioJSON.encode(decoded) == encoded)
  }
}
