public import Foundation

/// One recorded value of an outcome's indicator, as progress reads it.
public struct ProgressObservation: Sendable, Hashable {
  public var value: Double
  /// The period the value describes, as recorded (a ``Period`` text, or empty).
  public var period: String
  public var source: String?
  public var recordedBy: String
  public var recordedAt: Date
  /// The revision that recorded it, when known.
  public var revision: Int64?
  /// Whether it lay outside its indicator's plausible range and was recorded anyway.
  public var forced: Bool

  public init(
    value: Double, period: String, source: String? = nil, recordedBy: String, recordedAt: Date,
    revision: Int64? = nil, forced: Bool = false
  ) {
    self.value = value
    self.period = period
    self.source = source
    self.recordedBy = recordedBy
    self.recordedAt = recordedAt
    self.revision = revision
    self.forced = forced
  }
}

/// Where a period's target comes from.
public enum TargetSource: String, Sendable, Hashable, Codable {
  /// The outcome's target for that very period (`targets`).
  case period
  /// The outcome's single `target`, for a period that has none of its own.
  case outcome
  case none
}

/// An outcome's progress in one period.
public struct PeriodProgress: Sendable, Hashable {
  /// The canonical period; empty for the observations recorded without a (valid) period.
  public var period: String
  public var target: Double?
  public var targetSource: TargetSource
  /// The observations whose period lies within this one, oldest recording first.
  public var observations: [ProgressObservation]
  /// The last recorded of `observations`.
  public var latest: ProgressObservation?
  /// (latest − baseline) / (target − baseline), not clamped (1 is the target reached);
  /// `nil` without a baseline, a target different from it, or an observation.
  public var progress: Double?

  public init(
    period: String, target: Double?, targetSource: TargetSource, observations: [ProgressObservation],
    latest: ProgressObservation?, progress: Double?
  ) {
    self.period = period
    self.target = target
    self.targetSource = targetSource
    self.observations = observations
    self.latest = latest
    self.progress = progress
  }
}

/// An outcome's progress to its targets (`impact progress ID`): per period, the target, the
/// observations, the latest value and the progress to target; and overall, the latest value
/// against the single `target`.
public struct OutcomeProgress: Sendable, Hashable {
  public var outcomeID: String
  public var indicator: String?
  public var unit: String?
  public var direction: Direction?
  public var baseline: Double?
  /// The outcome's single target.
  public var target: Double?
  /// One entry per period that has a target or an observation, in ``Period`` order; the
  /// observations without a period last.
  public var periods: [PeriodProgress]
  /// The last recorded observation of the outcome, whatever its period.
  public var latest: ProgressObservation?
  /// The latest value's progress to the single target.
  public var progress: Double?

  public init(
    outcomeID: String, indicator: String?, unit: String?, direction: Direction?, baseline: Double?, target: Double?,
    periods: [PeriodProgress], latest: ProgressObservation?, progress: Double?
  ) {
    self.outcomeID = outcomeID
    self.indicator = indicator
    self.unit = unit
    self.direction = direction
    self.baseline = baseline
    self.target = target
    self.periods = periods
    self.latest = latest
    self.progress = progress
  }

  /// The progress of `outcome` from its `observations` (in any order; recording time then
  /// given order breaks ties).
  ///
  /// A period's observations are those whose period lies within it (the quarters of a year
  /// count towards the year's target); a period without a target of its own is measured
  /// against the outcome's single target.
  public init(outcome: Outcome, observations: [ProgressObservation]) {
    let ordered = observations.enumerated().sorted { lhs, rhs in
      lhs.element.recordedAt != rhs.element.recordedAt
        ? lhs.element.recordedAt < rhs.element.recordedAt : lhs.offset < rhs.offset
    }.map(\.element)
    let parsed = ordered.map { Period.parse($0.period) }

    var periods: [Period] = []
    var targets: [Period: Double] = [:]
    for target in outcome.targets {
      guard let period = Period.parse(target.period) else { continue }
      if targets[period] == nil { periods.append(period) }
      targets[period] = target.value
    }
    for period in parsed.compactMap({ $0 }) where !periods.contains(period) { periods.append(period) }
    periods.sort()

    func progress(_ value: Double?, _ target: Double?) -> Double? {
      guard let value, let target, let baseline = outcome.baseline, target != baseline else { return nil }
      return (value - baseline) / (target - baseline)
    }

    var rows: [PeriodProgress] = periods.map { period in
      let within = zip(ordered, parsed).filter { $0.1.map(period.contains) ?? false }.map(\.0)
      let own = targets[period]
      let target = own ?? outcome.target
      return PeriodProgress(
        period: period.text, target: target,
        targetSource: own != nil ? .period : (target != nil ? .outcome : .none),
        observations: within, latest: within.last, progress: progress(within.last?.value, target))
    }
    let loose = zip(ordered, parsed).filter { $0.1 == nil }.map(\.0)
    if !loose.isEmpty {
      rows.append(
        PeriodProgress(
          period: "", target: outcome.target, targetSource: outcome.target != nil ? .outcome : .none,
          observations: loose, latest: loose.last, progress: progress(loose.last?.value, outcome.target)))
    }
    self.init(
      outcomeID: outcome.id, indicator: outcome.indicator, unit: outcome.unit, direction: outcome.direction,
      baseline: outcome.baseline, target: outcome.target, periods: rows, latest: ordered.last,
      progress: progress(ordered.last?.value, outcome.target))
  }

  /// The progress of every outcome of `project`, in its order, from the observations of each
  /// outcome by outcome id.
  public static func of(_ project: Project, observations: [String: [ProgressObservation]]) -> [OutcomeProgress] {
    project.outcomes.map { OutcomeProgress(outcome: $0, observations: observations[$0.id] ?? []) }
  }
}
