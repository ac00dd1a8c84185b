// Le catalogue français. Mêmes clés, dans le même ordre, que Catalogue+English.swift.

extension Catalogue {
  static let french: [String: String] = [
    // MARK: common words
    "common.yes": "oui",
    "common.no": "non",
    "common.absent": "–",


    // MARK: connection, status, watch, impactd (connection-monitoring)

    // MARK: import, export, scores (import-safety)

    // MARK: Excel and CSV files (excel-csv)

    // MARK: tables, compare, what-if, scheme (tables)

    // MARK: filters, find, observations (filters-observations)

    // MARK: labels and errors of every command (french)

    // MARK: errors sent by the daemon (daemon-errors)
  ]
}
