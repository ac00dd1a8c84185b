import Analytics
import SyntheticData
import Testing

/// An incrementally updated portfolio gives the figures of a full recompute, and a score's
/// rebuilt breakdown matches one given explicitly.
@Suite("Portfolio index and score breakdown")
struct PortfolioIndexTests {
  let scheme = Scheme.impactV1
  var scorer: ProjectScorer { ProjectScorer(scheme: scheme) }
  var analyzer: PortfolioAnalyzer { PortfolioAnalyzer(scheme: scheme) }

  func expectSameSummary(_ actual: PortfolioSummary, _ expected: PortfolioSummary, _ context: String) {
    #expect(actual.projects == expected.projects, "\(context)")
    for (name, lhs, rhs) in [
      ("total_amount", actual.totalAmount, expected.totalAmount),
      ("weighted_composite", actual.weightedComposite, expected.weightedComposite),
      ("weighted_quantitative", actual.weightedQuantitative, expected.weightedQuantitative),
      ("weighted_qualitative", actual.weightedQualitative, expected.weightedQualitative),
      ("weighted_depth", actual.weightedDepth, expected.weightedDepth), ("hhi", actual.hhi, expected.hhi),
      ("effective_domains", actual.effectiveDomains, expected.effectiveDomains),
      ("coverage", actual.coverage, expected.coverage), ("deep_coverage", actual.deepCoverage, expected.deepCoverage),
      ("social_value", actual.socialValue ?? -1, expected.socialValue ?? -1),
      ("sroi", actual.sroi ?? -1, expected.sroi ?? -1),
    ] {
      #expect(isClose(lhs, rhs), "\(context) \(name): \(lhs) != \(rhs)")
    }
    for (lhs, rhs) in zip(
      actual.exposure + actual.impactWeightedExposure, expected.exposure + expected.impactWeightedExposure)
    {
      #expect(lhs.domain == rhs.domain && isClose(lhs.value, rhs.value), "\(context) \(lhs.domain)")
    }
    #expect(actual.coveredDomains == expected.coveredDomains && actual.gaps == expected.gaps, "\(context)")
    #expect(actual.matrix.cells.count == expected.matrix.cells.count, "\(context)")
    for (lhs, rhs) in zip(actual.matrix.cells, expected.matrix.cells) {
      #expect(lhs.outcomes == rhs.outcomes && isClose(lhs.amount, rhs.amount), "\(context) matrix \(lhs.domain)")
    }
    #expect(actual.contributions.map(\.projectID) == expected.contributions.map(\.projectID), "\(context)")
    for (lhs, rhs) in zip(actual.contributions, expected.contributions) {
      #expect(isClose(lhs.contribution, rhs.contribution), "\(context) contribution \(lhs.projectID)")
    }
  }

  @Test("an index updated change by change equals a full recompute within 1e-9", arguments: [UInt64(3), 11, 99])
  func incrementalEqualsFull(seed: UInt64) {
    var projects = SyntheticPortfolio.generate(projects: 400, seed: seed)
    var index = PortfolioIndex(scheme: scheme, scores: scorer.score(projects))
    var random = SplitMix64(seed: seed ^ 0x5EED)
    var next = projects.count
    for step in 0..<600 {
      switch random.integer(0...9) {
      case 0 where projects.count > 1:
        let position = random.integer(0...(projects.count - 1))
        projects.remove(at: position)
        index.remove(at: position)
      case 1:
        let position = random.integer(0...projects.count)
        let project = SyntheticPortfolio.project(number: next, random: &random)
        next += 1
        projects.insert(project, at: position)
        index.insert(scorer.score(project), at: position)
      default:
        let position = random.integer(0...(projects.count - 1))
        var project = projects[position]
        project.amount = random.chance(0.1) ? 0 : random.uniform(0...2_000_000)
        project.record(Rating(criterion: "what", rater: "amel", value: Double(random.integer(0...4))))
        if random.chance(0.2) { project.outcomes[0].harmful.toggle() }
        projects[position] = project
        index.replace(at: position, with: scorer.score(project))
      }
      if step % 50 == 49 {
        expectSameSummary(index.summary(), analyzer.summary(of: scorer.score(projects)), "seed \(seed) step \(step)")
      }
    }
    #expect(index.scores == scorer.score(projects))
  }

  @Test("removing every amount and every rank score leaves exact zeros, not rounding residue")
  func emptiedSums() {
    let projects = SyntheticPortfolio.generate(projects: 50, seed: 5)
    var index = PortfolioIndex(scheme: scheme, scores: scorer.score(projects))
    var zeroed = projects
    for position in zeroed.indices {
      zeroed[position].amount = 0
      zeroed[position].outcomes[0].harmful = true
      index.replace(at: position, with: scorer.score(zeroed[position]))
    }
    let summary = index.summary()
    #expect(summary.totalAmount == 0 && summary.weightedComposite == 0)
    #expect(summary.contributions.allSatisfy { $0.contribution == 0 })
    expectSameSummary(summary, analyzer.summary(of: scorer.score(zeroed)), "zeroed")
    while index.count > 0 { index.remove(at: 0) }
    #expect(index.summary() == analyzer.summary(of: [ProjectScore]()))
  }

  @Test("a score's rebuilt breakdown equals the same breakdown stored explicitly")
  func rebuiltBreakdown() {
    for score in scorer.score(SyntheticPortfolio.generate(projects: 100, seed: 8)) {
      var stored = score
      stored.outcomes = score.outcomes
      stored.criteria = score.criteria
      #expect(stored == score && stored.hashValue == score.hashValue)
      #expect(score.criteria.map(\.ratingCount).reduce(0, +) > 0)
      var changed = score
      changed.outcomes[0].share += 1
      #expect(changed != score)
    }
  }
}
