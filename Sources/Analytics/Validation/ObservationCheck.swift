public import Foundation

/// The rules an indicator observation follows before it is recorded: its period is one of the
/// forms of ``ObservationPeriod``, and its value lies in the indicator's plausible range.
///
/// A percentage (unit `%`) lies in 0–100. A value of an indicator whose baseline, threshold and
/// target are not negative (people, hours, tonnes) is not negative either. A value outside its
/// range is usually a typing slip (`-4` for `4`, `335` for `33,5`), so it is refused unless the
/// caller insists (`acceptOutOfRange`): a genuine outlier can still be recorded. So is a period
/// that starts after today in UTC (`2031` for `2021`): a forecast can still be recorded.
///
/// ```swift
/// let issues = ObservationCheck(projectID: "p1", outcome: outcome).issues(value: 33.5, period: "2026-Q3")
/// ```
public struct ObservationCheck: Sendable {
  /// Units that say the indicator is a percentage, compared ignoring case and accents.
  public static let percentUnits: Set<String> = ["%", "pourcent", "pourcentage", "percent", "percentage", "per cent"]

  public var projectID: String
  public var outcome: Outcome
  public var acceptOutOfRange: Bool
  /// The moment periods are compared with: a period starting after its day (UTC) is refused.
  public var now: Date

  public init(projectID: String, outcome: Outcome, acceptOutOfRange: Bool = false, now: Date = Date()) {
    self.projectID = projectID
    self.outcome = outcome
    self.acceptOutOfRange = acceptOutOfRange
    self.now = now
  }

  /// Whether the outcome's indicator is a percentage.
  public var isPercentage: Bool {
    outcome.unit.map { Self.percentUnits.contains(SearchKey($0).text) } ?? false
  }

  /// The range the indicator's values plausibly lie in; nil when any value is plausible.
  public var plausibleRange: ClosedRange<Double>? {
    if isPercentage { return 0...100 }
    let references = [outcome.baseline, outcome.threshold, outcome.target].compactMap { $0 }
    return references.allSatisfy { $0 >= 0 } ? 0...Double.greatestFiniteMagnitude : nil
  }

  /// Every rule `value` and `period` break; empty when the observation may be recorded.
  public func issues(value: Double, period: String) -> [ValidationIssue] {
    var issues: [ValidationIssue] = []
    let owner = "project \(projectID), outcome \(outcome.id)"
    let base = "projects[\(projectID)].outcomes[\(outcome.id)]"
    if !ObservationPeriod.isValid(period) {
      let rule = ValidationRule.observationPeriod
      issues.append(
        ValidationIssue(
          path: "\(base).period", projectID: projectID, outcomeID: outcome.id, field: "period", rule: rule,
          message:
            "\(owner): period \(Validator.quoted(period)) is not one of the accepted forms \(ObservationPeriod.acceptedForms) (rule \(rule.code))",
          values: ["value": period, "allowed": ObservationPeriod.acceptedForms]))
    }
    if !acceptOutOfRange, let start = ObservationPeriod.startDay(period), start > ObservationPeriod.day(of: now) {
      let rule = ValidationRule.observationFuturePeriod
      let canonical = ObservationPeriod.canonical(period) ?? period
      issues.append(
        ValidationIssue(
          path: "\(base).period", projectID: projectID, outcomeID: outcome.id, field: "period", rule: rule,
          message:
            "\(owner): period \(Validator.quoted(canonical)) starts after today; record it anyway with accept_out_of_range (impact observe --force) (rule \(rule.code))",
          values: ["value": canonical]))
    }
    if !acceptOutOfRange, value.isFinite, let range = plausibleRange, !range.contains(value) {
      let (rule, requirement) =
        isPercentage
        ? (ValidationRule.observationPercentRange, "a percentage between 0 and 100")
        : (ValidationRule.observationNegative, "at least 0, as its baseline, threshold and target are")
      issues.append(
        ValidationIssue(
          path: "\(base).value", projectID: projectID, outcomeID: outcome.id, field: "value", rule: rule,
          message:
            "\(owner): value \(Validator.text(value)) must be \(requirement); record it anyway with accept_out_of_range (impact observe --force) (rule \(rule.code))",
          values: ["value": Validator.text(value), "unit": outcome.unit ?? ""]))
    }
    return issues
  }
}
