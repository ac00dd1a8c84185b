/// An impact the organisation expects for one stakeholder group, in one domain of the scheme,
/// from some of its activities, with the indicators that measure it.
public struct ExpectedImpact: Sendable, Hashable {
  public var id: String
  public var name: String
  public var description: String?
  public var level: ImpactLevel
  /// The stakeholder group the impact is for (people supported, volunteers, residents, ...).
  public var stakeholder: String
  /// A domain id of the scheme.
  public var domain: String
  /// The ids of the activities that lead to it.
  public var activityIDs: [String]
  /// The ids of the final impacts an intermediate impact leads to.
  public var leadsTo: [String]
  public var indicators: [FrameworkIndicator]

  public init(
    id: String, name: String, description: String? = nil, level: ImpactLevel, stakeholder: String, domain: String,
    activityIDs: [String] = [], leadsTo: [String] = [], indicators: [FrameworkIndicator] = []
  ) {
    self.id = id
    self.name = name
    self.description = description
    self.level = level
    self.stakeholder = stakeholder
    self.domain = domain
    self.activityIDs = activityIDs
    self.leadsTo = leadsTo
    self.indicators = indicators
  }
}

/// Whether an impact is an intermediate effect or a final one (*impact intermédiaire* or
/// *impact final*).
public enum ImpactLevel: String, Sendable, Hashable, CaseIterable {
  case intermediate
  case final
}

/// One indicator of an impact in the framework: a bank indicator (``bankID``) or a custom one
/// (its own id, name, unit and direction), with where the organisation stands on collecting it.
public struct FrameworkIndicator: Sendable, Hashable {
  /// The bank id, or the custom indicator's id.
  public var id: String
  /// The bank indicator, `nil` for a custom one.
  public var bankID: String?
  /// A custom indicator's name (a bank indicator's comes from the bank).
  public var name: String?
  public var unit: String?
  public var direction: Direction?
  public var status: IndicatorStatus
  /// Who collects it.
  public var owner: String
  /// A frequency id of the bank (`yearly`, `quarterly`, ...).
  public var frequency: String

  public init(
    id: String, bankID: String?, name: String? = nil, unit: String? = nil, direction: Direction? = nil,
    status: IndicatorStatus, owner: String, frequency: String
  ) {
    self.id = id
    self.bankID = bankID
    self.name = name
    self.unit = unit
    self.direction = direction
    self.status = status
    self.owner = owner
    self.frequency = frequency
  }

  public var isCustom: Bool { bankID == nil }
}

/// Where the organisation stands on an indicator: wanted (*voulu*), already collected
/// (*déjà collecté*), or still to collect (*à collecter*).
public enum IndicatorStatus: String, Sendable, Hashable, CaseIterable {
  case wanted
  case collected
  case toCollect = "to_collect"
}

/// A programme of the portfolio (the projects whose `programme` is ``programme``): the impacts
/// each of its sites must contribute to, and its impact map.
public struct FrameworkProgramme: Sendable, Hashable {
  public var programme: String
  public var commonImpacts: [String]
  public var map: ImpactMap?

  public init(programme: String, commonImpacts: [String], map: ImpactMap? = nil) {
    self.programme = programme
    self.commonImpacts = commonImpacts
    self.map = map
  }
}

/// A programme's theory of change: needs → activities → outputs → outcomes → impacts (ids of
/// the framework's impacts), with the assumptions that must hold.
public struct ImpactMap: Sendable, Hashable {
  public var needs: [String]
  public var activities: [String]
  public var outputs: [String]
  public var outcomes: [String]
  public var impacts: [String]
  public var assumptions: [String]

  /// The stages written as text, in the map's order: needs, activities, outputs, outcomes
  /// (`impacts` name framework impacts and are shown from them).
  public var textStages: [(kind: String, items: [String])] {
    [("needs", needs), ("activities", activities), ("outputs", outputs), ("outcomes", outcomes)]
  }

  public init(
    needs: [String] = [], activities: [String] = [], outputs: [String] = [], outcomes: [String] = [],
    impacts: [String] = [], assumptions: [String] = []
  ) {
    self.needs = needs
    self.activities = activities
    self.outputs = outputs
    self.outcomes = outcomes
    self.impacts = impacts
    self.assumptions = assumptions
  }
}
