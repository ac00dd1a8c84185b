/// Whether an observed value is plausible for its indicator's unit: a percentage lies in
/// 0–100; a count (people, hours, tonnes: an indicator whose baseline, threshold and target
/// are not negative) is not negative. The reason names the rule, for the caller's catalogue.
///
/// The rule is ``ObservationCheck``'s (which refuses at recording time unless forced); this is
/// its pure form for one value.
public enum PlausibleRange {
  /// Why a value is implausible.
  public enum Reason: String, Sendable, Hashable, Codable {
    /// A percentage outside 0–100.
    case percentageOutOfRange = "percentage_out_of_range"
    /// A negative value of an indicator that counts.
    case negativeCount = "negative_count"
    /// Not a finite number.
    case notFinite = "not_finite"
  }

  /// The reason `value` is implausible for `outcome`'s indicator; `nil` when it is plausible.
  public static func check(_ value: Double, for outcome: Outcome) -> Reason? {
    guard value.isFinite else { return .notFinite }
    let check = ObservationCheck(projectID: "", outcome: outcome)
    guard let range = check.plausibleRange, !range.contains(value) else { return nil }
    return check.isPercentage ? .percentageOutOfRange : .negativeCount
  }
}
