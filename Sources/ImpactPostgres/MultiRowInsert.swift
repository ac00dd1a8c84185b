import PostgresNIO

/// One `INSERT … VALUES (…), (…)` statement for a few rows at once, with every value bound
/// (`$1`, `$2`, …): the migration's copy of each table in batches, and a change's few rows of
/// rating history (a large import's go in with `COPY`).
struct MultiRowInsert {
  /// The statement.
  let sql: String
  /// Its values, row after row.
  let bindings: PostgresBindings

  /// The statement for `rows` rows of `columns` into `table`; `bind` appends row `index`'s
  /// values, one per column, in the columns' order.
  init(
    into table: String, columns: [String], rows: Int, bind: (_ index: Int, inout PostgresBindings) throws -> Void
  ) rethrows {
    var bindings = PostgresBindings(capacity: rows * columns.count)
    var tuples: [String] = []
    tuples.reserveCapacity(rows)
    for index in 0..<rows {
      let first = bindings.count + 1
      try bind(index, &bindings)
      precondition(bindings.count == first - 1 + columns.count, "one value per column")
      tuples.append("(" + (first..<first + columns.count).map { "$\($0)" }.joined(separator: ", ") + ")")
    }
    self.sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES \(tuples.joined(separator: ", "))"
    self.bindings = bindings
  }
}
