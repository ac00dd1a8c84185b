/// Maps values of a domain to positions of a range linearly, with "nice" ticks (steps of 1, 2
/// or 5 times a power of ten) so that axes read as round numbers.
public struct LinearScale: Sendable, Equatable {
  /// The values' interval, low to high.
  public var domain: ClosedRange<Double>
  /// The positions' interval (may run high to low, as an SVG y axis does).
  public var range: (Double, Double)

  /// A scale over `domain` onto `range`. An empty domain (every value equal, or no value) is
  /// widened so that a position is still defined: `0...1` around 0, `v-1...v+1` otherwise.
  public init(domain: ClosedRange<Double>, range: (Double, Double)) {
    if domain.lowerBound == domain.upperBound {
      let value = domain.lowerBound
      self.domain = value == 0 ? 0...1 : (value > 0 ? 0...value : value...0)
    } else {
      self.domain = domain
    }
    self.range = range
  }

  /// The scale over the values' extent, always including 0 (bars grow from 0), widened to
  /// round ticks.
  public static func including0(_ values: [Double], range: (Double, Double), tickCount: Int = 5) -> LinearScale {
    let finite = values.filter(\.isFinite)
    let low = min(0, finite.min() ?? 0)
    let high = max(0, finite.max() ?? 0)
    return LinearScale(domain: low...high, range: range).nice(tickCount: tickCount)
  }

  public static func == (left: LinearScale, right: LinearScale) -> Bool {
    left.domain == right.domain && left.range == right.range
  }

  /// The position of `value` (values outside the domain extrapolate).
  public func position(_ value: Double) -> Double {
    let span = domain.upperBound - domain.lowerBound
    let fraction = (value - domain.lowerBound) / span
    return range.0 + fraction * (range.1 - range.0)
  }

  /// The position of `value` clamped to the range.
  public func clampedPosition(_ value: Double) -> Double {
    position(min(max(value, domain.lowerBound), domain.upperBound))
  }

  /// The step of about `count` ticks over the domain: 1, 2 or 5 times a power of ten.
  public func tickStep(count: Int) -> Double {
    Self.niceStep(span: domain.upperBound - domain.lowerBound, count: count)
  }

  /// Round values within the domain, about `count` of them, low to high.
  public func ticks(count: Int = 5) -> [Double] {
    let step = tickStep(count: count)
    guard step > 0, step.isFinite else { return [domain.lowerBound] }
    let first = (domain.lowerBound / step).rounded(.up)
    let last = (domain.upperBound / step).rounded(.down)
    guard first <= last else { return [] }
    // Rounded to the step's decimals: 3 × 0.2 is 0.6000000000000001 in binary, and -0 prints badly.
    var power = 1.0
    while step * power < 1, power < 1e12 { power *= 10 }
    return stride(from: first, through: last, by: 1).map { index in
      let value = (index * step * power).rounded() / power
      return value == 0 ? 0 : value
    }
  }

  /// The scale with its domain widened to whole steps, so the axis ends on a tick.
  public func nice(tickCount: Int = 5) -> LinearScale {
    let step = tickStep(count: tickCount)
    guard step > 0, step.isFinite else { return self }
    let low = (domain.lowerBound / step).rounded(.down) * step
    let high = (domain.upperBound / step).rounded(.up) * step
    return LinearScale(domain: low...high, range: range)
  }

  /// 1, 2 or 5 times a power of ten, the nearest to `span / count`.
  static func niceStep(span: Double, count: Int) -> Double {
    guard span > 0, span.isFinite, count > 0 else { return 1 }
    let raw = span / Double(count)
    var power = 1.0
    while power * 10 <= raw { power *= 10 }
    while power > raw { power /= 10 }
    let fraction = raw / power
    let multiplier: Double = fraction < 1.5 ? 1 : fraction < 3.5 ? 2 : fraction < 7.5 ? 5 : 10
    return multiplier * power
  }
}
