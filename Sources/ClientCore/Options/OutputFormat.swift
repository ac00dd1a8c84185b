import ArgumentParser

/// How a command prints its answer.
enum OutputFormat: String, CaseIterable, Sendable, ExpressibleByArgument {
  /// Aligned columns for people.
  case table
  /// The response message as protobuf JSON (one compact object per line for streams).
  case json
  /// RFC 4180 CSV with a header row.
  case csv
}
