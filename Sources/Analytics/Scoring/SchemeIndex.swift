import Foundation

/// The ids of a scheme's domains and criteria mapped to their positions, built once per scheme
/// so scoring and portfolio figures work on small integer indices instead of string keys.
public struct SchemeIndex: Sendable {
  public var domainIDs: [String] { domains.ids }
  public var criterionIDs: [String] { criteria.ids }
  public let strategic: [Bool]
  let criterionWeights: [Double]
  /// log10(1 + N_ref), the denominator of the scale score.
  let logReachReference: Double
  let domains: IdentifierTable
  let criteria: IdentifierTable

  public init(scheme: Scheme) {
    domains = IdentifierTable(scheme.domains.map(\.id))
    criteria = IdentifierTable(scheme.criteria.map(\.id))
    strategic = scheme.domains.map(\.strategic)
    criterionWeights = scheme.criteria.map(\.weight)
    logReachReference = log10(1 + scheme.reachReference)
  }

  /// The position of domain `id` in the scheme, `nil` when the scheme has no such domain.
  public func domainIndex(of id: String) -> Int? {
    domains.position(of: id)
  }

  /// The position of criterion `id` in the scheme, `nil` when the scheme has no such criterion.
  public func criterionIndex(of id: String) -> Int? {
    criteria.position(of: id)
  }
}
