import Analytics
import SyntheticData
import Testing

/// Invariants of the method over generated portfolios and random mutations of them.
@Suite("Properties over generated portfolios")
struct PropertyTests {
  static let seeds: [UInt64] = [1, 7, 2024]
  static let size = 250
  let scheme = Scheme.impactV1
  var scorer: ProjectScorer { ProjectScorer(scheme: scheme) }
  var analyzer: PortfolioAnalyzer { PortfolioAnalyzer(scheme: scheme) }

  @Test("generated portfolios are deterministic, valid and varied", arguments: seeds)
  func generated(seed: UInt64) {
    let projects = SyntheticPortfolio.generate(projects: Self.size, seed: seed)
    #expect(projects == SyntheticPortfolio.generate(projects: Self.size, seed: seed))
    #expect(projects != SyntheticPortfolio.generate(projects: Self.size, seed: seed + 1))
    #expect(Validator(scheme: scheme).validate(projects).isEmpty)
    let outcomes = projects.flatMap(\.outcomes)
    #expect(Set(outcomes.map(\.domain)).count == 10)
    #expect(Set(projects.map(\.status)).count == ProjectStatus.allCases.count)
    #expect(outcomes.contains { $0.survey != nil } && outcomes.contains(where: \.harmful))
    #expect(projects.allSatisfy { (1...4).contains($0.outcomes.count) })
    for project in projects {
      for criterion in scheme.criteria {
        #expect((1...3).contains(project.ratings.count { $0.criterion == criterion.id }))
      }
    }
  }

  @Test("scoring on several lanes gives each project the score it gets alone", arguments: [1, 2, 3, 8])
  func lanes(lanes: Int) {
    // Large enough for several lanes (a lane takes at least 4 096 projects).
    let projects = SyntheticPortfolio.generate(projects: 3 * 4096 + 17, seed: 11)
    let scores = scorer.score(projects, lanes: lanes)
    #expect(scores.count == projects.count)
    #expect(scores.map(\.projectID) == projects.map(\.id))
    #expect(scores == projects.map(scorer.score))
  }

  @Test("every score and figure stays in its range", arguments: seeds)
  func ranges(seed: UInt64) {
    let scores = scorer.score(SyntheticPortfolio.generate(projects: Self.size, seed: seed))
    for score in scores {
      for value in [score.quantitative, score.qualitative, score.composite, score.rankScore] {
        #expect((0...100).contains(value), "\(score.projectID)")
      }
      #expect((0...4).contains(score.depth) && (0...1).contains(score.completeness))
      #expect((0...1).contains(score.confidence))
      for outcome in score.outcomes {
        for dimension in [outcome.scale, outcome.depth, outcome.duration, outcome.contribution] {
          #expect((0...4).contains(dimension ?? 0), "\(score.projectID).\(outcome.id)")
        }
        #expect((0...100).contains(outcome.quantitative) && (0...1).contains(outcome.completeness))
      }
      #expect(score.insufficientData == (score.completeness < 0.6))
    }
    let summary = analyzer.summary(of: scores)
    #expect((0...1).contains(summary.coverage) && (0...1).contains(summary.deepCoverage))
    #expect(isClose(summary.exposure.map(\.value).reduce(0, +), 1, absolute: 1e-9))
    #expect(isClose(summary.impactWeightedExposure.map(\.value).reduce(0, +), 1, absolute: 1e-9))
    #expect(isClose(summary.contributions.map(\.contribution).reduce(0, +), 1, absolute: 1e-9))
    #expect(summary.matrix.cells.map(\.outcomes).reduce(0, +) == scores.map(\.outcomes.count).reduce(0, +))

    let harmOnly = analyzer.summary(of: scores.filter { $0.impactClass == .harm })
    let total = harmOnly.contributions.map(\.contribution).reduce(0, +)
    #expect(total == 0)
  }

  @Test("a harmful outcome always gives rank score 0", arguments: seeds)
  func harmGate(seed: UInt64) {
    var random = SplitMix64(seed: seed)
    for var project in SyntheticPortfolio.generate(projects: 100, seed: seed) {
      let position = random.integer(0...(project.outcomes.count - 1))
      project.outcomes[position].harmful = true
      let score = scorer.score(project)
      #expect(score.rankScore == 0 && score.impactClass == .harm)
    }
  }

