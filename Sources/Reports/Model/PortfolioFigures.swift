/// The figures of a selection of projects (the method's "Portfolio" section).
public struct PortfolioFigures: Sendable, Codable, Equatable {
  /// A cell of the coverage matrix: outcomes of one domain in one depth class.
  public struct MatrixCell: Sendable, Codable, Equatable {
    public var domain: String
    /// `marginal`, `moderate`, `significant` or `deep`.
    public var depthClass: String
    public var outcomes: Int
    public var amount: Double
    public init(domain: String, depthClass: String, outcomes: Int, amount: Double) {
      self.domain = domain
      self.depthClass = depthClass
      self.outcomes = outcomes
      self.amount = amount
    }
  }

  public var projects: Int
  public var totalAmount: Double
  public var weightedComposite: Double
  public var weightedQuantitative: Double
  public var weightedQualitative: Double
  public var weightedDepth: Double
  public var hhi: Double
  public var effectiveDomains: Double
  public var coverage: Double
  public var deepCoverage: Double
  public var socialValue: Double?
  public var sroi: Double?
  /// Exposure by domain id.
  public var exposure: [String: Double]
  /// Impact-weighted exposure by domain id.
  public var impactWeightedExposure: [String: Double]
  public var coveredDomains: [String]
  public var gaps: [String]
  public var matrix: [MatrixCell]

  public init(
    projects: Int, totalAmount: Double, weightedComposite: Double, weightedQuantitative: Double,
    weightedQualitative: Double, weightedDepth: Double, hhi: Double, effectiveDomains: Double, coverage: Double,
    deepCoverage: Double, socialValue: Double?, sroi: Double?, exposure: [String: Double],
    impactWeightedExposure: [String: Double], coveredDomains: [String], gaps: [String], matrix: [MatrixCell]
  ) {
    self.projects = projects
    self.totalAmount = totalAmount
    self.weightedComposite = weightedComposite
    self.weightedQuantitative = weightedQuantitative
    self.weightedQualitative = weightedQualitative
    self.weightedDepth = weightedDepth
    self.hhi = hhi
    self.effectiveDomains = effectiveDomains
    self.coverage = coverage
    self.deepCoverage = deepCoverage
    self.socialValue = socialValue
    self.sroi = sroi
    self.exposure = exposure
    self.impactWeightedExposure = impactWeightedExposure
    self.coveredDomains = coveredDomains
    self.gaps = gaps
    self.matrix = matrix
  }
}
