/// The scores of one outcome: its four dimensions on 0–4, its quantitative score, completeness
/// and classes, and the figures shown beside them.
///
/// A dimension is `nil` when the inputs it needs are absent; it then counts 0 in the
/// quantitative score and its weight is missing from the completeness.
public struct OutcomeScore: Sendable, Hashable {
  public var id: String
  public var domain: String
  /// The domain's position in `Scheme.domains`; `nil` when the scheme has no such domain.
  public var domainIndex: Int?
  /// The outcome's effective share of the project's focus.
  public var share: Double
  /// S = 4 · min(1, log10(1 + reach) / log10(1 + N_ref)).
  public var scale: Double?
  /// D = 4 · clamp(g, 0, 1), or 4 · (very_much + 0.5 · slightly) from a survey.
  public var depth: Double?
  /// U = 4 · min(1, Σ (1 − drop_off)^t / H).
  public var duration: Double?
  /// C = 4 · (1 − deadweight)(1 − attribution)(1 − displacement).
  public var contribution: Double?
  /// Q_o = 25 · Σ w_k · s_k, 0–100.
  public var quantitative: Double
  /// c_o = Σ of the weights of the present dimensions, 0–1.
  public var completeness: Double
  /// The class of the depth (an absent depth counts 0).
  public var depthClass: DepthClass
  public var outcomeClass: ImpactClass
  /// g = (actual − baseline) / (threshold − baseline), not clamped.
  public var gapClosed: Double?
  /// (actual − baseline) / (target − baseline), not clamped.
  public var progressToTarget: Double?
  /// The present value of the outcome's social value (SROI), when it qualifies.
  public var socialValue: Double?

  public init(
    id: String,
    domain: String,
    domainIndex: Int?,
    share: Double,
    scale: Double?,
    depth: Double?,
    duration: Double?,
    contribution: Double?,
    quantitative: Double,
    completeness: Double,
    depthClass: DepthClass,
    outcomeClass: ImpactClass,
    gapClosed: Double?,
    progressToTarget: Double?,
    socialValue: Double?
  ) {
    self.id = id
    self.domain = domain
    self.domainIndex = domainIndex
    self.share = share
    self.scale = scale
    self.depth = depth
    self.duration = duration
    self.contribution = contribution
    self.quantitative = quantitative
    self.completeness = completeness
    self.depthClass = depthClass
    self.outcomeClass = outcomeClass
    self.gapClosed = gapClosed
    self.progressToTarget = progressToTarget
    self.socialValue = socialValue
  }
}
