public import Analytics

extension Impact_V1_ProjectStatus {
  /// The message value of `status`.
  public init(_ status: ProjectStatus) {
    switch status {
    case .pipeline: self = .pipeline
    case .committee: self = .committee
    case .funded: self = .funded
    case .closed: self = .closed
    case .rejected: self = .rejected
    }
  }
}

extension ProjectStatus {
  /// The status `proto` stands for; UNSPECIFIED and unknown values are refused, naming `fieldPath`.
  public init(proto: Impact_V1_ProjectStatus, fieldPath: String) throws(APIMappingError) {
    switch proto {
    case .pipeline: self = .pipeline
    case .committee: self = .committee
    case .funded: self = .funded
    case .closed: self = .closed
    case .rejected: self = .rejected
    case .unspecified: throw .unspecified(fieldPath)
    case .UNRECOGNIZED(let value): throw .unrecognized(fieldPath, value: value)
    }
  }
}