  @Test("permuting outcomes, ratings or projects changes nothing", arguments: seeds)
  func permutations(seed: UInt64) {
    var random = SplitMix64(seed: seed ^ 0xABCD)
    let projects = SyntheticPortfolio.generate(projects: Self.size, seed: seed)
    let scores = scorer.score(projects)
    for (project, score) in zip(projects, scores) {
      var shuffled = project
      shuffled.outcomes.shuffle(using: &random)
      shuffled.ratings.shuffle(using: &random)
      let other = scorer.score(shuffled)
      expectSameFigures(score, other)
      #expect(other.criteria == score.criteria)
      for outcome in other.outcomes {
        #expect(score.outcomes.contains(outcome))
      }
    }
    let before = analyzer.summary(of: scores)
    let after = analyzer.summary(of: scores.shuffled(using: &random))
    for (name, old, new) in [
      ("weighted_composite", before.weightedComposite, after.weightedComposite), ("hhi", before.hhi, after.hhi),
      ("weighted_depth", before.weightedDepth, after.weightedDepth), ("sroi", before.sroi ?? 0, after.sroi ?? 0),
    ] {
      #expect(isClose(old, new), "\(name)")
    }
    for (old, new) in zip(
      before.exposure + before.impactWeightedExposure, after.exposure + after.impactWeightedExposure)
    {
      #expect(isClose(old.value, new.value, absolute: 1e-12))
    }
    #expect(before.coveredDomains == after.coveredDomains && before.matrix.cells.count == after.matrix.cells.count)
    #expect(
      analyzer.ranking(of: scores).entries.map(\.projectID)
        == analyzer.ranking(of: scores.shuffled(using: &random)).entries.map(\.projectID))
  }

  func expectSameFigures(_ lhs: ProjectScore, _ rhs: ProjectScore, sourceLocation: SourceLocation = #_sourceLocation) {
    for (old, new) in [
      (lhs.quantitative, rhs.quantitative), (lhs.qualitative, rhs.qualitative), (lhs.depth, rhs.depth),
      (lhs.composite, rhs.composite), (lhs.completeness, rhs.completeness), (lhs.rankScore, rhs.rankScore),
      (lhs.socialValue ?? 0, rhs.socialValue ?? 0),
    ] {
      #expect(isClose(old, new, absolute: 1e-12), "\(lhs.projectID)", sourceLocation: sourceLocation)
    }
    #expect(lhs.impactClass == rhs.impactClass, sourceLocation: sourceLocation)
  }

  @Test("more reach never lowers a score", arguments: seeds)
  func moreReach(seed: UInt64) {
    var random = SplitMix64(seed: seed)
    for project in SyntheticPortfolio.generate(projects: Self.size, seed: seed) {
      var larger = project
      for position in larger.outcomes.indices {
        larger.outcomes[position].reach = (larger.outcomes[position].reach ?? 0) + random.uniform(0...50_000)
      }
      let before = scorer.score(project)
      let after = scorer.score(larger)
      #expect(after.quantitative >= before.quantitative - 1e-12)
      #expect(after.composite >= before.composite - 1e-12)
      #expect(after.rankScore >= before.rankScore - 1e-12)
      #expect((after.socialValue ?? 0) >= (before.socialValue ?? 0) - 1e-9)
    }
  }

  @Test("a what-if with no change reports no difference", arguments: seeds)
  func emptyWhatIf(seed: UInt64) throws {
    let projects = SyntheticPortfolio.generate(projects: Self.size, seed: seed)
    let simulator = WhatIfSimulator(scheme: scheme)
    let result = try simulator.simulate([], on: projects)
    #expect(!result.hasDifferences)
    #expect(result.differences.allSatisfy { $0.delta == 0 })
    #expect(result.rankChanges.isEmpty)
    let identical = try simulator.simulate(projects.prefix(5).map { .replace($0) }, on: projects)
    #expect(!identical.hasDifferences)
    #expect(identical.rankChanges.count == 5 && identical.rankChanges.allSatisfy { $0.kind == .unchanged })
  }

  @Test("rescoring one changed project in a cache gives the figures of a full rescore", arguments: seeds)
  func incremental(seed: UInt64) {
    var projects = SyntheticPortfolio.generate(projects: Self.size, seed: seed)
    var cache = scorer.score(projects)
    var random = SplitMix64(seed: seed)
    for _ in 0..<20 {
      let position = random.integer(0...(projects.count - 1))
      projects[position].amount = random.uniform(0...1_000_000)
      projects[position].record(Rating(criterion: "who", rater: "amel", value: Double(random.integer(0...4))))
      cache[position] = scorer.score(projects[position])
    }
    #expect(cache == scorer.score(projects))
    #expect(analyzer.summary(of: cache) == analyzer.summary(of: scorer.score(projects)))
  }
}
