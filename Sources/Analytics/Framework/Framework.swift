/// The organisation's impact framework, `impact-framework/1`: its mission, the needs it
/// answers, its strategic and operational objectives with their activities, the impacts it
/// expects (per stakeholder group, each in a domain of the scheme) with the indicators that
/// measure them, and, per programme, the impacts every site must contribute to and the
/// programme's impact map. See `docs/formats.md` (*The impact framework*).
///
/// Projects' outcomes link to the framework's impacts (``Outcome/impactID``, or through a bank
/// indicator); ``FrameworkCheck`` says what the portfolio measures of it.
public struct Framework: Sendable, Hashable {
  public static let formatTag = "impact-framework/1"

  public var organization: String
  public var mission: String
  public var needs: [String]
  public var objectives: [StrategicObjective]
  public var impacts: [ExpectedImpact]
  public var programmes: [FrameworkProgramme]

  public init(
    organization: String, mission: String, needs: [String] = [], objectives: [StrategicObjective],
    impacts: [ExpectedImpact], programmes: [FrameworkProgramme] = []
  ) {
    self.organization = organization
    self.mission = mission
    self.needs = needs
    self.objectives = objectives
    self.impacts = impacts
    self.programmes = programmes
  }

  /// Every activity, in the order of the objectives.
  public var activities: [FrameworkActivity] {
    objectives.flatMap { $0.operationalObjectives.flatMap(\.activities) }
  }

  /// The ids of its impacts, which outcomes' `impact_id` must be one of.
  public var impactIDs: Set<String> { Set(impacts.map(\.id)) }

  public func impact(_ id: String) -> ExpectedImpact? {
    impacts.first { $0.id == id }
  }

  public func programme(_ name: String) -> FrameworkProgramme? {
    programmes.first { $0.programme == name }
  }
}

/// A strategic objective and the operational objectives that serve it.
public struct StrategicObjective: Sendable, Hashable {
  public var id: String
  public var name: String
  public var operationalObjectives: [OperationalObjective]

  public init(id: String, name: String, operationalObjectives: [OperationalObjective]) {
    self.id = id
    self.name = name
    self.operationalObjectives = operationalObjectives
  }
}

/// An operational objective and the activities that carry it out.
public struct OperationalObjective: Sendable, Hashable {
  public var id: String
  public var name: String
  public var activities: [FrameworkActivity]

  public init(id: String, name: String, activities: [FrameworkActivity]) {
    self.id = id
    self.name = name
    self.activities = activities
  }
}

public struct FrameworkActivity: Sendable, Hashable {
  public var id: String
  public var name: String

  public init(id: String, name: String) {
    self.id = id
    self.name = name
  }
}
