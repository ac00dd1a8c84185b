/// A part of a command's human or CSV output.
enum Section: Sendable {
  /// A table, aligned for people and RFC 4180 in CSV.
  case table(Table)
  /// Free text for people; `csv`, when given, is what CSV output carries instead.
  case text(String, csv: Table? = nil)
}
