public import Foundation

/// Imports and exports projects as three CSV tables: projects, outcomes (keyed by
/// `project_id`) and ratings (keyed by `project_id`). See `docs/formats.md` for the columns.
///
/// Reading accepts UTF-8 with or without a byte order mark, `,`, `;` or tab separators (taken from
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
  /// The outcomes table's optional last column: the bank indicator an outcome measures,
  /// written only when some outcome names one, so tables without it keep their columns.
  public static let indicatorIDColumn = "indicator_id"
  public static let impactIDColumn = "impact_id"

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
    let reading = read(projects: projects, outcomes: outcomes, ratings: ratings, names: names, scheme: scheme)
    guard reading.issues.isEmpty else { throw FormatError(issues: reading.issues) }
    return reading.projects
  }

  /// Reads projects from their CSV tables without stopping at problems: the projects read
  /// whole, every problem found, and where each row is, so that a caller can check the rules
  /// too and name the file, line and column of each broken one (``CSVReading/locate(_:)``).
  ///
  /// A problem is reported once: the outcomes and ratings of a project whose row has an
  /// error are still checked for their own errors, but not called orphans.
  public static func read(
    projects: Data,
    outcomes: Data?,
    ratings: Data?,
    names: CSVFileNames = .default,
    scheme: Scheme = .impactV1
  ) -> CSVReading {
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
    var reading = CSVReading(names: names)
    var projectTable = parse(projects, names.projects)
    var outcomeTable = parse(outcomes, names.outcomes)
    var ratingTable = parse(ratings, names.ratings)

    var result: [Project] = []
    var indexByID: [String: Int] = [:]
    var lineByID: [String: Int] = [:]
    // Projects whose own row is wrong: their outcomes and ratings are not orphans.
    var refusedIDs: Set<String> = []
    // A table without its required columns (or unparsable) has one structural error; its
    // rows are not read, and with the projects table broken the outcomes and ratings are
    // not either: every row would repeat that error as "is required" or "not a project".
    var projectsReadable = projectTable != nil
    if projectTable != nil {
      let riskTypes = Set(scheme.riskTypes)
      let columns = reader.columns(
        of: projectTable!,
        known: projectColumns + scheme.riskTypes.map { riskColumnPrefix + $0 } + [extraColumn],
        required: ["id", "name"],
        accepts: {
          $0.hasPrefix(riskColumnPrefix)
            && riskTypes.contains(String($0.dropFirst(riskColumnPrefix.count)))
        })
      projectTable!.decimalSeparator = projectTable!.decimalSeparator(
        numberColumns: ["amount", "evidence_level"].compactMap { columns[$0] }
          + columns.filter { $0.key.hasPrefix(riskColumnPrefix) }.map(\.value))
      let table = projectTable!
      reading.projectColumns = columns
      projectsReadable = ["id", "name"].allSatisfy { columns[$0] != nil }
      for row in table.rows where projectsReadable {
        let issuesBefore = reader.issues.count
        guard let project = readProject(row, table: table, columns: columns, reader: reader) else {
          if reader.issues.count > issuesBefore, let id = columns["id"].map({ row.cells[$0].text }),
            !id.isEmpty
          {
            refusedIDs.insert(id)
          }
          continue
        }
        if let firstLine = lineByID[project.id] {
          // Outcomes and ratings could not say which of the two they belong to.
          reader.report(
            "project id \"\(project.id)\" is already used on line \(firstLine)",
            source: table.source, line: row.line,
            column: (columns["id"] ?? 0) + 1, columnName: "id", path: "projects[\(project.id)].id",
            key: "format.csv.duplicate_project", values: ["value": project.id, "line": String(firstLine)])
          refusedIDs.insert(project.id)
          continue
        }
        lineByID[project.id] = row.line
        indexByID[project.id] = result.count
        reading.projectLines[project.id] = row.line
        result.append(project)
      }
    }
    // The rows of refused projects are read into this throwaway project, for their errors.
    var refused = Project(id: "", name: "")
    if outcomeTable != nil {
      let columns = reader.columns(
        of: outcomeTable!, known: outcomeColumns + [targetsColumn, indicatorIDColumn, impactIDColumn],
        required: ["project_id", "id", "domain"])
      outcomeTable!.decimalSeparator = outcomeTable!.decimalSeparator(
        numberColumns: outcomeColumns.filter { !textOutcomeColumns.contains($0) }.compactMap { columns[$0] })
      let table = outcomeTable!
      reading.outcomeColumns = columns
      let readable = projectsReadable && ["project_id", "id", "domain"].allSatisfy { columns[$0] != nil }
      for row in table.rows where readable {
        let issuesBefore = reader.issues.count
        guard
          let owner = owner(
            of: row, table: table, columns: columns, indexByID: indexByID, refusedIDs: refusedIDs,
            reader: reader)
        else { continue }
        let projectID = owner.index.map { result[$0].id } ?? owner.id
        var fields = CSVRowFields(
          table: table, row: row, columns: columns, reader: reader, path: "")
        fields.path = "projects[\(projectID)].outcomes[\(fields.string("id") ?? "")]"
        let outcome = readOutcome(fields)
        guard let index = owner.index else { continue }
        if let outcome {
          result[index].outcomes.append(outcome)
          reading.outcomeLines[projectID, default: []].append((outcome.id, row.line))
        } else if reader.issues.count > issuesBefore {
          refusedIDs.insert(projectID)
        }
      }
    }
    if ratingTable != nil {
      let columns = reader.columns(
        of: ratingTable!, known: ratingColumns, required: ["project_id", "criterion", "rater", "value"])
      ratingTable!.decimalSeparator = ratingTable!.decimalSeparator(
        numberColumns: [columns["value"]].compactMap { $0 })
      let table = ratingTable!
      reading.ratingColumns = columns
      let readable =
        projectsReadable && ["project_id", "criterion", "rater", "value"].allSatisfy { columns[$0] != nil }
      for row in table.rows where readable {
        guard
          let owner = owner(
            of: row, table: table, columns: columns, indexByID: indexByID, refusedIDs: refusedIDs,
            reader: reader)
        else { continue }
        let project = owner.index.map { result[$0] } ?? refused
        let fields = CSVRowFields(
          table: table, row: row, columns: columns, reader: reader,
          path: "projects[\(owner.id)].ratings[\(project.ratings.count)]")
        let issuesBefore = reader.issues.count
        let criterion = fields.string("criterion", required: true)
        let rater = fields.string("rater", required: true)
        let value = fields.double("value", required: true)
        let comment = fields.string("comment")
        if reader.issues.count > issuesBefore { refusedIDs.insert(owner.id) }
        guard let criterion, let rater, let value else { continue }
        let rating = Rating(criterion: criterion, rater: rater, value: value, comment: comment)
        if let index = owner.index {
          reading.ratingLines[owner.id, default: []].append(row.line)
          result[index].ratings.append(rating)
        } else {
          refused.ratings.append(rating)
        }
      }
    }
    reading.issues = syntaxIssues + reader.issues
    reading.refusedProjectIDs = refusedIDs
    reading.projects = result
    return reading
  }

  /// The outcome columns that hold text, not numbers.
  static let textOutcomeColumns: Set<String> = [
    "project_id", "id", "domain", "indicator", "unit", "direction", "harmful", "nature", "targets",
    "indicator_id", "impact_id",
  ]

  /// Writes projects as three CSV tables with every column, in the documented order.
  /// - Parameters:
  ///   - separator: `,` or `;`; with `;` numbers are written with a decimal comma.
  ///   - scheme: its risk types give the `risk_<type>` columns; risk types a project has
  ///     beyond them get a column too, sorted.
  public static func encode(
    _ projects: [Project], separator: Character, scheme: Scheme = .impactV1
  ) -> CSVTables {
    encode(projects, dialect: CSVDialect(separator: separator, decimalComma: separator == ";"), scheme: scheme)
  }

  /// Writes projects as three CSV tables with every column, in the documented order.
  /// - Parameters:
  ///   - dialect: separator, decimal mark and byte order mark (``CSVDialect/excel`` for
  ///     French Excel); numbers keep ``CSVWriter/significantDigits`` digits.
  ///   - scheme: its risk types give the `risk_<type>` columns; risk types a project has
  ///     beyond them get a column too, sorted.
  public static func encode(
    _ projects: [Project], dialect: CSVDialect = .standard, scheme: Scheme = .impactV1
  ) -> CSVTables {
    let writer = CSVWriter(dialect)
    let layout = Layout(projects, scheme: scheme)
    var projectRows = [layout.projectHeader]
    var outcomeRows = [layout.outcomeHeader]
    var ratingRows = [layout.ratingHeader]
    for project in projects {
      let rows = layout.rows(of: project, writer: writer)
      projectRows.append(rows.project)
      outcomeRows += rows.outcomes
      ratingRows += rows.ratings
    }
    return CSVTables(
      projects: writer.document(projectRows), outcomes: writer.document(outcomeRows),
      ratings: writer.document(ratingRows))
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
        fields.report("extra must be one JSON value", column: extraColumn, key: "format.csv.extra")
      }
    }
    return reader.issues.count == issuesBefore ? project : nil
  }

  /// The project a row of outcomes or ratings belongs to: its index, or nil for a project
  /// refused for an error of its own (the row is read for its own errors, then dropped).
  /// Reports ids that are no project at all.
  private static func owner(
    of row: CSVTable.Row, table: CSVTable, columns: [String: Int], indexByID: [String: Int],
    refusedIDs: Set<String>, reader: CSVFieldReader
  ) -> (id: String, index: Int?)? {
    let fields = CSVRowFields(
      table: table, row: row, columns: columns, reader: reader, path: "line \(row.line)")
    guard let projectID = fields.string("project_id", required: true) else { return nil }
    if let index = indexByID[projectID] { return (projectID, index) }
    if refusedIDs.contains(projectID) { return (projectID, nil) }
    fields.report(
      "project_id \"\(projectID)\" is not a project of the projects table", column: "project_id",
      key: "format.csv.unknown_project", values: ["value": projectID])
    return nil
  }

  private static func readOutcome(_ fields: CSVRowFields) -> Outcome? {
    let issuesBefore = fields.reader.issues.count
    var outcome = Outcome(
      id: fields.string("id", required: true) ?? "",
      domain: fields.string("domain", required: true) ?? "")
    outcome.share = fields.double("share")
    outcome.indicator = fields.string("indicator")
    outcome.indicatorID = fields.string(indicatorIDColumn)
    outcome.impactID = fields.string(impactIDColumn)
    outcome.unit = fields.string("unit")
    outcome.direction = fields.enumeration("direction", as: Direction.self)
    outcome.baseline = fields.double("baseline")
    outcome.threshold = fields.double("threshold")
    outcome.target = fields.double("target")
    outcome.targets = fields.targets()
    outcome.actual = fields.double("actual")
    let veryMuch = fields.double("survey_very_much")
    let slightly = fields.double("survey_slightly")
    switch (veryMuch, slightly) {
    case (let veryMuch?, let slightly?):
      outcome.survey = Survey(veryMuch: veryMuch, slightly: slightly)
    case (nil, .some):
      fields.report(
        "survey_very_much is required with survey_slightly", column: "survey_very_much",
        key: "format.csv.required_with", values: ["other": "survey_slightly"])
    case (.some, nil):
      fields.report(
        "survey_slightly is required with survey_very_much", column: "survey_slightly",
        key: "format.csv.required_with", values: ["other": "survey_very_much"])
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
