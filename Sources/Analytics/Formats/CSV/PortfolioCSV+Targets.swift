/// The `targets` column of the outcomes table: an outcome's targets per period, as
/// `period=value` pairs separated by `|` (`2026=40|2026-S1=20`), the value with the table's
/// decimal mark. The column is written only when some outcome has targets, so tables without
/// any are unchanged.
extension PortfolioCSV {
  /// The name of the outcomes table's targets column.
  public static let targetsColumn = "targets"

  /// The cell of `targets`.
  static func targetsCell(_ targets: [PeriodTarget], writer: CSVWriter) -> String {
    targets.map { "\($0.period)=\(writer.number($0.value))" }.joined(separator: "|")
  }
}

extension CSVRowFields {
  /// The targets of the row's `targets` cell; reports a pair that is not `period=number`.
  /// Periods are checked by ``Validator``, as in JSON.
  func targets() -> [PeriodTarget] {
    let name = PortfolioCSV.targetsColumn
    guard let text = string(name) else { return [] }
    var targets: [PeriodTarget] = []
    for pair in text.split(separator: "|", omittingEmptySubsequences: false) {
      let trimmed = String(pair).trimmingSpaces()
      guard let equals = trimmed.lastIndex(of: "="),
        let value = try? DecimalText.parse(
          String(trimmed[trimmed.index(after: equals)...]).trimmingSpaces(), decimalSeparator: table.decimalSeparator)
      else {
        report(
          "\(name) \"\(trimmed)\" must be period=value pairs separated by |, such as 2026=40|2026-S1=20",
          column: name, key: "format.csv.targets", values: ["text": trimmed])
        continue
      }
      targets.append(PeriodTarget(period: String(trimmed[..<equals]).trimmingSpaces(), value: value))
    }
    return targets
  }
}
