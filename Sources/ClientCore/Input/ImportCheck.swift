import Analytics
import Foundation
import GRPCCore
import ImpactAPI

/// Checks an import on this side before sending it, against the daemon's scheme, so that
/// every problem is reported with its file, line and column: the daemon's answer names rule
/// errors by project only and is cut to fit a response trailer. The daemon still checks
/// everything; this is for the person reading the errors.
struct ImportCheck {
  /// What `impact import` is about to send.
  var source: Impact_V1_ImportPortfolioRequest.OneOf_Source?
  /// The path of the JSON document, for its messages (the daemon knows it as `json_document`).
  var documentPath: String?

  /// The files as read here once they passed: the daemon's scheme and revision, and the
  /// projects, so that a streamed import sends them without reading the files again.
  struct Checked: Sendable {
    var scheme: Scheme
    var revision: Int64
    var projects: [Project]
    /// The scheme the JSON document carries.
    var documentScheme: Scheme?
    /// The revision the document or the tables' `export.csv` carry.
    var documentRevision: Int64?
    /// The problems of the method's rules, when ``run(_:report:deferringRules:)`` was asked
    /// to check them while the import is sent: they must be none before its stream ends.
    var pendingRules: Task<[CheckedIssue], Never>? = nil
  }

  /// Fetches the daemon's scheme and checks the files against it; throws the problems as
  /// invalid input (exit 65) listed by ``IssueList``. A daemon that cannot give its scheme
  /// leaves the checking to the import itself (nil).
  ///
  /// With `deferringRules`, CSV tables that read whole are returned before the method's rules
  /// are checked: they are checked in ``Checked/pendingRules`` while a streamed import sends them,
  /// and the stream ends only once they pass (a broken rule cancels it; nothing changes).
  func run(_ connection: ImpactConnection, report: IssueList, deferringRules: Bool = false) async throws -> Checked? {
    guard let (scheme, revision) = await Self.daemonScheme(connection) else { return nil }
    let result = self.check(scheme: scheme, deferringRules: deferringRules)
    guard result.issues.isEmpty, var checked = result.checked else { throw try report.failure(result.issues) }
    checked.revision = revision
    return checked
  }

  /// The problems of the files under `scheme`, and what they hold when they read whole; with
  /// `deferringRules`, the rules of CSV tables that read whole are left to ``Checked/pendingRules``.
  func check(scheme: Scheme, deferringRules: Bool = false) -> (issues: [CheckedIssue], checked: Checked?) {
    switch source {
    case .jsonDocument(let text):
      let document = JSONDocumentCheck(data: Data(text.utf8), name: documentPath ?? "document", scheme: scheme)
      do {
        let decoded = try PortfolioJSON.decode(document.data, source: document.name)
        // A large document is read while it is sent (``StreamedDocument``): this one is
        // checked whole before.
        let checked = Checked(
          scheme: scheme, revision: 0, projects: decoded.projects, documentScheme: decoded.scheme,
          documentRevision: decoded.revision)
        return (document.ruleIssues(decoded), checked)
      } catch {
        return (document.issues(of: error), nil)
      }
    case .csv(let tables):
      let names = CSVFileNames(
        projects: tables.projectsFileName, outcomes: tables.outcomesFileName, ratings: tables.ratingsFileName)
      let reading = PortfolioCSV.read(
        projects: Data(tables.projects.utf8),
        outcomes: tables.outcomes.isEmpty ? nil : Data(tables.outcomes.utf8),
        ratings: tables.ratings.isEmpty ? nil : Data(tables.ratings.utf8),
        names: names, scheme: scheme)
      let rules = {
        Validator(scheme: scheme).validate(reading.checkableProjects).map { issue in
          CheckedIssue(reading.locate(issue), rule: issue)
        }
      }
      if deferringRules, reading.issues.isEmpty {
        var checked = Checked(
          scheme: scheme, revision: 0, projects: reading.projects, documentScheme: nil,
          documentRevision: tables.hasRevision ? tables.revision : nil)
        checked.pendingRules = Task.detached { rules() }
        return ([], checked)
      }
      let ruleIssues = rules()
      let order = [names.projects, names.outcomes, names.ratings]
      let issues = (reading.issues.map { CheckedIssue($0) } + ruleIssues).enumerated().sorted { a, b in
        let left = (order.firstIndex(of: a.element.issue.source) ?? 3, a.element.issue.line ?? 0, a.offset)
        let right = (order.firstIndex(of: b.element.issue.source) ?? 3, b.element.issue.line ?? 0, b.offset)
        return left < right
      }.map(\.element)
      let checked =
        reading.issues.isEmpty
        ? Checked(
          scheme: scheme, revision: 0, projects: reading.projects, documentScheme: nil,
          documentRevision: tables.hasRevision ? tables.revision : nil) : nil
      return (issues, checked)
    case nil:
      return ([], nil)
    }
  }
}

extension ImportCheck {
  /// The daemon's scheme and revision, or nil when it cannot give them (the import itself
  /// then checks everything).
  static func daemonScheme(_ connection: ImpactConnection) async -> (Scheme, Int64)? {
    do {
      let response = try await connection.run { client, _ in
        try await Impact_V1_PortfolioService.Client(wrapping: client).getScheme(
          Impact_V1_GetSchemeRequest(), metadata: connection.metadata, options: connection.callOptions)
      }
      return (try Scheme(proto: response.scheme), response.revision)
    } catch {
      return nil
    }
  }
}

/// The problems of a JSON portfolio document, placed by line and column: what ``ImportCheck``
/// reports for a document read whole, and ``StreamedDocument`` for one read while it is sent.
struct JSONDocumentCheck: Sendable {
  var data: Data
  /// The name messages give the document: its path.
  var name: String
  /// The daemon's scheme, for a document that carries none.
  var scheme: Scheme

  /// The method's rules broken by `document`.
  func ruleIssues(_ document: PortfolioDocument) -> [CheckedIssue] {
    located(Validator(scheme: scheme).validate(document))
  }

  /// `issues`, placed in the document.
  func located(_ issues: [ValidationIssue]) -> [CheckedIssue] {
    issues.map(located)
  }

  /// The problems of a document that does not read: `error`'s, and the rules broken by the
  /// projects that are well formed, so that everything is said at once.
  func issues(of error: FormatError) -> [CheckedIssue] {
    let ruleIssues = Validator(scheme: scheme).validate(PortfolioJSON.projectsReadWhole(data))
      .filter { $0.rule != .duplicateProject }.map(located)
    return (error.issues.map { CheckedIssue($0) } + ruleIssues).sorted {
      ($0.issue.line ?? 0, $0.issue.column ?? 0) < ($1.issue.line ?? 0, $1.issue.column ?? 0)
    }
  }

  private func located(_ issue: ValidationIssue) -> CheckedIssue {
    var located = FormatIssue(source: name, path: issue.path, message: issue.message)
    if let position = PortfolioJSON.position(of: issue.path, in: data) {
      located.line = position.line
      located.column = position.column
    }
    return CheckedIssue(located, rule: issue)
  }
}

/// A problem found before sending, with its place, and for a broken rule the rule's issue,
/// whose values let the message be said in the reader's language.
struct CheckedIssue: Sendable {
  var issue: FormatIssue
  var rule: ValidationIssue?

  init(_ issue: FormatIssue, rule: ValidationIssue? = nil) {
    self.issue = issue
    self.rule = rule
  }
}
