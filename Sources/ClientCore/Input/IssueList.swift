import Analytics
import Localization

/// Prints the problems of a refused import: each as `file:line:column: column name: message`
/// in the reader's language, the first ``shown`` of them on stderr with the count, and all of
/// them in the file `--errors` names.
struct IssueList {
  /// Most problems printed on the terminal; a long list goes to `--errors FILE`.
  static let shown = 20

  var language: DisplayLanguage
  /// `--errors FILE`: where the whole list goes.
  var errorsPath: String?
  /// The catalogue keys of the headline for one problem and for several (`{count}`): an
  /// import's by default.
  var headline = (one: "csv.issues.one", many: "csv.issues.many")

  /// The failure that prints the problems (exit 65), after writing them all to `errorsPath`.
  func failure(_ issues: [CheckedIssue]) throws(CommandFailure) -> CommandFailure {
    let l = language.localizer
    let lines = issues.map(line)
    if let errorsPath {
      try LocalFile.write(lines.joined(separator: "\n") + "\n", to: errorsPath)
    }
    var text = [
      issues.count == 1
        ? l(headline.one) : l(headline.many, ["count": String(issues.count)])
    ]
    text += lines.prefix(Self.shown).map { "  " + $0 }
    if let errorsPath {
      text.append(l("csv.issues.written", ["count": String(issues.count), "path": errorsPath]))
    } else if issues.count > Self.shown {
      text.append(l("csv.issues.more", ["count": String(issues.count - Self.shown)]))
    }
    return CommandFailure(.invalidInput, text.joined(separator: "\n"))
  }

  /// One problem in the reader's language.
  func line(_ checked: CheckedIssue) -> String {
    let l = language.localizer
    let issue = checked.issue
    var text = issue.source
    if let line = issue.line {
      text += ":\(line)"
      if let column = issue.column { text += ":\(column)" }
    }
    text += ": "
    if let name = issue.columnName { text += l("csv.issue.column", ["name": name]) }
    if let rule = checked.rule {
      return text + ruleText(rule)
    }
    // In JSON the key path says which value (`projects[0].amount`); in CSV the column does.
    if let path = issue.path, !path.isEmpty, issue.columnName == nil { text += path + ": " }
    if let key = issue.key, key.hasPrefix("format.number.") {
      return text + DecimalTextMessage.text(key: key, values: issue.values, language)
    }
    if let key = issue.key, Catalogue.entries(language == .fr ? .fr : .en)[key] != nil {
      return text + l(key, localizedNumbers(issue.values))
    }
    return text + issue.message
  }

  /// The rule's text from the catalogue the daemon's messages use, with the project and
  /// outcome it concerns; the English message when the catalogue lacks the rule.
  private func ruleText(_ issue: ValidationIssue) -> String {
    var values = issue.values
    values["field"] = issue.field
    let key =
      issue.rule == .invalidScheme
      ? "daemon.scheme-rule.\(values["scheme_rule"] ?? "")" : "daemon.rule.\(issue.rule.code)"
    guard Catalogue.entries(language == .fr ? .fr : .en)[key] != nil else { return issue.message }
    let l = language.localizer
    let body = l(key, localizedNumbers(values))
    guard let project = issue.projectID else { return body }
    if let outcome = issue.outcomeID {
      return l(
        "csv.issue.outcome_rule", ["project": project, "outcome": outcome, "text": body, "rule": issue.rule.code])
    }
    return l("csv.issue.project_rule", ["project": project, "text": body, "rule": issue.rule.code])
  }

  /// Decimal numbers among `values` without binary noise (`1.6`, not `1.5999999999999999`),
  /// and with a decimal comma in French.
  private func localizedNumbers(_ values: [String: String]) -> [String: String] {
    values.mapValues { value in
      guard value.contains("."), let number = Double(value), value.allSatisfy({ "0123456789.-e+".contains($0) })
      else {
        return value
      }
      let text = CSVWriter.numberText(number)
      return language == .fr ? String(text.map { $0 == "." ? "," : $0 }) : text
    }
  }
}
