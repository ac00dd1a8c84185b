// The English catalogue. Keep the same keys, in the same order, as Catalogue+French.swift;
// each area has its own MARK so that texts of one command stay together.

extension Catalogue {
  static let english: [String: String] = [
    // MARK: common words
    "common.yes": "yes",
    "common.no": "no",
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
