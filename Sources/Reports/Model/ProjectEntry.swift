/// One project of a report with its scores, ranked within the report's selection.
public struct ProjectEntry: Sendable, Codable, Equatable {
  public var id: String
  public var name: String
  /// `pipeline`, `committee`, `funded`, `closed` or `rejected`.
  public var status: String
  public var programme: String
  public var territory: String
  public var amount: Double
  public var rank: Int
  public var rankScore: Double
  public var composite: Double
  public var quantitative: Double
  public var qualitative: Double
  /// K, the factor the composite was discounted by (0 to 1).
  public var confidence: Double
  public var depth: Double
  public var depthClass: String
  public var completeness: Double
  public var insufficientData: Bool
  /// `harm`, `A`, `B`, `C` or `none`.
  public var impactClass: String
  /// Share of the selection's global impact, 0 to 1.
  public var contribution: Double
  /// People reached, summed over the outcomes that say; nil when none does.
  public var reach: Double?
  public var socialValue: Double?
  public var sroi: Double?
  /// Scale, depth, duration and contribution on 0-4, each weighted by the outcomes' shares
  /// (an absent dimension counts 0).
  public var dimensions: [Double]
  /// For scale, depth, duration and contribution: how many outcomes lack the dimension.
  public var missingDimensions: [Int]
  public var outcomeCount: Int
  /// The median rating of each criterion of the scheme, in its order; nil when unrated.
  public var criteria: [Double?]

  public init(
    id: String, name: String, status: String, programme: String, territory: String, amount: Double, rank: Int,
    rankScore: Double, composite: Double, quantitative: Double, qualitative: Double, confidence: Double, depth: Double,
    depthClass: String, completeness: Double, insufficientData: Bool, impactClass: String, contribution: Double,
    reach: Double?, socialValue: Double?, sroi: Double?, dimensions: [Double], missingDimensions: [Int],
    outcomeCount: Int, criteria: [Double?]
  ) {
    self.id = id
    self.name = name
    self.status = status
    self.programme = programme
    self.territory = territory
    self.amount = amount
    self.rank = rank
    self.rankScore = rankScore
    self.composite = composite
    self.quantitative = quantitative
    self.qualitative = qualitative
    self.confidence = confidence
    self.depth = depth
    self.depthClass = depthClass
    self.completeness = completeness
    self.insufficientData = insufficientData
    self.impactClass = impactClass
    self.contribution = contribution
    self.reach = reach
    self.socialValue = socialValue
    self.sroi = sroi
    self.dimensions = dimensions
    self.missingDimensions = missingDimensions
    self.outcomeCount = outcomeCount
    self.criteria = criteria
  }

  /// The composite before the confidence discount, α·Q + (1 − α)·L: the end of the lighter
  /// band of the ranking.
  public var undiscounted: Double { confidence > 0 ? composite / confidence : composite }
}
