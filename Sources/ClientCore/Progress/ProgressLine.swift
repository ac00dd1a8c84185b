import Localization

/// The text of a progress line: what is moving, how far it is (a bar when the total is known),
/// the bytes, the rate and the time left, cut to the terminal's width. Pure: the display
/// (``ProgressDisplay``) decides when and where to write it.
struct ProgressLine: Sendable {
  /// The catalogue key of what is moving (`transfer.import`, `transfer.export`).
  var activityKey: String
  var language: DisplayLanguage

  /// The line after `done` of `total` projects (`total` nil when unknown) and `bytes`, in
  /// `elapsed` seconds, at most `width` columns wide.
  func text(done: Int, total: Int?, bytes: Int64, elapsed: Double, width: Int) -> String {
    let l = language.localizer
    let count = { (value: Int) in NumberStyle.fixed(Double(value), places: 0, language: language) }
    var parts = [l(activityKey)]
    var bar: String?
    if let total, total > 0 {
      let fraction = min(1, Double(done) / Double(total))
      parts.append(l("transfer.projects_of", ["done": count(done), "total": count(total)]))
      parts.append(NumberStyle.percent.format(fraction, language: language))
      bar = ""
      if elapsed > 0.5, done > 0, done < total {
        let left = elapsed * Double(total - done) / Double(done)
        parts.append(l("transfer.left", ["time": Self.duration(left)]))
      }
      // The bar takes what is left of the line, between 10 and 40 columns.
      let fixed = parts.joined(separator: "  ").count + 2 + 2
      let room = min(40, width - fixed - 2 - 30)
      if room >= 10 {
        let filled = Int((Double(room) * fraction).rounded(.down))
        bar = "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: room - filled) + "]"
      } else {
        bar = nil
      }
    } else {
      parts.append(l("transfer.projects", ["done": count(done)]))
    }
    parts.append(Self.bytes(bytes, language: language))
    if elapsed > 0.5 {
      parts.append(l("transfer.rate", ["rate": count(Int((Double(done) / elapsed).rounded()))]))
    }
    if let bar { parts.insert(bar, at: 1) }
    let line = parts.joined(separator: "  ")
    return line.count <= width - 1 ? line : String(line.prefix(max(0, width - 1)))
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
