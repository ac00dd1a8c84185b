import Foundation

/// The ids of a scheme's domains and criteria mapped to their positions, built once per scheme
/// so scoring and portfolio figures work on small integer indices instead of string keys.
public struct SchemeIndex: Sendable {
  public let domainIDs: [String]
  public let criterionIDs: [String]
  public let strategic: [Bool]
  let criterionWeights: [Double]
  /// log10(1 + N_ref), the denominator of the scale score.
  let logReachReference: Double
  // Schemes normally hold a handful of ids, where a linear scan over small strings beats
  // hashing; large schemes fall back to a dictionary.
  private let domainLookup: [String: Int]
  private let criterionLookup: [String: Int]
  private static let linearScanLimit = 16

  public init(scheme: Scheme) {
    domainIDs = scheme.domains.map(\.id)
    criterionIDs = scheme.criteria.map(\.id)
    strategic = scheme.domains.map(\.strategic)
    criterionWeights = scheme.criteria.map(\.weight)
    logReachReference = log10(1 + scheme.reachReference)
    domainLookup = Self.lookup(domainIDs)
    criterionLookup = Self.lookup(criterionIDs)
  }

  /// The position of domain `id` in the scheme, `nil` when the scheme has no such domain.
  public func domainIndex(of id: String) -> Int? {
    Self.position(of: id, in: domainIDs, lookup: domainLookup)
  }

  /// The position of criterion `id` in the scheme, `nil` when the scheme has no such criterion.
  public func criterionIndex(of id: String) -> Int? {
    Self.position(of: id, in: criterionIDs, lookup: criterionLookup)
  }

  private static func lookup(_ ids: [String]) -> [String: Int] {
    guard ids.count > linearScanLimit else { return [:] }
    var lookup: [String: Int] = [:]
    for (position, id) in ids.enumerated() where lookup[id] == nil {
      lookup[id] = position
    }
    return lookup
  }

  @inline(__always)
  private static func position(of id: String, in ids: [String], lookup: [String: Int]) -> Int? {
    if ids.count > linearScanLimit { return lookup[id] }
    for position in ids.indices where ids[position] == id {
      return position
    }
    return nil
  }
}
