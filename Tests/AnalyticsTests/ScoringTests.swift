import Analytics
import Foundation
import Testing

/// Whether `actual` is within 1e-9 of `expected`, relatively, or 1e-12 absolutely near zero.
func isClose(_ actual: Double, _ expected: Double, relative: Double = 1e-9, absolute: Double = 1e-12) -> Bool {
  abs(actual - expected) <= max(absolute, relative * max(abs(actual), abs(expected)))
}

/// A small valid project built in code: one indicator outcome, every criterion rated once.
func sampleProject(
  id: String = "sample",
  amount: Double = 100_000,
  outcomes: [Outcome]? = nil,
  ratings: [Rating]? = nil,
  risks: [String: Int] = ["external": 1],
  evidenceLevel: Int? = 3
) -> Project {
  Project(
    id: id,
    name: "Sample \(id)",
    programme: "Insertion",
    territory: "Bretagne",
    status: .funded,
    amount: amount,
    evidenceLevel: evidenceLevel,
    risks: risks,
    ratings: ratings
      ?? ["what", "who", "participation", "systemic"].map { Rating(criterion: $0, rater: "amel", value: 3) },
    outcomes: outcomes ?? [
      Outcome(
        id: "o1", domain: "employment", share: 1, indicator: "jobs", unit: "%", direction: .higherIsBetter,
        baseline: 10, threshold: 50, target: 40, actual: 30, reach: 100, durationYears: 2, dropOff: 0.1,
        deadweight: 0.2, attribution: 0.1, financialProxy: 500)
    ]
  )
}

@Suite("Scoring")
struct ScoringTests {
  let scorer = ProjectScorer(scheme: .impactV1)

  @Test(
    "depth classes follow the [0,1) [1,2) [2,3) [3,4] bands",
    arguments: [
      (0.0, DepthClass.marginal), (0.99, .marginal), (1.0, .moderate), (1.999, .moderate), (2.0, .significant),
      (2.9, .significant), (3.0, .deep), (4.0, .deep), (-1.0, .marginal),
    ])
  func depthClasses(depth: Double, expected: DepthClass) {
    #expect(DepthClass(depth: depth) == expected)
  }

  @Test(
    "an even number of ratings gives the mean of the two middle values",
    arguments: [
      ([3.0, 1.0], 2.0), ([4.0, 1.0, 2.0, 3.0], 2.5), ([2.0], 2.0), ([0.0, 4.0, 4.0], 4.0),
      ([1.0, 1.0, 3.0, 4.0], 2.0),
    ])
  func medians(values: [Double], expected: Double) {
    let ratings = values.enumerated().map { Rating(criterion: "what", rater: "r\($0.offset)", value: $0.element) }
    let score = scorer.score(sampleProject(ratings: ratings))
    let what = score.criteria[0]
    #expect(what.criterion == "what")
    #expect(what.median == expected)
    #expect(what.ratingCount == values.count)
    #expect(Array(what.values) == values.sorted())
    #expect(what.spread == (values.max() ?? 0) - (values.min() ?? 0))
    #expect(score.criteria[1].median == nil)
    #expect(score.criteria[1].spread == nil)
    #expect(isClose(score.qualitative, 25 * 0.30 * expected))
    #expect(isClose(score.completeness, 0.5 * 1 + 0.5 * 0.30))
  }

  @Test("no ratings give a qualitative score of 0 and no crash")
  func noRatings() {
    let score = scorer.score(sampleProject(ratings: []))
    #expect(score.qualitative == 0)
    #expect(score.criteria.allSatisfy { $0.median == nil && $0.values.isEmpty })
  }

  @Test("a survey without an actual value gives the depth 4 · (very_much + 0.5 · slightly)")
  func surveyDepth() {
    let outcome = Outcome(id: "o1", domain: "health", survey: Survey(veryMuch: 0.4, slightly: 0.3))
    let score = scorer.score(sampleProject(outcomes: [outcome]))
    let scored = score.outcomes[0]
    #expect(isClose(scored.depth ?? -1, 4 * (0.4 + 0.15)))
    #expect(scored.gapClosed == nil)
    #expect(scored.scale == nil && scored.duration == nil && scored.contribution == nil)
    #expect(isClose(scored.completeness, 0.30))
    #expect(isClose(scored.quantitative, 25 * 0.30 * 2.2))
    #expect(scored.depthClass == .significant)
    #expect(scored.outcomeClass == .unclassified)
  }

  @Test("a lower-is-better indicator closes the gap as it falls")
  func lowerIsBetter() {
    let outcome = Outcome(
      id: "o1", domain: "health", direction: .lowerIsBetter, baseline: 6, threshold: 2, target: 3, actual: 3.5,
      deadweight: 0, attribution: 0)
    let scored = scorer.score(sampleProject(outcomes: [outcome])).outcomes[0]
    #expect(isClose(scored.gapClosed ?? -1, 0.625))
    #expect(isClose(scored.depth ?? -1, 2.5))
    #expect(isClose(scored.progressToTarget ?? -1, 2.5 / 3))
    #expect(scored.outcomeClass == .contributeToSolutions)
  }

  @Test("an indicator past its threshold with no contribution data is class B, depth capped at 4")
  func classB() {
    let outcome = Outcome(
      id: "o1", domain: "rights", direction: .higherIsBetter, baseline: 10, threshold: 20, actual: 25)
    let scored = scorer.score(sampleProject(outcomes: [outcome])).outcomes[0]
    #expect(scored.gapClosed == 1.5)
    #expect(scored.depth == 4)
    #expect(scored.outcomeClass == .benefitStakeholders)
  }

