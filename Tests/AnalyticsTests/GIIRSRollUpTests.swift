import Analytics
import Testing

/// The published GIIRS fund-rating example checks the capital weighting the portfolio uses.
@Suite("GIIRS roll-up")
struct GIIRSRollUpTests {
  static let ratings = [166, 128.5, 120.7, 84.8, 97.7, 124.1, 97.1, 121.2]
  static let capital: [Double] = [3, 7, 8, 4, 4, 8, 3, 3]

  @Test("the capital-weighted mean of the published ratings is 118.52")
  func weightedMean() throws {
    let mean = try #require(CapitalWeighting.weightedMean(of: Self.ratings, capital: Self.capital))
    #expect(isClose(mean, 118.52))
  }

  @Test("the portfolio's weighted composite rolls up the same way")
  func throughPortfolio() {
    let scores = zip(Self.ratings, Self.capital).enumerated().map { position, pair in
      ProjectScore(
        projectID: "fund-\(position)", schemeID: "giirs", status: .funded, programme: "", territory: "",
        amount: pair.1, outcomes: [], criteria: [], quantitative: pair.0, qualitative: pair.0, depth: 0,
        depthClass: .marginal, evidenceFactor: 1, meanRisk: 0, ratedRiskCount: 0, confidence: 1,
        composite: pair.0, completeness: 1, insufficientData: false, impactClass: .contributeToSolutions,
        rankScore: pair.0, socialValue: nil, sroi: nil)
    }
    let summary = PortfolioAnalyzer(scheme: .impactV1).summary(of: scores)
    #expect(isClose(summary.weightedComposite, 118.52))
    #expect(isClose(summary.weightedQuantitative, 118.52))
    #expect(summary.totalAmount == 40)
  }

  @Test("no capital gives equal weights; no value gives no mean")
  func edgeCases() {
    #expect(CapitalWeighting.weightedMean(of: [1, 2, 6], capital: [0, 0, 0]) == 3)
    #expect(CapitalWeighting.weightedMean(of: [], capital: []) == nil)
    #expect(CapitalWeighting.weightedMean(of: [1], capital: [1, 2]) == nil)
  }
}
