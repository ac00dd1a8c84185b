public import Foundation

/// Imports and exports projects as three CSV tables: projects, outcomes (keyed by
/// `project_id`) and ratings (keyed by `project_id`). See `docs/formats.md` for the columns.
///
/// Reading accepts UTF-8 with or without a byte order mark, `,` or `;` separators (taken from
/// the header line), RFC 4180 quoting (separators, quotes and line breaks inside quotes), CRLF
/// or LF, and decimal commas (`12,5`) in `;`-separated files. Columns may come in any order;
/// an unknown column is an error; an empty cell is an absent value. An import is all or
/// nothing: any problem throws a ``FormatError`` naming file, line and column.
///
/// Like ``PortfolioJSON``, reading checks the shape of the data; ``Validator`` checks the rules.
public enum PortfolioCSV {
  /// The projects table, in the order written; one `risk_<type>` column per risk type follows
  /// `evidence_level`.
  public static let projectColumns = [
    "id", "name", "programme", "territory", "status", "amount", "evidence_level",
  ]
  /// The last column of the projects table: the project's `extra` JSON text, verbatim.
  public static let extraColumn = "extra"
  /// The prefix of a risk column: `risk_external` holds the `external` risk.
  public static let riskColumnPrefix = "risk_"
  public static let outcomeColumns = [
    "project_id", "id", "domain", "share", "indicator", "unit", "direction", "baseline",
    "threshold", "target",
    "actual", "survey_very_much", "survey_slightly", "reach", "duration_years", "drop_off",
    "deadweight",
    "attribution", "displacement", "financial_proxy", "harmful", "nature",
  ]
  public static let ratingColumns = ["project_id", "criterion", "rater", "value", "comment"]

  /// Reads projects from their CSV tables.
  /// - Parameters:
  ///   - projects: the projects table.
  ///   - outcomes: the outcomes table, or `nil` for projects without outcomes.
  ///   - ratings: the ratings table, or `nil` for projects without ratings.
  ///   - names: the file names errors mention.
  ///   - scheme: the scheme whose risk types name the `risk_<type>` columns.
  /// - Throws: ``FormatError`` with every problem found (a syntax error stops its file).
  public static func decode(
    projects: Data,
    outcomes: Data?,
    ratings: Data?,
    names: CSVFileNames = .default,
    scheme: Scheme = .impactV1
  ) throws(FormatError) -> [Project] {
    let reader = CSVFieldReader()
    var syntaxIssues: [FormatIssue] = []
    func parse(_ data: Data?, _ name: String) -> CSVTable? {
      guard let data else { return nil }
      do {
        return try CSVParser.parse([UInt8](data), source: name)
      } catch {
        syntaxIssues += error.issues
        return nil
      }
    }
    let projectTable = parse(projects, names.projects)
    let outcomeTable = parse(outcomes, names.outcomes)
    let ratingTable = parse(ratings, names.ratings)

    var result: [Project] = []
    var indexByID: [String: Int] = [:]
    var lineByID: [String: Int] = [:]
    if let table = projectTable {
      let riskTypes = Set(scheme.riskTypes)
      let columns = reader.columns(
        of: table,
        known: projectColumns + scheme.riskTypes.map { riskColumnPrefix + $0 } + [extraColumn],
        required: ["id", "name"],
        accepts: {
          $0.hasPrefix(riskColumnPrefix)
            && riskTypes.contains(String($0.dropFirst(riskColumnPrefix.count)))
        })
      for row in table.rows {
        guard let project = readProject(row, table: table, columns: columns, reader: reader) else {
          continue
        }
        if let firstLine = lineByID[project.id] {
          // Outcomes and ratings could not say which of the two they belong to.
          reader.report(
            "project id \"\(project.id)\" is already used on line \(firstLine)",
            source: table.source, line: row.line,
            column: (columns["id"] ?? 0) + 1, columnName: "id", path: "projects[\(project.id)].id")
          continue
        }
        lineByID[project.id] = row.line
        indexByID[project.id] = result.count
        result.append(project)
      }
    }
    if let table = outcomeTable {
      let columns = reader.columns(
        of: table, known: outcomeColumns, required: ["project_id", "id", "domain"])
      for row in table.rows {
        guard
          let index = owner(
            of: row, table: table, columns: columns, indexByID: indexByID, reader: reader)
        else { continue }
        var fields = CSVRowFields(
          table: table, row: row, columns: columns, reader: reader, path: "")
        fields.path = "projects[\(result[index].id)].outcomes[\(fields.string("id") ?? "")]"
        if let outcome = readOutcome(fields) { result[index].outcomes.append(outcome) }
      }
    }
    if let table = ratingTable {
      let columns = reader.columns(
        of: table, known: ratingColumns, required: ["project_id", "criterion", "rater", "value"])
      for row in table.rows {
        guard
          let index = owner(
            of: row, table: table, columns: columns, indexByID: indexByID, reader: reader)
        else { continue }
        let fields = CSVRowFields(
          table: table, row: row, columns: columns, reader: reader,
          path: "projects[\(result[index].id)].ratings[\(result[index].ratings.count)]")
        let criterion = fields.string("criterion", required: true)
        let rater = fields.string("rater", required: true)
        let value = fields.double("value", required: true)
        let comment = fields.string("comment")
        if let criterion, let rater, let value {
          result[index].ratings.append(
            Rating(criterion: criterion, rater: rater, value: value, comment: comment))
        }
      }
    }
    let issues = syntaxIssues + reader.issues
    guard issues.isEmpty else { throw FormatError(issues: issues) }
    return result
  }

