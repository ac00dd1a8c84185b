/// Which bank indicators a set of outcomes measures: for each indicator the outcomes that name
/// it, the indicators none names, and the outcomes with a custom indicator.
public struct IndicatorUsage: Sendable {
  /// One outcome, by project and outcome id, with its `indicator_id` and indicator name.
  public struct OutcomeReference: Sendable, Hashable {
    public var project: String
    public var outcome: String
    public var indicatorID: String?
    public var label: String

    public init(project: String, outcome: String, indicatorID: String?, label: String) {
      self.project = project
      self.outcome = outcome
      self.indicatorID = indicatorID
      self.label = label
    }
  }

  /// A bank indicator and the outcomes that measure it, in the order given.
  public struct Entry: Sendable, Hashable {
    public var indicator: BankIndicator
    public var outcomes: [OutcomeReference]
  }

  /// The bank indicators some outcome names, in the bank's order.
  public var used: [Entry]
  /// The bank indicators no outcome names, in the bank's order.
  public var unused: [BankIndicator]
  /// The outcomes without `indicator_id` (or with an id the bank does not have).
  public var custom: [OutcomeReference]

  public init(bank: IndicatorBank, outcomes: [(project: String, outcome: String, indicatorID: String?, label: String)])
  {
    let references = outcomes.map {
      OutcomeReference(project: $0.project, outcome: $0.outcome, indicatorID: $0.indicatorID, label: $0.label)
    }
    let byIndicator = Dictionary(grouping: references.filter { $0.indicatorID != nil }) { $0.indicatorID ?? "" }
    used = bank.indicators.compactMap { indicator in
      byIndicator[indicator.id].map { Entry(indicator: indicator, outcomes: $0) }
    }
    unused = bank.indicators.filter { byIndicator[$0.id] == nil }
    custom = references.filter { $0.indicatorID.flatMap(bank.indicator) == nil }
  }
}