  @Test("a mitigation outcome that changed with a contribution is class A")
  func classA() {
    var outcome = sampleProject().outcomes[0]
    outcome.nature = .mitigation
    let score = scorer.score(sampleProject(outcomes: [outcome]))
    #expect(score.outcomes[0].outcomeClass == .actToAvoidHarm)
    #expect(score.impactClass == .actToAvoidHarm)
  }

  @Test("no rated risk uses the unknown risk 1.5; absent evidence counts as level 1")
  func unknownRiskAndEvidence() {
    let score = scorer.score(sampleProject(risks: [:], evidenceLevel: nil))
    #expect(score.meanRisk == 1.5)
    #expect(score.ratedRiskCount == 0)
    #expect(score.evidenceFactor == 0.6)
    #expect(isClose(score.confidence, 0.6 * 0.75))
    #expect(isClose(score.composite, score.confidence * (0.5 * score.quantitative + 0.5 * score.qualitative)))
  }

  @Test("evidence levels map to 0.6 … 1.0", arguments: [(1, 0.6), (2, 0.7), (3, 0.8), (4, 0.9), (5, 1.0)])
  func evidenceLevels(level: Int, factor: Double) {
    #expect(scorer.score(sampleProject(evidenceLevel: level)).evidenceFactor == factor)
  }

  @Test("social value discounts each year at 3.5 % and applies drop-off from the second year")
  func discounting() {
    let outcome = Outcome(
      id: "o1", domain: "employment", reach: 10, durationYears: 2, dropOff: 0.5, deadweight: 0.5,
      attribution: 0, displacement: 0.2, financialProxy: 100)
    let score = scorer.score(sampleProject(amount: 1_000, outcomes: [outcome]))
    let yearly = 10 * 100 * 0.5 * 1 * 0.8
    let expected = yearly / 1.035 + yearly * 0.5 / (1.035 * 1.035)
    #expect(isClose(score.socialValue ?? -1, expected))
    #expect(isClose(score.sroi ?? -1, expected / 1_000))
    #expect(isClose(score.outcomes[0].duration ?? -1, 4 * 1.5 / 5))
  }

  @Test("a zero amount leaves the SROI absent, and a missing proxy the social value")
  func sroiAbsent() {
    #expect(scorer.score(sampleProject(amount: 0)).sroi == nil)
    #expect(scorer.score(sampleProject(amount: 0)).socialValue != nil)
    var outcome = sampleProject().outcomes[0]
    outcome.financialProxy = nil
    let score = scorer.score(sampleProject(outcomes: [outcome]))
    #expect(score.socialValue == nil && score.sroi == nil)
  }

  @Test("absent shares are equal")
  func equalShares() {
    let outcomes = ["health", "rights", "health"].enumerated().map {
      Outcome(id: "o\($0.offset)", domain: $0.element, survey: Survey(veryMuch: 0.5, slightly: 0))
    }
    let score = scorer.score(sampleProject(outcomes: outcomes))
    #expect(score.outcomes.allSatisfy { isClose($0.share, 1.0 / 3) })
    let shares = score.domainShares
    #expect(shares.map(\.domain) == ["health", "rights"])
    #expect(isClose(shares[0].value, 2.0 / 3))
    #expect(shares[0].domainIndex == 1)
  }

  @Test("a harmful outcome makes the project class harm with rank score 0, composite kept")
  func harmGate() {
    var harmful = Outcome(
      id: "harm", domain: "environment", share: 0.2, direction: .lowerIsBetter, baseline: 12, threshold: 4, actual: 14)
    harmful.harmful = true
    var good = sampleProject().outcomes[0]
    good.share = 0.8
    let score = scorer.score(sampleProject(outcomes: [good, harmful]))
    #expect(score.impactClass == .harm)
    #expect(score.rankScore == 0)
    #expect(score.composite > 0)
    #expect(score.outcomes[1].depth == 0)
    #expect(score.outcomes[1].depthClass == .marginal)
  }

  @Test("odd input does not trap: no outcomes, equal threshold and baseline, unknown ids")
  func oddInput() {
    let empty = scorer.score(sampleProject(outcomes: []))
    #expect(empty.quantitative == 0 && empty.depth == 0)
    let flat = Outcome(
      id: "o1", domain: "nowhere", direction: .higherIsBetter, baseline: 5, threshold: 5, actual: 7, durationYears: -3)
    let score = scorer.score(
      sampleProject(outcomes: [flat], ratings: [Rating(criterion: "unknown", rater: "x", value: 2)]))
    #expect(score.outcomes[0].depth == nil)
    #expect(score.outcomes[0].domainIndex == nil)
    #expect(score.outcomes[0].duration == 0)
    #expect(score.qualitative == 0)
    #expect(score.domainShares.isEmpty)
  }

  @Test("the explanation walks from dimensions to the SROI and renders as text")
  func explanation() {
    let project = sampleProject()
    let explanation = scorer.explain(project)
    #expect(explanation.score == scorer.score(project))
    let quantities = explanation.steps.map(\.quantity)
    for expected in [
      "outcome o1: scale S", "outcome o1: gap closed g", "outcome o1: depth D", "outcome o1: duration U",
      "outcome o1: contribution C", "outcome o1: quantitative Q_o", "criterion what: median", "quantitative Q",
      "qualitative L", "confidence K", "composite F", "rank score", "social value", "SROI",
    ] {
      #expect(quantities.contains(expected), "missing step \(expected)")
    }
    let composite = explanation.steps.first { $0.quantity == "composite F" }
    #expect(composite?.result.number == explanation.score.composite)
    #expect(composite?.inputs.map(\.name) == ["K", "α", "Q", "L"])
    let text = explanation.text
    #expect(text.contains("composite F = "))
    #expect(text.contains("F = K · (α · Q + (1 − α) · L)"))
  }
}
