public import Analytics

extension Impact_V1_DepthClass {
  /// The message value of `depthClass`.
  public init(_ depthClass: DepthClass) {
    switch depthClass {
    case .marginal: self = .marginal
    case .moderate: self = .moderate
    case .significant: self = .significant
    case .deep: self = .deep
    }
  }
}

extension DepthClass {
  /// The class `proto` stands for; UNSPECIFIED and unknown values are refused, naming `fieldPath`.
  public init(proto: Impact_V1_DepthClass, fieldPath: String) throws(APIMappingError) {
    switch proto {
    case .marginal: self = .marginal
    case .moderate: self = .moderate
    case .significant: self = .significant
    case .deep: self = .deep
    case .unspecified: throw .unspecified(fieldPath)
    case .UNRECOGNIZED(let value): throw .unrecognized(fieldPath, value: value)
    }
  }
}
