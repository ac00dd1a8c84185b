/// A rule of the method's inputs a project must follow, by its stable code
/// (`threshold_direction`, `share_sum`, ...). Codes are part of the published formats.
///
/// A struct rather than an enum so rules can be added without breaking callers that switch.
public struct ValidationRule: Sendable, Hashable, CustomStringConvertible {
  /// The snake_case code written in messages and documented in `docs/formats.md`.
  public let code: String

  private init(_ code: String) {
    self.code = code
  }

  public var description: String { code }

  /// An id (project, outcome, rater) is not 1–64 letters, digits, `-`, `_`, `.`.
  public static let invalidID = ValidationRule("invalid_id")
  /// The project's name is empty.
  public static let nameRequired = ValidationRule("name_required")
  /// A number is NaN or infinite.
  public static let nonFiniteNumber = ValidationRule("non_finite_number")
  /// The amount is below 0.
  public static let amountRange = ValidationRule("amount_range")
  /// `evidence_level` is not 1–5.
  public static let evidenceLevelRange = ValidationRule("evidence_level_range")
  /// A risk names a type the scheme does not have.
  public static let unknownRiskType = ValidationRule("unknown_risk_type")
  /// A risk value is not 0–3.
  public static let riskValueRange = ValidationRule("risk_value_range")
  /// More risks than the scheme has risk types.
  public static let tooManyRisks = ValidationRule("too_many_risks")
  /// A rating names a criterion the scheme does not have.
  public static let unknownCriterion = ValidationRule("unknown_criterion")
  /// A rating value is outside [0, 4].
  public static let ratingValueRange = ValidationRule("rating_value_range")
  /// Two ratings of the project share a (criterion, rater).
  public static let duplicateRating = ValidationRule("duplicate_rating")
  /// The project has no outcome or more than 20.
  public static let outcomeCount = ValidationRule("outcome_count")
  /// Two outcomes of the project share an id.
  public static let duplicateOutcome = ValidationRule("duplicate_outcome")
  /// An outcome names a domain the scheme does not have.
  public static let unknownDomain = ValidationRule("unknown_domain")
  /// A share is outside [0, 1].
  public static let shareRange = ValidationRule("share_range")
  /// Some outcomes of the project have a share and others do not.
  public static let sharePartial = ValidationRule("share_partial")
  /// The shares of the project do not sum to 1 ± 1e-6.
  public static let shareSum = ValidationRule("share_sum")
  /// An indicator has a baseline or threshold but no direction.
  public static let directionRequired = ValidationRule("direction_required")
  /// The threshold does not lie strictly beyond the baseline in the direction of improvement.
  public static let thresholdDirection = ValidationRule("threshold_direction")
  /// A survey share is outside [0, 1].
  public static let surveyShareRange = ValidationRule("survey_share_range")
  /// The survey shares sum to more than 1.
  public static let surveySum = ValidationRule("survey_sum")
  /// `reach` is below 0.
  public static let reachRange = ValidationRule("reach_range")
  /// `duration_years` is not 0–50.
  public static let durationRange = ValidationRule("duration_range")
  /// `drop_off`, `deadweight`, `attribution` or `displacement` is outside [0, 1].
  public static let fractionRange = ValidationRule("fraction_range")
  /// `financial_proxy` is below 0.
  public static let financialProxyRange = ValidationRule("financial_proxy_range")
  /// `extra` is not exactly one JSON value.
  public static let extraNotJSON = ValidationRule("extra_not_json")
  /// A text holds the NUL character (U+0000), which SQLite text cannot keep: the store would
  /// silently cut it there.
  public static let textContainsNUL = ValidationRule("text_contains_nul")
  /// A text is longer than its field's limit (``TextLimits``); the message names the field,
  /// the length and the limit.
  public static let textTooLong = ValidationRule("text_too_long")
  /// A text holds a control character, DEL, a C1 control or a bidirectional override
  /// (``TextLimits/isForbidden(_:)``); the message names the field, the character and where.
  public static let textControlCharacter = ValidationRule("text_control_character")
  /// The project has more ratings than ``Validator/maximumRatings``.
  public static let tooManyRatings = ValidationRule("too_many_ratings")
  /// Two projects of a batch share an id.
  public static let duplicateProject = ValidationRule("duplicate_project")
  /// The document's scheme breaks a scheme rule (the message names it).
  public static let invalidScheme = ValidationRule("invalid_scheme")
  /// A rater id is not 1–64 letters (any alphabet, accents included), digits, `-`, `_`, `.`.
  public static let invalidRater = ValidationRule("invalid_rater")
  /// An observation's period is none of the forms of ``ObservationPeriod``.
  public static let observationPeriod = ValidationRule("observation_period")
  /// An observed percentage lies outside 0–100; recorded only when the caller insists.
  public static let observationPercentRange = ValidationRule("observation_percent_range")
  /// An observed value is negative while its indicator's baseline, threshold and target are
  /// not (a count of people, hours, tonnes); recorded only when the caller insists.
  public static let observationNegative = ValidationRule("observation_negative")
  /// An observation's period starts after today (UTC): usually a typing slip (`2031` for
  /// `2021`); recorded only when the caller insists, as an out-of-range value is.
  public static let observationFuturePeriod = ValidationRule("observation_future_period")
  /// A period target's period is none of the forms of ``Period``.
  public static let targetPeriod = ValidationRule("target_period")
  /// Two targets of an outcome name the same period.
  public static let duplicateTargetPeriod = ValidationRule("duplicate_target_period")
  /// An outcome's `indicator_id` is not an indicator of the bank (``IndicatorBank``).
  public static let unknownIndicator = ValidationRule("unknown_indicator")
  /// An outcome's `unit` does not name its bank indicator's unit.
  public static let indicatorUnit = ValidationRule("indicator_unit")
  /// An outcome's `direction` is not its bank indicator's.
  public static let indicatorDirection = ValidationRule("indicator_direction")
  /// An outcome's `impact_id` names no impact of the organisation's framework.
  public static let unknownImpact = ValidationRule("unknown_impact")

  /// Every rule, in the order `docs/formats.md` lists them.
  public static let all: [ValidationRule] = [
    .invalidID, .nameRequired, .nonFiniteNumber, .amountRange, .evidenceLevelRange,
    .unknownRiskType,
    .riskValueRange, .tooManyRisks, .unknownCriterion, .ratingValueRange, .duplicateRating,
    .outcomeCount,
    .duplicateOutcome, .unknownDomain, .shareRange, .sharePartial, .shareSum, .directionRequired,
    .thresholdDirection, .surveyShareRange, .surveySum, .reachRange, .durationRange, .fractionRange,
    .financialProxyRange, .extraNotJSON, .duplicateProject, .invalidScheme, .textContainsNUL,
    .invalidRater, .observationPeriod, .observationPercentRange, .observationNegative,
    .observationFuturePeriod, .textTooLong, .textControlCharacter, .tooManyRatings, .targetPeriod,
    .duplicateTargetPeriod, .unknownIndicator, .indicatorUnit, .indicatorDirection, .unknownImpact,
  ]
}
