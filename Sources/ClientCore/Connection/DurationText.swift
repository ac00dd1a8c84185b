import Foundation

/// A duration as people write it on a command line: `90`, `90s`, `5m`, `1h`, `1.5h`.
enum DurationText {
  /// The duration of `text`, nil when it is not a non-negative number of seconds, minutes or
  /// hours.
  static func parse(_ text: String) -> Duration? {
    let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
    let units: [(suffix: String, seconds: Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
    var number = Substring(trimmed)
    var scale = 1.0
    for unit in units where trimmed.hasSuffix(unit.suffix) {
      number = trimmed.dropLast(unit.suffix.count)
      scale = unit.seconds
      break
    }
    guard !number.isEmpty, number.allSatisfy({ $0.isNumber || $0 == "." }), let value = Double(number),
      value.isFinite, value >= 0, value * scale < 1e9
    else { return nil }
    return .milliseconds(Int64((value * scale * 1000).rounded()))
  }
}
