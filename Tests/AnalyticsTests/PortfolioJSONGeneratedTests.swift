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
      #expect(fromCSV == projects)
    }
  }
}
