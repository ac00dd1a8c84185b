/// The class of a depth of impact on the 0–4 scale: [0,1) marginal, [1,2) moderate,
/// [2,3) significant, [3,4] deep.
public enum DepthClass: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
  case marginal
  case moderate
  case significant
  case deep

  /// The class of `depth`; values below 0 are marginal and values above 4 deep.
  public init(depth: Double) {
    if depth >= 3 {
      self = .deep
    } else if depth >= 2 {
      self = .significant
    } else if depth >= 1 {
      self = .moderate
    } else {
      self = .marginal
    }
  }

  /// The position of the class in `allCases`, used to index fixed-size tables.
  public var ordinal: Int {
    switch self {
    case .marginal: 0
    case .moderate: 1
    case .significant: 2
    case .deep: 3
    }
  }

  public static func < (lhs: DepthClass, rhs: DepthClass) -> Bool {
    lhs.ordinal < rhs.ordinal
  }
}
