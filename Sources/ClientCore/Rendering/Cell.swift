import Localization

/// One value of a table: the text people see and the text CSV carries.
struct Cell: Sendable, ExpressibleByStringLiteral {
  var display: String
  var csv: String

  init(_ text: String) {
    display = text
    csv = text
  }

  init(stringLiteral value: String) { self.init(value) }

  init(display: String, csv: String) {
    self.display = display
    self.csv = csv
  }

  /// A number shown in `style`; an absent number shows as `–` and is empty in CSV.
  init(_ value: Double?, _ style: NumberStyle, language: DisplayLanguage) {
    guard let value else {
      display = "–"
      csv = ""
      return
    }
    display = style.format(value, language: language)
    csv = NumberStyle.raw(value)
  }

  init(_ value: Int64) {
    display = String(value)
    csv = String(value)
  }

  /// A yes/no in the reader's language; CSV keeps `true`/`false`. With `blankWhenFalse` a
  /// table shows only the yeses, for a column where they are the exception.
  init(_ value: Bool, _ l: Localizer, blankWhenFalse: Bool = false) {
    display = value ? l("common.yes") : blankWhenFalse ? "" : l("common.no")
    csv = value ? "true" : "false"
  }
}
