/// A project's composite and rank-score differences between two states, split over the
/// ``AttributionCause``s by their Shapley values.
///
/// `composite.total` equals the composite difference and `rankScore.total` the rank-score
/// difference, within rounding (1e-9).
public struct ProjectAttribution: Sendable, Hashable {
  public var projectID: String
  /// The Shapley value of each cause in F(after) − F(before).
  public var composite: CauseValues
  /// The Shapley value of each cause in R(after) − R(before) (harm counts 0): what the
  /// portfolio's weighted composite moves by.
  public var rankScore: CauseValues
  /// The causes whose inputs differ between the two states, in ``AttributionCause`` order; the
  /// others are 0 exactly.
  public var differingCauses: [AttributionCause]

  public init(projectID: String, composite: CauseValues, rankScore: CauseValues, differingCauses: [AttributionCause]) {
    self.projectID = projectID
    self.composite = composite
    self.rankScore = rankScore
    self.differingCauses = differingCauses
  }
}

/// One of the 2^4 re-scorings of a project that the attribution is computed from: the causes
/// in `causesFromAfter` take their inputs from the later state, the others from the earlier one.
public struct AttributionScoring: Sendable, Hashable {
  /// The set bits are the ``AttributionCause/bit``s of `causesFromAfter`; 0 is the earlier
  /// state, 15 the later one.
  public var mask: Int
  public var causesFromAfter: [AttributionCause]
  /// The scheme id the scoring used.
  public var schemeID: String
  public var score: ProjectScore

  public init(mask: Int, causesFromAfter: [AttributionCause], schemeID: String, score: ProjectScore) {
    self.mask = mask
    self.causesFromAfter = causesFromAfter
    self.schemeID = schemeID
    self.score = score
  }
}

/// The attribution of one project with the 16 scorings behind it (`impact diff --explain ID`).
public struct AttributionExplanation: Sendable, Hashable {
  public var attribution: ProjectAttribution
  /// The 16 scorings, by mask (index i has mask i).
  public var scorings: [AttributionScoring]

  public init(attribution: ProjectAttribution, scorings: [AttributionScoring]) {
    self.attribution = attribution
    self.scorings = scorings
  }
}

/// Attributes a project's score change between two states to the ``AttributionCause``s.
///
/// A project's score depends only on itself and the scheme (the method normalises nothing
/// across projects), so each project is attributed alone. The Shapley value of cause i is
/// Σ_{S ∌ i} |S|!(3 − |S|)!/4! · (F(S ∪ {i}) − F(S)), F(S) the composite when the causes in S
/// take their inputs from the later state and the others from the earlier one. A cause whose
/// inputs are equal in both states changes no scoring, so its value is exactly 0 and the game
/// is played over the k causes that differ: 2^k scorings, two of which (the two states) are
/// already known. The values do not depend on the order of the causes.
public struct ProjectAttributor: Sendable {
  public let before: ProjectScorer
  public let after: ProjectScorer
  /// Whether the two schemes differ (compared once).
  public let schemesDiffer: Bool

  public init(before: Scheme, after: Scheme) {
    self.before = ProjectScorer(scheme: before)
    self.after = before == after ? self.before : ProjectScorer(scheme: after)
    self.schemesDiffer = before != after
  }

  /// The causes whose inputs differ between `old` and `new`, in ``AttributionCause`` order.
  public func differingCauses(old: Project, new: Project) -> [AttributionCause] {
    var causes: [AttributionCause] = []
    if schemesDiffer { causes.append(.scheme) }
    if old.outcomes != new.outcomes { causes.append(.outcomeData) }
    if old.ratings != new.ratings { causes.append(.ratings) }
    if old.evidenceLevel != new.evidenceLevel || old.risks != new.risks { causes.append(.evidenceAndRisks) }
    return causes
  }

  /// `new` with the inputs of the causes missing from `mask` taken from `old`, and whether it
  /// is scored with the later scheme.
  func mix(old: Project, new: Project, mask: Int) -> (project: Project, usesAfterScheme: Bool) {
    var project = new
    if mask & AttributionCause.outcomeData.bit == 0 { project.outcomes = old.outcomes }
    if mask & AttributionCause.ratings.bit == 0 { project.ratings = old.ratings }
    if mask & AttributionCause.evidenceAndRisks.bit == 0 {
      project.evidenceLevel = old.evidenceLevel
      project.risks = old.risks
    }
    return (project, mask & AttributionCause.scheme.bit != 0)
  }

  /// The attribution of the change from `old` (scored `oldScore` under the earlier scheme) to
  /// `new` (scored `newScore` under the later one).
  public func attribute(
    old: Project, oldScore: ProjectScore, new: Project, newScore: ProjectScore
  ) -> ProjectAttribution {
    let causes = differingCauses(old: old, new: new)
    let players = causes.count
    guard players > 0 else {
      return ProjectAttribution(
        projectID: new.id, composite: CauseValues(), rankScore: CauseValues(), differingCauses: [])
    }
    let coalitions = 1 << players
    var composites = [Double](repeating: 0, count: coalitions)
    var rankScores = [Double](repeating: 0, count: coalitions)
    composites[0] = oldScore.composite
    rankScores[0] = oldScore.rankScore
    composites[coalitions - 1] = newScore.composite
    rankScores[coalitions - 1] = newScore.rankScore
    if coalitions > 2 {
      for coalition in 1..<(coalitions - 1) {
        var mask = 0
        for (player, cause) in causes.enumerated() where coalition & (1 << player) != 0 { mask |= cause.bit }
        let (project, usesAfterScheme) = mix(old: old, new: new, mask: mask)
        let score = (usesAfterScheme ? after : before).score(project)
        composites[coalition] = score.composite
        rankScores[coalition] = score.rankScore
      }
    }
    let compositeValues = ShapleyValues.compute(players: players, values: composites)
    let rankValues = ShapleyValues.compute(players: players, values: rankScores)
    var composite = CauseValues()
    var rankScore = CauseValues()
    for (player, cause) in causes.enumerated() {
      composite[cause] = compositeValues[player]
      rankScore[cause] = rankValues[player]
    }
    return ProjectAttribution(projectID: new.id, composite: composite, rankScore: rankScore, differingCauses: causes)
  }

  /// The attribution of the change from `old` to `new` with all 16 scorings (a cause whose
  /// inputs do not differ gives the same scoring with and without it).
  public func explain(old: Project, new: Project) -> AttributionExplanation {
    var scorings: [AttributionScoring] = []
    for mask in 0..<16 {
      let (project, usesAfterScheme) = mix(old: old, new: new, mask: mask)
      let scorer = usesAfterScheme ? after : before
      scorings.append(
        AttributionScoring(
          mask: mask,
          causesFromAfter: AttributionCause.allCases.filter { mask & $0.bit != 0 },
          schemeID: scorer.scheme.id,
          score: scorer.score(project)))
    }
    let compositeValues = ShapleyValues.compute(players: 4, values: scorings.map(\.score.composite))
    let rankValues = ShapleyValues.compute(players: 4, values: scorings.map(\.score.rankScore))
    var composite = CauseValues()
    var rankScore = CauseValues()
    for (player, cause) in AttributionCause.allCases.enumerated() {
      composite[cause] = compositeValues[player]
      rankScore[cause] = rankValues[player]
    }
    let attribution = ProjectAttribution(
      projectID: new.id, composite: composite, rankScore: rankScore,
      differingCauses: differingCauses(old: old, new: new))
    return AttributionExplanation(attribution: attribution, scorings: scorings)
  }
}