  /// Writes projects as three CSV tables with every column, in the documented order.
  /// - Parameters:
  ///   - separator: `,` (default) or `;`; with `;` numbers are written with a decimal comma.
  ///   - scheme: its risk types give the `risk_<type>` columns; risk types a project has
  ///     beyond them get a column too, sorted.
  public static func encode(
    _ projects: [Project], separator: Character = ",", scheme: Scheme = .impactV1
  ) -> CSVTables {
    let writer = CSVWriter(separator: separator)
    let extraRisks = Set(projects.flatMap(\.risks.keys)).subtracting(scheme.riskTypes).sorted()
    let riskTypes = scheme.riskTypes + extraRisks

    var projectRows = [projectColumns + riskTypes.map { riskColumnPrefix + $0 } + [extraColumn]]
    var outcomeRows = [outcomeColumns]
    var ratingRows = [ratingColumns]
    for project in projects {
      projectRows.append(
        [
          project.id, project.name, project.programme, project.territory, project.status.rawValue,
          writer.number(project.amount), project.evidenceLevel.map(String.init) ?? "",
        ] + riskTypes.map { project.risks[$0].map(String.init) ?? "" } + [project.extra ?? ""])
      for outcome in project.outcomes {
        outcomeRows.append([
          project.id, outcome.id, outcome.domain, writer.number(outcome.share),
          outcome.indicator ?? "",
          outcome.unit ?? "", outcome.direction?.rawValue ?? "", writer.number(outcome.baseline),
          writer.number(outcome.threshold), writer.number(outcome.target),
          writer.number(outcome.actual),
          writer.number(outcome.survey?.veryMuch), writer.number(outcome.survey?.slightly),
          writer.number(outcome.reach),
          outcome.durationYears.map(String.init) ?? "", writer.number(outcome.dropOff),
          writer.number(outcome.deadweight),
          writer.number(outcome.attribution), writer.number(outcome.displacement),
          writer.number(outcome.financialProxy),
          outcome.harmful ? "true" : "", outcome.nature == .solution ? "" : outcome.nature.rawValue,
        ])
      }
      for rating in project.ratings {
        ratingRows.append([
          project.id, rating.criterion, rating.rater, writer.number(rating.value),
          rating.comment ?? "",
        ])
      }
    }
    return CSVTables(
      projects: writer.table(projectRows), outcomes: writer.table(outcomeRows),
      ratings: writer.table(ratingRows))
  }

