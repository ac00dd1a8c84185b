import Analytics
import Foundation
import ImpactAPI

/// The files given to `impact import`, as the source of an import request: one JSON
/// `impact-portfolio/1` document, or CSV tables recognised by name (`projects*.csv`,
/// `outcomes*.csv`, `ratings*.csv`, and `export*.csv`, the revision they were exported at)
/// or, failing that, by their header row.
enum PortfolioFiles {
  /// The CSV tables a header row or file name can say a file holds.
  enum CSVTableKind: String, CaseIterable {
    case projects, outcomes, ratings, export
  }

  /// What the `export.csv` table among `paths` says, when there is one: the revision and
  /// time of the export. Nil for a JSON document or tables without it.
  static func exportStamp(
    paths: [String], encoding: TextEncoding? = nil, language: DisplayLanguage = .en
  ) throws(CommandFailure) -> CSVExportStamp? {
    for path in paths where !path.lowercased().hasSuffix(".json") {
      let text = try LocalFile.text(path, encoding: encoding, language: language)
      guard kind(path: path, text: text) == .export else { continue }
      do {
        return try CSVExportStamp.decode(text, source: path)
      } catch {
        throw CommandFailure(.invalidInput, "\(error)")
      }
    }
    return nil
  }

  /// - Parameters:
  ///   - encoding: the files' encoding (`--encoding`); nil reads UTF-8, and Windows-1252 for a
  ///     file that is not UTF-8, saying so on stderr in `language`.
  static func source(
    paths: [String], encoding: TextEncoding? = nil, language: DisplayLanguage = .en
  ) throws(CommandFailure) -> Impact_V1_ImportPortfolioRequest.OneOf_Source {
    func text(_ path: String) throws(CommandFailure) -> String {
      try LocalFile.text(path, encoding: encoding, language: language)
    }
    let jsonPaths = paths.filter { $0.lowercased().hasSuffix(".json") }
    if !jsonPaths.isEmpty {
      guard paths.count == 1 else {
        let others = paths.filter { $0 != jsonPaths[0] }.joined(separator: ", ")
        throw CommandFailure(.invalidInput, .l("error.import.json_alone", ["files": others]))
      }
      return .jsonDocument(try text(jsonPaths[0]))
    }
    var tables = Impact_V1_CsvTables()
    var seen: [CSVTableKind: String] = [:]
    for path in paths {
      let text = try text(path)
      guard let kind = kind(path: path, text: text) else {
        throw CommandFailure(.invalidInput, .l("error.import.unknown_table", ["path": path]))
      }
      if let earlier = seen[kind] {
        throw CommandFailure(
          .invalidInput, .l("error.import.same_table", ["path": path, "other": earlier, "table": kind.rawValue]))
      }
      seen[kind] = path
      switch kind {
      case .projects:
        tables.projects = text
        tables.projectsFileName = path
      case .outcomes:
        tables.outcomes = text
        tables.outcomesFileName = path
      case .ratings:
        tables.ratings = text
        tables.ratingsFileName = path
      case .export:
        break
      }
    }
    guard seen[.projects] != nil else {
      throw CommandFailure(
        .invalidInput, .l("error.import.no_projects_table", ["files": paths.joined(separator: ", ")]))
    }
    if let stamp = try exportStamp(paths: paths, encoding: encoding, language: language) {
      tables.revision = stamp.revision
    }
    return .csv(tables)
  }

  /// What table `path` holds: by its name first, then by its header row.
  static func kind(path: String, text: String) -> CSVTableKind? {
    let name = (path.split(separator: "/").last.map(String.init) ?? path).lowercased()
    if name.hasSuffix(".csv") {
      for kind in CSVTableKind.allCases where name.hasPrefix(kind.rawValue) { return kind }
    }
    let firstLine = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
    let header = Set(
      firstLine.replacingOccurrences(of: "\u{FEFF}", with: "")
        .split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\t" })
        .map {
          $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"")).lowercased()
        }
    )
    if CSVExportStamp.isHeader(header) { return .export }
    if header.contains("project_id"), header.contains("criterion"), header.contains("rater") { return .ratings }
    if header.contains("project_id"), header.contains("domain") { return .outcomes }
    if header.contains("id"), header.contains("status"), header.contains("amount") { return .projects }
    return nil
  }
}
