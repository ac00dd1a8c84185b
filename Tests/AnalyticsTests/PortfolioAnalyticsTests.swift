import Analytics
import Testing

@Suite("Portfolio analytics")
struct PortfolioAnalyticsTests {
  let scheme = Scheme.impactV1
  var analyzer: PortfolioAnalyzer { PortfolioAnalyzer(scheme: scheme) }

  /// A score with only what ranking and roll-ups read.
  func score(_ id: String, rankScore: Double, amount: Double = 1, domain: String = "health") -> ProjectScore {
    let scorer = ProjectScorer(scheme: scheme)
    var score = scorer.score(
      sampleProject(
        id: id, amount: amount,
        outcomes: [
          Outcome(id: "o1", domain: domain, share: 1, survey: Survey(veryMuch: 0.5, slightly: 0))
        ]))
    score.rankScore = rankScore
    score.composite = rankScore
    return score
  }

  @Test("ties share a rank: 1, 2, 2, 4, listed by id, with percentiles in the selection")
  func sharedRanks() {
    let scores = [
      score("d", rankScore: 10), score("c", rankScore: 20), score("b", rankScore: 20), score("a", rankScore: 30),
    ]
    let ranking = analyzer.ranking(of: scores)
    #expect(ranking.entries.map(\.projectID) == ["a", "b", "c", "d"])
    #expect(ranking.entries.map(\.rank) == [1, 2, 2, 4])
    #expect(ranking.entries.map(\.percentile) == [100, 100.0 / 3, 100.0 / 3, 0])
    let top = analyzer.ranking(of: scores, top: 2)
    #expect(top.entries.map(\.projectID) == ["a", "b"])
    #expect(top.selectionSize == 4)
  }

  @Test("a zero total amount weighs every project equally")
  func zeroAmount() {
    let scores = [
      score("a", rankScore: 10, amount: 0, domain: "health"), score("b", rankScore: 30, amount: 0, domain: "rights"),
    ]
    let summary = analyzer.summary(of: scores)
    #expect(summary.totalAmount == 0)
    #expect(isClose(summary.weightedComposite, 20))
    #expect(isClose(summary.exposure(to: "health"), 0.5))
    #expect(isClose(summary.impactWeightedExposure(to: "rights"), 0.75))
    #expect(summary.contributions.map(\.contribution) == [0.25, 0.75])
    #expect(isClose(summary.hhi, 0.5))
    #expect(isClose(summary.effectiveDomains, 2))
    #expect(summary.coveredDomains == ["health", "rights"])
    #expect(isClose(summary.coverage, 0.2))
    #expect(summary.gaps.count == 8)
  }

  @Test("an empty selection gives zero figures, no SROI and no crash")
  func emptySelection() {
    let summary = analyzer.summary(of: [ProjectScore]())
    #expect(summary.projects == 0 && summary.weightedComposite == 0 && summary.hhi == 0)
    #expect(summary.effectiveDomains == 0 && summary.sroi == nil && summary.socialValue == nil)
    #expect(summary.exposure.count == 10)
    #expect(analyzer.ranking(of: [ProjectScore]()).entries.isEmpty)
  }

  @Test("filters select by status, programme, territory and domain")
  func filters() {
    var funded = score("a", rankScore: 10, domain: "health")
    funded.status = .funded
    var pipeline = score("b", rankScore: 20, domain: "rights")
    pipeline.status = .pipeline
    pipeline.territory = "Corse"
    let scores = [funded, pipeline]
    #expect(analyzer.summary(of: scores, filter: ProjectFilter(statuses: [.funded])).projects == 1)
    #expect(analyzer.summary(of: scores, filter: ProjectFilter(territories: ["Corse"])).projects == 1)
    #expect(analyzer.summary(of: scores, filter: ProjectFilter(programmes: ["Insertion"])).projects == 2)
    let rights = analyzer.ranking(of: scores, filter: ProjectFilter(domains: ["rights"]))
    #expect(rights.entries.map(\.projectID) == ["b"])
    #expect(analyzer.summary(of: scores, filter: ProjectFilter(domains: ["education"])).projects == 0)
    #expect(ProjectFilter(domains: ["health"]).matches(funded))
  }

  @Test("a comparison lists the projects asked for with rank and percentile, and names missing ones")
  func comparison() throws {
    let scores = [score("a", rankScore: 10), score("b", rankScore: 30), score("c", rankScore: 20)]
    let comparison = try analyzer.comparison(of: ["c", "b"], in: scores)
    #expect(comparison.entries.map(\.score.projectID) == ["c", "b"])
    #expect(comparison.entries.map(\.rank) == [2, 1])
    #expect(comparison.entries.map(\.percentile) == [50, 100])
    #expect(throws: ComparisonError(missingProjectIDs: ["zz"])) {
      try analyzer.comparison(of: ["a", "zz"], in: scores)
    }
  }

  @Test("the coverage matrix counts outcomes and money by domain and depth class")
  func matrix() {
    let scores = [
      score("a", rankScore: 10, amount: 100, domain: "health"), score("b", rankScore: 0, amount: 50, domain: "health"),
    ]
    let summary = analyzer.summary(of: scores)
    let cell = summary.matrix.cell(domain: "health", depthClass: .significant)
    #expect(cell?.outcomes == 2)
    #expect(cell?.amount == 150)
    #expect(summary.matrix.cells.count == 1)
    #expect(isClose(summary.deepCoverage, 0.1))
  }
}
