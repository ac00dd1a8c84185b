/// One indicator of the bank: what it measures, how it is computed and collected, and how it
/// is read. Projects' outcomes name it by ``id`` (`indicator_id`).
public struct BankIndicator: Sendable, Hashable, Codable {
  /// Stable id, `theme.name` (`housing.cost_effort_rate`); never reused for another meaning.
  public var id: String
  public var kind: IndicatorKind
  /// A theme id of the bank (`housing`, `food`, `energy`...).
  public var theme: String
  /// Domain ids of the default scheme the indicator informs, the first one the main one.
  public var domains: [String]
  public var name: LocalizedText
  public var definition: LocalizedText
  /// A unit id of the bank (`%`, `people`, `EUR/month`...).
  public var unit: String
  public var direction: Direction
  /// How the figure is computed, in words.
  public var computation: LocalizedText
  /// For a rate: what is counted above the line.
  public var numerator: LocalizedText?
  /// For a rate: what is counted below the line.
  public var denominator: LocalizedText?
  /// Disaggregation ids (`sex`, `age_band`, `territory`, `household_type`).
  public var disaggregations: [String]
  /// The suggested source of the data.
  public var source: LocalizedText
  /// A collection method id of the bank (`survey`, `case_records`...).
  public var collectionMethod: String
  /// A frequency id of the bank (`monthly`, `yearly`, `entry_exit`...).
  public var frequency: String
  public var threshold: IndicatorThreshold?
  public var references: [IndicatorReference]?

  enum CodingKeys: String, CodingKey {
    case id, kind, theme, domains, name, definition, unit, direction, computation, numerator, denominator
    case disaggregations, source, threshold, references, frequency
    case collectionMethod = "collection_method"
  }
}
