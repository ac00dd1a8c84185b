/// A programme's impact map (theory of change) as the committee pack shows it: its stages in
/// order (needs, activities, outputs, outcomes, impacts), the assumptions, and the impacts
/// every site of the programme must contribute to.
public struct ReportImpactMap: Sendable, Codable, Equatable {
  /// One stage: its kind (`needs`, `activities`, `outputs`, `outcomes`, `impacts`) and items.
  public struct Stage: Sendable, Codable, Equatable {
    public var kind: String
    public var items: [String]

    public init(kind: String, items: [String]) {
      self.kind = kind
      self.items = items
    }
  }

  public var programme: String
  public var stages: [Stage]
  public var assumptions: [String]
  public var commonImpacts: [String]

  public init(programme: String, stages: [Stage], assumptions: [String], commonImpacts: [String]) {
    self.programme = programme
    self.stages = stages
    self.assumptions = assumptions
    self.commonImpacts = commonImpacts
  }
}
