import Analytics
import Foundation
import SyntheticData
import Testing

@Suite("Generated portfolios through the formats")
struct PortfolioJSONGeneratedTests {
  @Test(
    "generated portfolios are valid and survive JSON and CSV round trips",
    arguments: [1, 2, 3] as [UInt64])
  func roundTrips(_ seed: UInt64) throws {
    let projects = SyntheticPortfolio.generate(projects: 300, seed: seed)
    let issues = Validator(scheme: .impactV1).validate(projects)
    #expect(issues == [])

    let document = PortfolioDocument(projects: projects)
    let json = PortfolioJSON.encode(document)
    let fromJSON = try PortfolioJSON.decode(json)
    #expect(fromJSON == document)
    #expect(PortfolioJSON.encode(fromJSON) == json)

    for separator in [",", ";"] as [Character] {
      let tables = PortfolioCSV.encode(projects, separator: separator)
      let fromCSV = try PortfolioCSV.decode(
        projects: Data(tables.projects.utf8), outcomes: Data(tables.outcomes.utf8),
        ratings: Data(tables.ratings.utf8))
      // CSV keeps 15 significant digits (no binary noise): the generated values, drawn at full
      // precision, come back within that, and a second round trip is exact.
      #expect(fromCSV.map(\.id) == projects.map(\.id))
      for (read, generated) in zip(fromCSV, projects) {
        #expect(abs(read.amount - generated.amount) <= abs(generated.amount) * 1e-14)
        #expect(read.outcomes.map(\.id) == generated.outcomes.map(\.id))
        for (outcome, original) in zip(read.outcomes, generated.outcomes) {
          #expect(abs((outcome.deadweight ?? 0) - (original.deadweight ?? 0)) <= 1e-14)
          #expect(abs((outcome.actual ?? 0) - (original.actual ?? 0)) <= abs(original.actual ?? 0) * 1e-14)
        }
        #expect(read.ratings == generated.ratings)
      }
      #expect(PortfolioCSV.encode(fromCSV, separator: separator) == tables)
    }
  }
}
