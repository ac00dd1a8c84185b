import Foundation
import ImpactAPI
import Localization
import SwiftProtobuf

/// What `impact import` says beyond its counts: per project, the ratings, observed values and
/// amounts the import replaces (with when each was recorded and whether it is newer than the
/// document), and what the daemon would refuse without `--overwrite-newer` or `--yes`.
struct ImportSafetyReport {
  var response: Impact_V1_ImportPortfolioResponse
  var dryRun: Bool
  var replace: Bool
  /// `--overwrite-newer`: a dry run then says the newer values will be overwritten, not refused.
  var overwriteNewer = false
  var renderer: Renderer

  var sections: [Section] {
    let l = renderer.l
    var sections: [Section] = []
    if !response.projects.isEmpty { sections.append(.table(table)) }
    var notes: [String] = []
    if response.projectsLeftOut > 0 {
      notes.append(l("import.replaced.left_out", ["count": "\(response.projectsLeftOut)"]))
    }
    if response.newerCount > 0 {
      let key =
        !dryRun
        ? "import.newer.overwritten" : overwriteNewer ? "import.newer.will_overwrite" : "import.newer.would_refuse"
      notes.append(l(key, ["count": "\(response.newerCount)"]))
    }
    if dryRun, replace, response.deleted * 2 > response.storedBefore {
      notes.append(
        l(
          "import.large_deletion.would_refuse",
          ["deleted": "\(response.deleted)", "stored": "\(response.storedBefore)"]))
    }
    if !notes.isEmpty { sections.append(.text(notes.joined(separator: "\n"))) }
    return sections
  }

  /// One row per replaced value; a project that loses none of them has one row saying so.
  private var table: Table {
    let l = renderer.l
    var table = Table(
      title: l(dryRun ? "import.replaced.title.dry_run" : "import.replaced.title"),
      columns: [
        .text("project_id", l("import.column.project")), .text("action", l("import.column.action")),
        .text("value", l("import.column.value"), truncatable: true), .number("before", l("import.column.before")),
        .number("after", l("import.column.after")), .text("recorded_at", l("import.column.recorded_at")),
        .text("newer", l("import.column.newer")),
      ])
    for project in response.projects {
      let action =
        project.action == .deleted
        ? Cell(display: l("import.action.deleted"), csv: "deleted")
        : Cell(display: l("import.action.updated"), csv: "updated")
      if project.replaced.isEmpty {
        table.append([
          Cell(project.projectID), action, Cell(display: l("import.value.other_fields"), csv: ""),
          Cell(nil, .score, language: renderer.language), Cell(nil, .score, language: renderer.language), "", "",
        ])
      }
      for value in project.replaced {
        let style: NumberStyle = value.kind == .amount ? .amount : .decimals(2)
        table.append([
          Cell(project.projectID), action, describe(value, l),
          Cell(value.hasBefore ? value.before : nil, style, language: renderer.language),
          Cell(value.hasAfter ? value.after : nil, style, language: renderer.language),
          recordedAt(value),
          value.newer ? Cell(true, l) : Cell(display: "", csv: "false"),
        ])
      }
    }
    return table
  }

  /// When the stored value was recorded: to the minute for people (UTC, as the header says),
  /// ISO 8601 to the second in CSV.
  private func recordedAt(_ value: Impact_V1_ReplacedValue) -> Cell {
    guard value.hasRecordedAt else { return Cell("") }
    let text = TimeText.iso8601(value.recordedAt)
    return Cell(display: String(text.prefix(16)).replacingOccurrences(of: "T", with: " "), csv: text)
  }

  private func describe(_ value: Impact_V1_ReplacedValue, _ l: Localizer) -> Cell {
    switch value.kind {
    case .rating:
      return Cell(
        display: l("import.value.rating", ["criterion": value.criterion, "rater": value.rater]),
        csv: "rating:\(value.criterion):\(value.rater)")
    case .actual:
      return Cell(display: l("import.value.actual", ["outcome": value.outcomeID]), csv: "actual:\(value.outcomeID)")
    default:
      return Cell(display: l("import.value.amount"), csv: "amount")
    }
  }
}
