/// A project the organisation funds or considers, with everything the method scores it from.
public struct Project: Sendable, Hashable, Identifiable {
  public var id: String
  public var name: String
  public var programme: String
  public var territory: String
  public var status: ProjectStatus
  /// Euros committed, at least 0.
  public var amount: Double
  /// Nesta standard of evidence, 1–5; absent counts as level 1.
  public var evidenceLevel: Int?
  /// Rated risks by risk type id, each 0–3. Unrated types are absent.
  public var risks: [String: Int]
  public var ratings: [Rating]
  /// 1 to 20 outcomes.
  public var outcomes: [Outcome]
  /// The JSON text of the project's `extra` value, kept verbatim; `nil` when absent.
  public var extra: String?

  public init(
    id: String,
    name: String,
    programme: String = "",
    territory: String = "",
    status: ProjectStatus = .pipeline,
    amount: Double = 0,
    evidenceLevel: Int? = nil,
    risks: [String: Int] = [:],
    ratings: [Rating] = [],
    outcomes: [Outcome] = [],
    extra: String? = nil
  ) {
    self.id = id
    self.name = name
    self.programme = programme
    self.territory = territory
    self.status = status
    self.amount = amount
    self.evidenceLevel = evidenceLevel
    self.risks = risks
    self.ratings = ratings
    self.outcomes = outcomes
    self.extra = extra
  }

  /// Each outcome's share, with equal shares when every share is absent.
  public var effectiveShares: [Double] {
    if outcomes.allSatisfy({ $0.share == nil }) {
      let equal = outcomes.isEmpty ? 0 : 1 / Double(outcomes.count)
      return Array(repeating: equal, count: outcomes.count)
    }
    return outcomes.map { $0.share ?? 0 }
  }

  /// Records a rating, replacing the same rater's earlier rating of the same criterion.
  public mutating func record(_ rating: Rating) {
    ratings.removeAll { $0.criterion == rating.criterion && $0.rater == rating.rater }
    ratings.append(rating)
  }
}
