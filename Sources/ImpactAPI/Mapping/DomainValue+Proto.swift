public import Analytics

extension Impact_V1_DomainFigure {
  /// The message of a domain's figure.
  public init(_ value: DomainValue) {
    self.init()
    domain = value.domain
    self.value = value.value
  }
}

extension Impact_V1_DomainShare {
  /// The message of a project's share `value` in a domain.
  public init(_ value: DomainValue) {
    self.init()
    domain = value.domain
    share = value.value
  }
}
