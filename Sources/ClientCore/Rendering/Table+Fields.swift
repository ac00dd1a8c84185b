extension Table {
  /// A two-column list of named values whose names people read in their language while CSV
  /// keeps them stable: `field,value` rows such as `composite,68.2` whatever `--lang` says.
  ///
  ///     Table.fields(title: l("score.title"), [("composite", l("label.composite"), cell)])
  static func fields(title: String? = nil, _ rows: [(name: String, label: String, value: Cell)]) -> Table {
    var table = Table(title: title, columns: [.text("field"), .text("value", truncatable: true)])
    table.rows = rows.map { [Cell(display: $0.label, csv: $0.name), $0.value] }
    table.showsHeader = false
    return table
  }
}
