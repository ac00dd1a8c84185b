/// Everything the method says about one project under one scheme.
///
/// A score depends only on the project and the scheme, so a long-running process can cache one
/// per project and recompute only the projects that change. It also carries the few project
/// fields a portfolio selection filters on (status, programme, territory) and the amount the
/// portfolio figures weight by, so every portfolio figure is computable from cached scores alone.
///
/// A score made by ``ProjectScorer`` keeps its figures and shares the project's outcome and
/// rating arrays; `outcomes` and `criteria` are rebuilt from them each time they are read
/// (a few microseconds), so read them once per use rather than in a loop.
public struct ProjectScore: Sendable, Identifiable {
  // The fields a portfolio pass reads come first, so they share the score's first cache lines.
  public var projectID: String
  /// Euros committed.
  public var amount: Double
  /// 0 for class harm, F otherwise: what ranking and portfolio impact figures use.
  public var rankScore: Double
  /// Q = Σ share_o · Q_o, 0–100.
  public var quantitative: Double
  /// L = 25 · Σ w_c · median_c, 0–100.
  public var qualitative: Double
  /// Σ share_o · D_o, 0–4.
  public var depth: Double
  /// Σ of the outcomes' present values; `nil` when no outcome qualifies.
  public var socialValue: Double?
  public var status: ProjectStatus
  var domainMix: DomainMix
  var breakdown: ScoreBreakdown
  public var schemeID: String
  public var programme: String
  public var territory: String
  public var depthClass: DepthClass
  /// E, from the Nesta level of evidence (absent counts as level 1).
  public var evidenceFactor: Double
  /// r̄, the mean of the rated risks, or the scheme's unknown risk when none is rated.
  public var meanRisk: Double
  /// The number of rated risks; 0 means `meanRisk` is the scheme's unknown risk.
  public var ratedRiskCount: Int
  /// K = E · (1 − r̄ / 6).
  public var confidence: Double
  /// F = K · (α · Q + (1 − α) · L), 0–100.
  public var composite: Double
  /// α · Σ share_o · c_o + (1 − α) · Σ_{c rated} w_c, 0–1.
  public var completeness: Double
  /// Completeness below the scheme's threshold.
  public var insufficientData: Bool
  public var impactClass: ImpactClass
  /// socialValue / amount; `nil` when no outcome qualifies or the amount is 0.
  public var sroi: Double?

  public var id: String { projectID }

  /// One score per outcome, in the project's order.
  public var outcomes: [OutcomeScore] {
    get { breakdown.outcomes }
    set {
      breakdown = .stored(outcomes: newValue, criteria: breakdown.criteria)
      domainMix = DomainMix(newValue)
    }
  }

  /// One score per criterion of the scheme, in the scheme's order.
  public var criteria: [CriterionScore] {
    get { breakdown.criteria }
    set { breakdown = .stored(outcomes: breakdown.outcomes, criteria: newValue) }
  }

  /// The share of the project's focus in each domain it has an outcome in, in scheme order
  /// (m_ik); outcomes in domains the scheme lacks are left out.
  public var domainShares: [DomainValue] {
    var shares: [DomainValue] = []
    for outcome in outcomes {
      guard let index = outcome.domainIndex else { continue }
      if let existing = shares.firstIndex(where: { $0.domainIndex == index }) {
        shares[existing].value += outcome.share
      } else {
        shares.append(DomainValue(domain: outcome.domain, domainIndex: index, value: outcome.share))
      }
    }
    shares.sort { $0.domainIndex < $1.domainIndex }
    return shares
  }

