/// What ``PortfolioCSV/read(projects:outcomes:ratings:names:scheme:)`` found: the projects,
/// the problems, and the line of every row, so that a rule a project breaks can be named by
/// file, line and column like a syntax error.
///
/// ```swift
/// let reading = PortfolioCSV.read(projects: p, outcomes: o, ratings: r, scheme: scheme)
/// let ruleIssues = Validator(scheme: scheme).validate(reading.checkableProjects)
/// let all = reading.issues + ruleIssues.map(reading.locate)
/// ```
public struct CSVReading: Sendable {
  public var names: CSVFileNames
  /// The projects read whole, in file order; those in ``refusedProjectIDs`` lack the rows
  /// that had errors.
  public var projects: [Project] = []
  /// Every problem of syntax or shape, in file order of the tables.
  public var issues: [FormatIssue] = []
  /// Projects with an error in their own row, an outcome or a rating: checking their rules
  /// would report consequences of that error (shares no longer summing to 1).
  public var refusedProjectIDs: Set<String> = []

  var projectColumns: [String: Int] = [:]
  var outcomeColumns: [String: Int] = [:]
  var ratingColumns: [String: Int] = [:]
  var projectLines: [String: Int] = [:]
  /// By project id: each outcome id with its line, in file order.
  var outcomeLines: [String: [(id: String, line: Int)]] = [:]
  /// By project id: the line of each rating, in the order of `Project.ratings`.
  var ratingLines: [String: [Int]] = [:]

  init(names: CSVFileNames) {
    self.names = names
  }

  /// The projects whose rules are worth checking: those read without any error.
  public var checkableProjects: [Project] {
    projects.filter { !refusedProjectIDs.contains($0.id) }
  }

  /// `issue` with the file, line and column of the cell it is about: the outcome's row in
  /// the outcomes table, the rating's row in the ratings table, or the project's row (with
  /// `risk_<type>` for `risks.<type>`); the whole row when no single column holds the value.
  public func locate(_ issue: ValidationIssue) -> FormatIssue {
    var located = FormatIssue(source: names.projects, message: issue.message)
    guard let projectID = issue.projectID else { return located }
    func place(_ source: String, _ line: Int?, _ columns: [String: Int], _ column: String?) {
      located.source = source
      located.line = line
      if let column, let index = columns[column] {
        located.column = index + 1
        located.columnName = column
      }
    }
    let field = issue.field
    if let outcomeID = issue.outcomeID {
      let rows = outcomeLines[projectID, default: []].filter { $0.id == outcomeID }
      // A duplicate id is the second row's fault.
      let line = issue.rule == .duplicateOutcome ? rows.last?.line : rows.first?.line
      let column = field == "survey" ? "survey_very_much" : field
      place(names.outcomes, line, outcomeColumns, column)
    } else if field.hasPrefix("ratings["), let close = field.firstIndex(of: "]"),
      let index = Int(field[field.index(field.startIndex, offsetBy: 8)..<close])
    {
      let lines = ratingLines[projectID, default: []]
      let column = field[close...].split(separator: ".").dropFirst().first.map(String.init)
      place(names.ratings, lines.indices.contains(index) ? lines[index] : nil, ratingColumns, column)
    } else if field.hasPrefix("outcomes.") {
      let column = String(field.dropFirst("outcomes.".count))
      place(names.outcomes, outcomeLines[projectID]?.first?.line, outcomeColumns, column)
    } else if field.hasPrefix("risks.") {
      let column = PortfolioCSV.riskColumnPrefix + field.dropFirst("risks.".count)
      place(names.projects, projectLines[projectID], projectColumns, column)
    } else {
      place(names.projects, projectLines[projectID], projectColumns, field)
    }
    return located
  }
}