  // MARK: - Reading

  private static func readProject(
    _ row: CSVTable.Row, table: CSVTable, columns: [String: Int], reader: CSVFieldReader
  ) -> Project? {
    var fields = CSVRowFields(
      table: table, row: row, columns: columns, reader: reader, path: "projects[line \(row.line)]")
    let issuesBefore = reader.issues.count
    let id = fields.string("id", required: true)
    if let id { fields.path = "projects[\(id)]" }
    var project = Project(id: id ?? "", name: fields.string("name", required: true) ?? "")
    project.programme = fields.string("programme") ?? ""
    project.territory = fields.string("territory") ?? ""
    if let status = fields.enumeration("status", as: ProjectStatus.self) { project.status = status }
    project.amount = fields.double("amount") ?? 0
    project.evidenceLevel = fields.int("evidence_level")
    for name in columns.keys.sorted() where name.hasPrefix(riskColumnPrefix) {
      if let value = fields.int(name) {
        project.risks[String(name.dropFirst(riskColumnPrefix.count))] = value
      }
    }
    if let extra = fields.string(extraColumn) {
      if PortfolioJSON.isJSONValue(extra) {
        project.extra = extra
      } else {
        fields.report("extra must be one JSON value", column: extraColumn)
      }
    }
    return reader.issues.count == issuesBefore ? project : nil
  }

  /// The index of the project a row of outcomes or ratings belongs to; reports unknown ids.
  private static func owner(
    of row: CSVTable.Row, table: CSVTable, columns: [String: Int], indexByID: [String: Int],
    reader: CSVFieldReader
  ) -> Int? {
    let fields = CSVRowFields(
      table: table, row: row, columns: columns, reader: reader, path: "line \(row.line)")
    guard let projectID = fields.string("project_id", required: true) else { return nil }
    guard let index = indexByID[projectID] else {
      fields.report(
        "project_id \"\(projectID)\" is not a project of the projects table", column: "project_id")
      return nil
    }
    return index
  }

  private static func readOutcome(_ fields: CSVRowFields) -> Outcome? {
    let issuesBefore = fields.reader.issues.count
    var outcome = Outcome(
      id: fields.string("id", required: true) ?? "",
      domain: fields.string("domain", required: true) ?? "")
    outcome.share = fields.double("share")
    outcome.indicator = fields.string("indicator")
    outcome.unit = fields.string("unit")
    outcome.direction = fields.enumeration("direction", as: Direction.self)
    outcome.baseline = fields.double("baseline")
    outcome.threshold = fields.double("threshold")
    outcome.target = fields.double("target")
    outcome.actual = fields.double("actual")
    let veryMuch = fields.double("survey_very_much")
    let slightly = fields.double("survey_slightly")
    switch (veryMuch, slightly) {
    case (let veryMuch?, let slightly?):
      outcome.survey = Survey(veryMuch: veryMuch, slightly: slightly)
    case (nil, .some):
      fields.report("survey_very_much is required with survey_slightly", column: "survey_very_much")
    case (.some, nil):
      fields.report("survey_slightly is required with survey_very_much", column: "survey_slightly")
    case (nil, nil):
      break
    }
    outcome.reach = fields.double("reach")
    outcome.durationYears = fields.int("duration_years")
    outcome.dropOff = fields.double("drop_off")
    outcome.deadweight = fields.double("deadweight")
    outcome.attribution = fields.double("attribution")
    outcome.displacement = fields.double("displacement")
    outcome.financialProxy = fields.double("financial_proxy")
    outcome.harmful = fields.bool("harmful") ?? false
    outcome.nature = fields.enumeration("nature", as: OutcomeNature.self) ?? .solution
    return fields.reader.issues.count == issuesBefore ? outcome : nil
  }
}
