public import Analytics

extension Impact_V1_Direction {
  /// The message value of `direction`; UNSPECIFIED stands for an outcome without indicator.
  public init(_ direction: Direction?) {
    switch direction {
    case .higherIsBetter: self = .higherIsBetter
    case .lowerIsBetter: self = .lowerIsBetter
    case nil: self = .unspecified
    }
  }
}

extension Direction {
  /// The direction `proto` stands for: `nil` for UNSPECIFIED (no indicator); unknown values
  /// are refused, naming `fieldPath`.
  public static func from(proto: Impact_V1_Direction, fieldPath: String) throws(APIMappingError) -> Direction? {
    switch proto {
    case .higherIsBetter: .higherIsBetter
    case .lowerIsBetter: .lowerIsBetter
    case .unspecified: nil
    case .UNRECOGNIZED(let value): throw .unrecognized(fieldPath, value: value)
    }
  }
}
