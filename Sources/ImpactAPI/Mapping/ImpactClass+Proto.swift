public import Analytics

extension Impact_V1_ImpactClass {
  /// The message value of `impactClass`.
  public init(_ impactClass: ImpactClass) {
    switch impactClass {
    case .harm: self = .harm
    case .actToAvoidHarm: self = .actToAvoidHarm
    case .benefitStakeholders: self = .benefitStakeholders
    case .contributeToSolutions: self = .contributeToSolutions
    case .unclassified: self = .unclassified
    }
  }
}

extension ImpactClass {
  /// The class `proto` stands for; UNSPECIFIED and unknown values are refused, naming `fieldPath`.
  public init(proto: Impact_V1_ImpactClass, fieldPath: String) throws(APIMappingError) {
    switch proto {
    case .harm: self = .harm
    case .actToAvoidHarm: self = .actToAvoidHarm
    case .benefitStakeholders: self = .benefitStakeholders
    case .contributeToSolutions: self = .contributeToSolutions
    case .unclassified: self = .unclassified
    case .unspecified: throw .unspecified(fieldPath)
    case .UNRECOGNIZED(let value): throw .unrecognized(fieldPath, value: value)
    }
  }
}
