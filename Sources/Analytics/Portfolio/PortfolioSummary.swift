/// The portfolio figures of a selection of projects (`methodology.md`, "Portfolio").
///
/// Project i weighs ω_i = a_i / A, or 1 / n when A = 0. Where the method writes a_i in a ratio
/// (impact-weighted exposure, contributions) the summary uses ω_i, which is the same ratio when
/// A > 0 and keeps equal weights when no capital is committed.
public struct PortfolioSummary: Sendable, Hashable {
  public var schemeID: String
  /// The number of projects in the selection.
  public var projects: Int
  /// A = Σ a_i.
  public var totalAmount: Double
  /// Σ ω_i R_i (harm counts 0).
  public var weightedComposite: Double
  /// Σ ω_i Q_i.
  public var weightedQuantitative: Double
  /// Σ ω_i L_i.
  public var weightedQualitative: Double
  /// Σ ω_i depth_i.
  public var weightedDepth: Double
  /// E_k = Σ_i ω_i m_ik for every domain of the scheme, in scheme order.
  public var exposure: [DomainValue]
  /// E′_k = Σ_i ω_i R_i m_ik / Σ_i ω_i R_i for every domain, in scheme order (0 when no impact).
  public var impactWeightedExposure: [DomainValue]
  /// HHI = Σ_k E_k².
  public var hhi: Double
  /// 1 / HHI; 0 for an empty selection.
  public var effectiveDomains: Double
  /// The share of strategic domains with E_k ≥ τ.
  public var coverage: Double
  /// The strategic domains with E_k ≥ τ, in scheme order.
  public var coveredDomains: [String]
  /// The strategic domains with E_k < τ, in scheme order.
  public var gaps: [String]
  /// The share of strategic domains in which some outcome has D ≥ 2.
  public var deepCoverage: Double
  public var matrix: CoverageMatrix
  /// Each selected project's ω_i R_i / Σ_j ω_j R_j, in the order of the scores given; all 0
  /// when no project has a positive rank score.
  public var contributions: [ProjectContribution]
  /// Σ PV over the selection; `nil` when no project has a social value.
  public var socialValue: Double?
  /// Σ PV / Σ amounts of the projects that have a PV; `nil` when none has or their amounts are 0.
  public var sroi: Double?

  public init(
    schemeID: String,
    projects: Int,
    totalAmount: Double,
    weightedComposite: Double,
    weightedQuantitative: Double,
    weightedQualitative: Double,
    weightedDepth: Double,
    exposure: [DomainValue],
    impactWeightedExposure: [DomainValue],
    hhi: Double,
    effectiveDomains: Double,
    coverage: Double,
    coveredDomains: [String],
    gaps: [String],
    deepCoverage: Double,
    matrix: CoverageMatrix,
    contributions: [ProjectContribution],
    socialValue: Double?,
    sroi: Double?
  ) {
    self.schemeID = schemeID
    self.projects = projects
    self.totalAmount = totalAmount
    self.weightedComposite = weightedComposite
    self.weightedQuantitative = weightedQuantitative
    self.weightedQualitative = weightedQualitative
    self.weightedDepth = weightedDepth
    self.exposure = exposure
    self.impactWeightedExposure = impactWeightedExposure
    self.hhi = hhi
    self.effectiveDomains = effectiveDomains
    self.coverage = coverage
    self.coveredDomains = coveredDomains
    self.gaps = gaps
    self.deepCoverage = deepCoverage
    self.matrix = matrix
    self.contributions = contributions
    self.socialValue = socialValue
    self.sroi = sroi
  }

  /// E_k of domain `domain`; 0 for a domain the scheme lacks.
  public func exposure(to domain: String) -> Double {
    exposure.first { $0.domain == domain }?.value ?? 0
  }

  /// E′_k of domain `domain`; 0 for a domain the scheme lacks.
  public func impactWeightedExposure(to domain: String) -> Double {
    impactWeightedExposure.first { $0.domain == domain }?.value ?? 0
  }
}
