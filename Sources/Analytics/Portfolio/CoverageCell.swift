/// One cell of the coverage matrix: the outcomes of a domain at a depth class.
public struct CoverageCell: Sendable, Hashable {
  public var domain: String
  public var domainIndex: Int
  public var depthClass: DepthClass
  /// The number of outcomes.
  public var outcomes: Int
  /// Σ a_i · share_o over those outcomes, in euros.
  public var amount: Double

  public init(domain: String, domainIndex: Int, depthClass: DepthClass, outcomes: Int, amount: Double) {
    self.domain = domain
    self.domainIndex = domainIndex
    self.depthClass = depthClass
    self.outcomes = outcomes
    self.amount = amount
  }
}
