/// The groups of inputs a change in a project's score is attributed to (`docs/methodology.md`,
/// "Explaining a change").
///
/// Every input the method scores a project from belongs to exactly one group, so the groups'
/// Shapley values sum to the whole change:
/// - ``scheme``: the scheme document (the method's constants, weights, criteria, domains);
/// - ``outcomeData``: the outcomes (indicators, baselines, thresholds, actuals and so the
///   observations behind them, surveys, reach, durations, drop-off, contribution inputs,
///   shares, domains, financial proxies, the harmful flag and the nature);
/// - ``ratings``: the committee's ratings;
/// - ``evidenceAndRisks``: the level of evidence and the rated risks.
///
/// The other fields of a project (name, status, programme, territory, amount, extra) do not
/// enter its composite; the amount enters the portfolio's weighting, see ``PortfolioCause``.
public enum AttributionCause: String, Sendable, Hashable, CaseIterable, Codable {
  case scheme
  case outcomeData = "outcome_data"
  case ratings
  case evidenceAndRisks = "evidence_and_risks"

  /// The cause's bit in a ``AttributionScoring/mask``.
  public var bit: Int {
    switch self {
    case .scheme: 1
    case .outcomeData: 2
    case .ratings: 4
    case .evidenceAndRisks: 8
    }
  }
}

/// One value per ``AttributionCause``.
public struct CauseValues: Sendable, Hashable {
  public var scheme: Double
  public var outcomeData: Double
  public var ratings: Double
  public var evidenceAndRisks: Double

  public init(scheme: Double = 0, outcomeData: Double = 0, ratings: Double = 0, evidenceAndRisks: Double = 0) {
    self.scheme = scheme
    self.outcomeData = outcomeData
    self.ratings = ratings
    self.evidenceAndRisks = evidenceAndRisks
  }

  public subscript(cause: AttributionCause) -> Double {
    get {
      switch cause {
      case .scheme: scheme
      case .outcomeData: outcomeData
      case .ratings: ratings
      case .evidenceAndRisks: evidenceAndRisks
      }
    }
    set {
      switch cause {
      case .scheme: scheme = newValue
      case .outcomeData: outcomeData = newValue
      case .ratings: ratings = newValue
      case .evidenceAndRisks: evidenceAndRisks = newValue
      }
    }
  }

  /// The sum of the four values.
  public var total: Double { scheme + outcomeData + ratings + evidenceAndRisks }

  /// Whether every value is exactly 0.
  public var isZero: Bool { scheme == 0 && outcomeData == 0 && ratings == 0 && evidenceAndRisks == 0 }
}
