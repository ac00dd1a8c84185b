public import Analytics

extension Impact_V1_Scheme {
  /// The structured message of `scheme`.
  public init(_ scheme: Scheme) {
    self.init()
    id = scheme.id
    reachReference = scheme.reachReference
    durationHorizonYears = scheme.durationHorizonYears
    quantitativeWeights = Impact_V1_QuantitativeWeights(scheme.quantitativeWeights)
    criteria = scheme.criteria.map { Impact_V1_Criterion($0) }
    blend = scheme.blend
    evidenceFactors = scheme.evidenceFactors
    riskTypes = scheme.riskTypes
    unknownRisk = scheme.unknownRisk
    coverageThreshold = scheme.coverageThreshold
    insufficientDataBelow = scheme.insufficientDataBelow
    discountRate = scheme.discountRate
    domains = scheme.domains.map { Impact_V1_Domain($0) }
  }
}

extension Scheme {
  /// The scheme `proto` describes. A missing `quantitative_weights` is refused, naming
  /// `fieldPath`; the scheme's own rules (weights summing to 1, ...) are for validation.
  public init(proto: Impact_V1_Scheme, fieldPath: String = "scheme") throws(APIMappingError) {
    guard proto.hasQuantitativeWeights else {
      throw .missing("\(fieldPath).quantitative_weights")
    }
    self.init(
      id: proto.id,
      reachReference: proto.reachReference,
      durationHorizonYears: proto.durationHorizonYears,
      quantitativeWeights: QuantitativeWeights(proto: proto.quantitativeWeights),
      criteria: proto.criteria.map { Criterion(proto: $0) },
      blend: proto.blend,
      evidenceFactors: proto.evidenceFactors,
      riskTypes: proto.riskTypes,
      unknownRisk: proto.unknownRisk,
      coverageThreshold: proto.coverageThreshold,
      insufficientDataBelow: proto.insufficientDataBelow,
      discountRate: proto.discountRate,
      domains: proto.domains.map { Domain(proto: $0) }
    )
  }
}