  public init(
    projectID: String,
    schemeID: String,
    status: ProjectStatus,
    programme: String,
    territory: String,
    amount: Double,
    outcomes: [OutcomeScore],
    criteria: [CriterionScore],
    quantitative: Double,
    qualitative: Double,
    depth: Double,
    depthClass: DepthClass,
    evidenceFactor: Double,
    meanRisk: Double,
    ratedRiskCount: Int,
    confidence: Double,
    composite: Double,
    completeness: Double,
    insufficientData: Bool,
    impactClass: ImpactClass,
    rankScore: Double,
    socialValue: Double?,
    sroi: Double?
  ) {
    self.init(
      projectID: projectID, schemeID: schemeID, status: status, programme: programme, territory: territory,
      amount: amount, breakdown: .stored(outcomes: outcomes, criteria: criteria), domainMix: DomainMix(outcomes),
      quantitative: quantitative, qualitative: qualitative, depth: depth, depthClass: depthClass,
      evidenceFactor: evidenceFactor, meanRisk: meanRisk, ratedRiskCount: ratedRiskCount, confidence: confidence,
      composite: composite, completeness: completeness, insufficientData: insufficientData, impactClass: impactClass,
      rankScore: rankScore, socialValue: socialValue, sroi: sroi
    )
  }

  init(
    projectID: String,
    schemeID: String,
    status: ProjectStatus,
    programme: String,
    territory: String,
    amount: Double,
    breakdown: ScoreBreakdown,
    domainMix: DomainMix,
    quantitative: Double,
    qualitative: Double,
    depth: Double,
    depthClass: DepthClass,
    evidenceFactor: Double,
    meanRisk: Double,
    ratedRiskCount: Int,
    confidence: Double,
    composite: Double,
    completeness: Double,
    insufficientData: Bool,
    impactClass: ImpactClass,
    rankScore: Double,
    socialValue: Double?,
    sroi: Double?
  ) {
    self.projectID = projectID
    self.schemeID = schemeID
    self.status = status
    self.programme = programme
    self.territory = territory
    self.amount = amount
    self.breakdown = breakdown
    self.domainMix = domainMix
    self.quantitative = quantitative
    self.qualitative = qualitative
    self.depth = depth
    self.depthClass = depthClass
    self.evidenceFactor = evidenceFactor
    self.meanRisk = meanRisk
    self.ratedRiskCount = ratedRiskCount
    self.confidence = confidence
    self.composite = composite
    self.completeness = completeness
    self.insufficientData = insufficientData
    self.impactClass = impactClass
    self.rankScore = rankScore
    self.socialValue = socialValue
    self.sroi = sroi
  }
}

extension ProjectScore: Hashable {
  // Equality is over every public property; the breakdown is compared without being rebuilt
  // when both scores share the same inputs and rules.
  public static func == (lhs: ProjectScore, rhs: ProjectScore) -> Bool {
    lhs.projectID == rhs.projectID && lhs.amount == rhs.amount && lhs.rankScore == rhs.rankScore
      && lhs.quantitative == rhs.quantitative && lhs.qualitative == rhs.qualitative && lhs.depth == rhs.depth
      && lhs.socialValue == rhs.socialValue && lhs.status == rhs.status && lhs.schemeID == rhs.schemeID
      && lhs.programme == rhs.programme && lhs.territory == rhs.territory && lhs.depthClass == rhs.depthClass
      && lhs.evidenceFactor == rhs.evidenceFactor && lhs.meanRisk == rhs.meanRisk
      && lhs.ratedRiskCount == rhs.ratedRiskCount && lhs.confidence == rhs.confidence
      && lhs.composite == rhs.composite && lhs.completeness == rhs.completeness
      && lhs.insufficientData == rhs.insufficientData && lhs.impactClass == rhs.impactClass && lhs.sroi == rhs.sroi
      && (lhs.breakdown.isIdentical(to: rhs.breakdown)
        || (lhs.outcomes == rhs.outcomes && lhs.criteria == rhs.criteria))
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(projectID)
    hasher.combine(amount)
    hasher.combine(rankScore)
    hasher.combine(quantitative)
    hasher.combine(qualitative)
    hasher.combine(depth)
    hasher.combine(socialValue)
    hasher.combine(status)
    hasher.combine(schemeID)
    hasher.combine(programme)
    hasher.combine(territory)
    hasher.combine(depthClass)
    hasher.combine(evidenceFactor)
    hasher.combine(meanRisk)
    hasher.combine(ratedRiskCount)
    hasher.combine(confidence)
    hasher.combine(composite)
    hasher.combine(completeness)
    hasher.combine(insufficientData)
    hasher.combine(impactClass)
    hasher.combine(sroi)
    hasher.combine(outcomes)
    hasher.combine(criteria)
  }
}
