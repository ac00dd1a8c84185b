/// The constants of the scoring method, versioned by `id`. Changing a scheme means a new `id`;
/// every score says which scheme made it.
public struct Scheme: Sendable, Hashable {
  public var id: String
  /// N_ref: the reach that scores full scale.
  public var reachReference: Double
  /// H: the number of years that scores full duration.
  public var durationHorizonYears: Double
  public var quantitativeWeights: QuantitativeWeights
  public var criteria: [Criterion]
  /// α: the weight of the quantitative score in the composite.
  public var blend: Double
  /// E for evidence levels 1 to 5 (index 0 is level 1).
  public var evidenceFactors: [Double]
  public var riskTypes: [String]
  /// r̄ used when no risk is rated.
  public var unknownRisk: Double
  /// τ: the exposure from which a domain counts as covered.
  public var coverageThreshold: Double
  public var insufficientDataBelow: Double
  public var discountRate: Double
  public var domains: [Domain]

  public init(
    id: String,
    reachReference: Double,
    durationHorizonYears: Double,
    quantitativeWeights: QuantitativeWeights,
    criteria: [Criterion],
    blend: Double,
    evidenceFactors: [Double],
    riskTypes: [String],
    unknownRisk: Double,
    coverageThreshold: Double,
    insufficientDataBelow: Double,
    discountRate: Double,
    domains: [Domain]
  ) {
    self.id = id
    self.reachReference = reachReference
    self.durationHorizonYears = durationHorizonYears
    self.quantitativeWeights = quantitativeWeights
    self.criteria = criteria
    self.blend = blend
    self.evidenceFactors = evidenceFactors
    self.riskTypes = riskTypes
    self.unknownRisk = unknownRisk
    self.coverageThreshold = coverageThreshold
    self.insufficientDataBelow = insufficientDataBelow
    self.discountRate = discountRate
    self.domains = domains
  }
}
