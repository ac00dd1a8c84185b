import Localization

/// The text of a progress line: what is moving, a bar when the total is known, how far it is,
/// the time left, the bytes and the rate, fitted to the terminal's width (the rate, then the
/// bytes, give way to a bar of at least 10 columns). Pure: the display (``ProgressDisplay``)
/// decides when and where to write it.
struct ProgressLine: Sendable {
  /// The catalogue key of what is moving (`transfer.import`, `transfer.export`).
  var activityKey: String
  var language: DisplayLanguage

  static let narrowestBar = 10
  static let widestBar = 30

  /// The line once `sent` projects are sent and the daemon commits them, cut to `width - 1`
  /// columns.
  func committing(sent: Int, width: Int) -> String {
    let l = language.localizer
    let text =
      l(activityKey) + "  "
      + l("transfer.committing", ["count": NumberStyle.fixed(Double(sent), places: 0, language: language)])
    return text.count < width ? text : String(text.prefix(max(width - 2, 1))) + "…"
  }

  /// The line after `done` of `total` projects (`total` nil when unknown, shown as about so
  /// many when `estimated`) and `bytes`, in `elapsed` seconds, at most `width - 1` columns wide
  /// (the last column stays free, so that a terminal never wraps it).
  func text(done: Int, total: Int?, estimated: Bool = false, bytes: Int64, elapsed: Double, width: Int) -> String {
    let l = language.localizer
    let count = { (value: Int) in NumberStyle.fixed(Double(value), places: 0, language: language) }
    let activity = l(activityKey)
    let ofKey = estimated ? "transfer.projects_of_about" : "transfer.projects_of"
    var head: [String] = []
    var fraction: Double?
    if let total, total > 0 {
      let done = min(done, total)
      fraction = Double(done) / Double(total)
      head.append(l(ofKey, ["done": count(done), "total": count(total)]))
      head.append(NumberStyle.percent.format(fraction ?? 0, language: language))
      if elapsed > 0.5, done > 0, done < total {
        head.append(l("transfer.left", ["time": Self.duration(elapsed * Double(total - done) / Double(done))]))
      }
    } else {
      head.append(l("transfer.projects", ["done": count(done)]))
    }
    var tail = [Self.bytes(bytes, language: language)]
    if elapsed > 0.5 { tail.append(l("transfer.rate", ["rate": count(Int((Double(done) / elapsed).rounded()))])) }
    let room = width - 1
    func line(_ tail: [String], bar: Int) -> String {
      var parts = [activity]
      if let fraction, bar > 0 {
        let filled = Int((Double(bar) * fraction).rounded(.down))
        parts.append("[" + String(repeating: "#", count: filled) + String(repeating: "-", count: bar - filled) + "]")
      }
      return (parts + head + tail).joined(separator: "  ")
    }
    // The widest bar that fits with every part, then without the rate, then without the bytes.
    // The room is measured on the longest these parts get (the total's digits, an hour left,
    // gigabytes), so that the bar keeps its width while the numbers grow; an estimated total
    // wanders around the true one (99 959, 100 054, 99 985), so it is measured 10 % larger, and
    // keeps its digits when it crosses a power of ten.
    if fraction != nil, let total {
      let widest = estimated ? total.addingReportingOverflow(total / 10).partialValue : total
      let longest =
        [
          activity, l(ofKey, ["done": count(widest), "total": count(widest)]), "100.0 %",
          l("transfer.left", ["time": "59 min 59 s"]),
        ]
        + [Self.bytes(999_900_000, language: language), l("transfer.rate", ["rate": count(999_999)])]
      for kept in stride(from: tail.count, through: 0, by: -1) {
        let without = longest.prefix(4 + kept).joined(separator: "  ").count
        let bar = min(Self.widestBar, room - without - 4)
        if bar >= Self.narrowestBar { return line(Array(tail.prefix(kept)), bar: bar) }
      }
    }
    // No bar fits: the line without one, giving up the rate then the bytes, cut as a last resort.
    for kept in stride(from: tail.count, through: 0, by: -1) {
      let plain = line(Array(tail.prefix(kept)), bar: 0)
      if plain.count <= room { return plain }
    }
    return String(line([], bar: 0).prefix(max(0, room)))
  }

  /// `seconds` as `42 s`, `3 min 05 s` or `1 h 02 min`.
  static func duration(_ seconds: Double) -> String {
    let total = Int(seconds.rounded(.up))
    if total < 60 { return "\(total) s" }
    if total < 3600 { return "\(total / 60) min " + twoDigits(total % 60) + " s" }
    return "\(total / 3600) h " + twoDigits(total / 60 % 60) + " min"
  }

  /// `bytes` in kB, MB or GB (powers of 1000, as file managers show them).
  static func bytes(_ bytes: Int64, language: DisplayLanguage) -> String {
    let value = Double(bytes)
    let unit = language == .fr ? ["o", "ko", "Mo", "Go"] : ["B", "kB", "MB", "GB"]
    if value < 1_000 { return "\(bytes) \(unit[0])" }
    if value < 1_000_000 { return NumberStyle.fixed(value / 1e3, places: 0, language: language) + " " + unit[1] }
    if value < 1_000_000_000 { return NumberStyle.fixed(value / 1e6, places: 1, language: language) + " " + unit[2] }
    return NumberStyle.fixed(value / 1e9, places: 2, language: language) + " " + unit[3]
  }

  private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
