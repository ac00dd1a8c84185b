/// One outcome a project pursues: its domain, its share of the project's focus, how it is
/// measured (an indicator or a survey), and the figures the five dimensions are scored from.
///
/// Absent values are `nil`; the method says what an absent value counts as.
public struct Outcome: Sendable, Hashable {
  public var id: String
  /// A domain id of the scheme (`employment`, `health`, ...).
  public var domain: String
  /// The outcome's share of the project's focus. When every share of a project is absent
  /// they are equal; see ``Project/effectiveShares``.
  public var share: Double?

  public var indicator: String?
  /// The id of the bank indicator the outcome measures (``IndicatorBank``); its `unit` and
  /// `direction`, when given, must agree with the bank's. `nil` for a custom indicator.
  public var indicatorID: String?
  /// The id of the framework impact the outcome serves (``ExpectedImpact``); `nil` when it names
  /// none (it may still serve one through its bank indicator, see ``FrameworkCheck``).
  public var impactID: String?
  public var unit: String?
  public var direction: Direction?
  public var baseline: Double?
  /// The level the stakeholders need: strictly beyond `baseline` in the direction of improvement.
  public var threshold: Double?
  public var target: Double?
  /// Targets for given periods (`2026`, `2026-S1`, ...; see ``Period``), beside the single
  /// `target`; in the document's order.
  public var targets: [PeriodTarget]
  /// The latest observed value of the indicator.
  public var actual: Double?
  public var survey: Survey?

  /// People reached.
  public var reach: Double?
  public var durationYears: Int?
  public var dropOff: Double?
  public var deadweight: Double?
  public var attribution: Double?
  public var displacement: Double?
  /// Euros per person and year.
  public var financialProxy: Double?
  /// A significant negative outcome that is not improving.
  public var harmful: Bool
  public var nature: OutcomeNature

  public init(
    id: String,
    domain: String,
    share: Double? = nil,
    indicator: String? = nil,
    indicatorID: String? = nil,
    unit: String? = nil,
    direction: Direction? = nil,
    baseline: Double? = nil,
    threshold: Double? = nil,
    target: Double? = nil,
    actual: Double? = nil,
    survey: Survey? = nil,
    reach: Double? = nil,
    durationYears: Int? = nil,
    dropOff: Double? = nil,
    deadweight: Double? = nil,
    attribution: Double? = nil,
    displacement: Double? = nil,
    financialProxy: Double? = nil,
    harmful: Bool = false,
    nature: OutcomeNature = .solution,
    targets: [PeriodTarget] = [],
    impactID: String? = nil
  ) {
    self.id = id
    self.domain = domain
    self.share = share
    self.indicator = indicator
    self.indicatorID = indicatorID
    self.impactID = impactID
    self.unit = unit
    self.direction = direction
    self.baseline = baseline
    self.threshold = threshold
    self.target = target
    self.targets = targets
    self.actual = actual
    self.survey = survey
    self.reach = reach
    self.durationYears = durationYears
    self.dropOff = dropOff
    self.deadweight = deadweight
    self.attribution = attribution
    self.displacement = displacement
    self.financialProxy = financialProxy
    self.harmful = harmful
    self.nature = nature
  }
}
