/// A figure attached to one domain of the scheme: a project's share in it, or a portfolio's
/// exposure to it.
public struct DomainValue: Sendable, Hashable {
  /// The domain id (`employment`, `health`, ...).
  public var domain: String
  /// The domain's position in `Scheme.domains`.
  public var domainIndex: Int
  public var value: Double

  public init(domain: String, domainIndex: Int, value: Double) {
    self.domain = domain
    self.domainIndex = domainIndex
    self.value = value
  }
}
