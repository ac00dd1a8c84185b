public import Analytics

extension Impact_V1_OutcomeNature {
  /// The message value of `nature`.
  public init(_ nature: OutcomeNature) {
    switch nature {
    case .solution: self = .solution
    case .mitigation: self = .mitigation
    }
  }
}

extension OutcomeNature {
  /// The nature `proto` stands for. UNSPECIFIED reads as `solution`, the method's default, so
  /// clients that never heard of mitigation outcomes keep working; unknown values are refused,
  /// naming `fieldPath`.
  public init(proto: Impact_V1_OutcomeNature, fieldPath: String) throws(APIMappingError) {
    switch proto {
    case .solution, .unspecified: self = .solution
    case .mitigation: self = .mitigation
    case .UNRECOGNIZED(let value): throw .unrecognized(fieldPath, value: value)
    }
  }
}
