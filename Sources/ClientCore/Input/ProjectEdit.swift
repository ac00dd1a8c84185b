import Analytics
import ArgumentParser
import Foundation
import ImpactAPI

/// One `--set` of `impact whatif`: `ID.FIELD=VALUE` for a project field (amount, status,
/// evidence_level, programme, territory, name) or `ID.outcomes.OUTCOME.FIELD=VALUE` for a
/// numeric outcome field. Ids may contain dots: the field is what follows the last dot.
struct ProjectEdit: Sendable, ExpressibleByArgument, CustomStringConvertible {
  static let projectFields = ["amount", "status", "evidence_level", "programme", "territory", "name"]
  static let outcomeFields = [
    "share", "baseline", "threshold", "target", "actual", "reach", "duration_years", "drop_off", "deadweight",
    "attribution", "displacement", "financial_proxy",
  ]

  var projectID: String
  var outcomeID: String?
  var field: String
  var value: String
  var description: String

  init?(argument: String) {
    guard let equals = argument.firstIndex(of: "=") else { return nil }
    let key = String(argument[..<equals])
    value = String(argument[argument.index(after: equals)...])
    description = argument
    guard let lastDot = key.lastIndex(of: ".") else { return nil }
    field = String(key[key.index(after: lastDot)...])
    let owner = String(key[..<lastDot])
    if let marker = owner.range(of: ".outcomes.") {
      projectID = String(owner[..<marker.lowerBound])
      outcomeID = String(owner[marker.upperBound...])
      guard Self.outcomeFields.contains(field), !(outcomeID ?? "").isEmpty else { return nil }
    } else {
      projectID = owner
      outcomeID = nil
      guard Self.projectFields.contains(field) else { return nil }
    }
    guard !projectID.isEmpty else { return nil }
  }

  static var defaultCompletionKind: CompletionKind { .default }

  /// Applies the edit to `project`; a value of the wrong kind or an unknown outcome is
  /// invalid input naming the edit.
  func apply(to project: inout Impact_V1_Project) throws(CommandFailure) {
    if let outcomeID {
      guard let index = project.outcomes.firstIndex(where: { $0.id == outcomeID }) else {
        throw CommandFailure(
          .notFound, .l("error.edit.no_outcome", ["edit": description, "project": projectID, "outcome": outcomeID]))
      }
      try applyOutcome(to: &project.outcomes[index])
      return
    }
    switch field {
    case "amount": project.amount = try number()
    case "status":
      guard let status = ProjectStatusArgument(rawValue: value) else {
        throw invalid(
          .l(
            "error.edit.expected_status",
            ["statuses": ProjectStatusArgument.allCases.map(\.rawValue).joined(separator: ", ")]))
      }
      project.status = status.message
    case "evidence_level":
      guard let level = Int32(value) else { throw invalid(.l("error.edit.expected_level")) }
      project.evidenceLevel = level
    case "programme": project.programme = value
    case "territory": project.territory = value
    case "name": project.name = value
    default: throw invalid(.l("error.edit.expected_field"))
    }
  }

  private func applyOutcome(to outcome: inout Impact_V1_Outcome) throws(CommandFailure) {
    switch field {
    case "duration_years":
      guard let years = Int32(value) else { throw invalid(.l("error.edit.expected_years")) }
      outcome.durationYears = years
    case "share": outcome.share = try number()
    case "baseline": outcome.baseline = try number()
    case "threshold": outcome.threshold = try number()
    case "target": outcome.target = try number()
    case "actual": outcome.actual = try number()
    case "reach": outcome.reach = try number()
    case "drop_off": outcome.dropOff = try number()
    case "deadweight": outcome.deadweight = try number()
    case "attribution": outcome.attribution = try number()
    case "displacement": outcome.displacement = try number()
    case "financial_proxy": outcome.financialProxy = try number()
    default: throw invalid(.l("error.edit.expected_outcome_field"))
    }
  }

  /// The value as people type numbers (``DecimalText``): `450000`, `450 000`, `12,5`.
  private func number() throws(CommandFailure) -> Double {
    guard let number = try? DecimalText.parse(value) else {
      throw invalid(.l("error.edit.expected_number"))
    }
    return number
  }

  /// A value that is not what the field takes; `expected` is a catalogue text with a
  /// `{value}` placeholder, so that each language words the whole sentence.
  private func invalid(_ expected: CatalogueText) -> CommandFailure {
    var text = expected
    text.values["edit"] = description
    text.values["value"] = value
    return CommandFailure(.invalidInput, text)
  }
}
