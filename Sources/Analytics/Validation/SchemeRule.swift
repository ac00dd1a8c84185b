/// A rule a scheme must follow, by its stable code (`weights_sum`, `blend_range`, ...).
///
/// A struct rather than an enum so rules can be added without breaking callers that switch.
public struct SchemeRule: Sendable, Hashable, CustomStringConvertible {
  /// The snake_case code written in messages and documented in `docs/formats.md`.
  public let code: String

  private init(_ code: String) {
    self.code = code
  }

  public var description: String { code }

  /// An id (scheme, domain, criterion, risk type) is not 1–64 letters, digits, `-`, `_`, `.`.
  public static let invalidID = SchemeRule("invalid_id")
  /// Two domains, two criteria or two risk types share an id.
  public static let duplicateID = SchemeRule("duplicate_id")
  /// The scheme has no domain.
  public static let noDomain = SchemeRule("no_domain")
  /// The scheme has no criterion.
  public static let noCriterion = SchemeRule("no_criterion")
  /// A weight is outside [0, 1] or not a number.
  public static let weightRange = SchemeRule("weight_range")
  /// The weights of a group (quantitative dimensions, criteria) do not sum to 1 ± 1e-9.
  public static let weightsSum = SchemeRule("weights_sum")
  /// There are not exactly five evidence factors.
  public static let evidenceFactorCount = SchemeRule("evidence_factor_count")
  /// An evidence factor is outside (0, 1].
  public static let evidenceFactorRange = SchemeRule("evidence_factor_range")
  /// A rubric level is not one of 0, 1, 2, 3, 4.
  public static let levelRange = SchemeRule("level_range")
  /// The blend α is outside [0, 1].
  public static let blendRange = SchemeRule("blend_range")
  /// `reach_reference` is not a finite number above 0.
  public static let reachReferenceRange = SchemeRule("reach_reference_range")
  /// `duration_horizon_years` is not a finite number above 0.
  public static let durationHorizonRange = SchemeRule("duration_horizon_range")
  /// `unknown_risk` is outside the risk scale [0, 3].
  public static let unknownRiskRange = SchemeRule("unknown_risk_range")
  /// `coverage_threshold` or `insufficient_data_below` is outside [0, 1].
  public static let thresholdRange = SchemeRule("threshold_range")
  /// `discount_rate` is outside (−1, 1).
  public static let discountRateRange = SchemeRule("discount_rate_range")

  /// A label or a rubric text is longer than ``TextLimits/label`` or ``TextLimits/levelText``.
  public static let textTooLong = SchemeRule("text_too_long")
  /// A label or a rubric text holds a control character or a bidirectional override.
  public static let textControlCharacter = SchemeRule("text_control_character")
  /// More criteria, domains or risk types than ``Scheme/maximumEntries``.
  public static let tooManyEntries = SchemeRule("too_many_entries")

  /// Every rule, in the order `docs/formats.md` lists them.
  public static let all: [SchemeRule] = [
    .invalidID, .duplicateID, .noDomain, .noCriterion, .weightRange, .weightsSum,
    .evidenceFactorCount, .evidenceFactorRange, .levelRange, .blendRange, .reachReferenceRange,
    .durationHorizonRange, .unknownRiskRange, .thresholdRange, .discountRateRange, .textTooLong,
    .textControlCharacter, .tooManyEntries,
  ]
}
