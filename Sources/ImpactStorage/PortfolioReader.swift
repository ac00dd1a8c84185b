import Analytics
import Foundation
import GRDB

/// Reads the whole portfolio fast: one sequential scan per table in key order, columns read
/// straight from SQLite (``StatementColumns``), and children attached to their project by
/// walking both in project id order (no per-project query, no hash lookup per row).
///
/// The work is cut in two parts of about the same size, read on two connections at once:
/// projects with their outcomes (``mainPart()``), and the ratings and risks
/// (``childPart()``); ``assemble(_:_:order:)`` joins them.
struct PortfolioReader {
  let db: Database

  /// The projects with their outcomes, without ratings and risks.
  struct MainPart: Sendable {
    var revision: Int64
    var scheme: Scheme
    /// In id order.
    var projects: ProjectList
    var positions: [Int64]
  }

  /// The projects being assembled, held by reference: copies of a ``MainPart`` (in a `Result`,
  /// a tuple) share one array, which ``assemble(_:_:order:)`` then completes in place instead
  /// of copying 100 000 projects.
  ///
  /// Handed from the thread that read it to the one that assembles it once the read ended;
  /// never used by two threads at once.
  final class ProjectList: @unchecked Sendable {
    var projects: [Project]
    init(_ projects: [Project]) { self.projects = projects }
  }

  /// The current ratings and risks, by project in id order; each project's ratings in
  /// `position` order.
  struct ChildPart: Sendable {
    var revision: Int64
    var ratings: [(projectID: String, ratings: [Rating])]
    var risks: [(projectID: String, risks: [String: Int])]
  }

  /// The order of ``StoredState/projects``.
  enum ProjectOrder {
    /// Insertion order (the `position` column), as a portfolio document lists them.
    case portfolio
    /// Id order, as SQLite sorts text (byte order of the UTF-8).
    case id
  }

  func mainPart() throws -> MainPart {
    var projects: [Project] = []
    var positions: [Int64] = []
    try readProjects(into: &projects, positions: &positions)
    try readOutcomes(into: &projects)
    return MainPart(
      revision: try ImpactDatabase.currentRevision(in: db), scheme: try activeScheme(),
      projects: ProjectList(projects), positions: positions)
  }

  func childPart() throws -> ChildPart {
    let ratings = try readRatings()
    let risks = try readRisks()
    return ChildPart(
      revision: try ImpactDatabase.currentRevision(in: db), ratings: ratings, risks: risks)
  }

  /// The state made of two parts read at the same revision; `nil` if a commit came between.
  /// Takes the projects out of `main`, which is left empty.
  static func assemble(
    _ main: MainPart, _ children: ChildPart, order: ProjectOrder
  )
    throws -> StoredState?
  {
    guard main.revision == children.revision else { return nil }
    var projects: [Project] = []
    swap(&projects, &main.projects.projects)
    var walk = ProjectWalk()
    for group in children.ratings {
      let index = try walk.index(of: group.projectID, in: projects, table: "ratings")
      projects[index].ratings = group.ratings
    }
    walk = ProjectWalk()
    for group in children.risks {
      let index = try walk.index(of: group.projectID, in: projects, table: "risks")
      projects[index].risks = group.risks
    }
    switch order {
    case .id:
      return StoredState(revision: main.revision, scheme: main.scheme, projects: projects)
    case .portfolio:
      let positions = main.positions
      let order = positions.indices.sorted { (positions[$0], $0) < (positions[$1], $1) }
      return StoredState(
        revision: main.revision, scheme: main.scheme, projects: order.map { projects[$0] })
    }
  }

  func activeScheme() throws -> Scheme {
    guard let row = try Row.fetchOne(db, sql: "SELECT id, document FROM schemes WHERE active = 1")
    else {
      return .impactV1
    }
    let id: String = row[0]
    let document: String = row[1]
    do {
      return try SchemeJSON.decode(Data(document.utf8), source: "schemes.document")
    } catch {
      throw StorageError.unreadableValue(
        table: "schemes", key: id, column: "document", detail: error.description)
    }
  }

  private func readProjects(into projects: inout [Project], positions: inout [Int64]) throws {
    let statement = try db.makeStatement(
      sql: """
        SELECT id, position, name, programme, territory, status, amount, evidence_level, extra
        FROM projects ORDER BY id
        """)
    let columns = StatementColumns(statement, table: "projects")
    var statuses = TextInterner()
    var programmes = TextInterner()
    var territories = TextInterner()
    let rows = try Row.fetchCursor(statement)
    while try rows.next() != nil {
      let id = try columns.text(0, key: "?", name: "id")
      let statusText = try columns.text(5, interner: &statuses, key: id, name: "status")
      guard let status = ProjectStatus(rawValue: statusText) else {
        throw StorageError.unreadableValue(
          table: "projects", key: id, column: "status", detail: "unknown status '\(statusText)'")
      }
      positions.append(columns.integer(1))
      projects.append(
        Project(
          id: id, name: try columns.text(2, key: id, name: "name"),
          programme: try columns.text(3, interner: &programmes, key: id, name: "programme"),
          territory: try columns.text(4, interner: &territories, key: id, name: "territory"),
          status: status,
          amount: columns.double(6), evidenceLevel: columns.optionalInteger(7).map { Int($0) },
          extra: columns.optionalText(8)))
    }
  }

  private func readOutcomes(into projects: inout [Project]) throws {
    var walk = ProjectWalk()
    var pending = PositionedChildren<Outcome>()
    var interners = OutcomeInterners()
    try forEachRowByProject(
      sql: """
        SELECT project_id, position, id, domain, share, indicator, unit, direction, baseline, threshold, target,
          actual, survey_very_much, survey_slightly, reach, duration_years, drop_off, deadweight, attribution,
          displacement, financial_proxy, harmful, nature, indicator_id, targets, impact_id
        FROM outcomes ORDER BY project_id, id
        """,
      table: "outcomes",
      row: { columns, projectID in
        pending.append(
          try outcome(columns, projectID: projectID, interners: &interners),
          position: columns.integer(1))
      },
      endOfProject: { projectID in
        let index = try walk.index(of: projectID, in: projects, table: "outcomes")
        projects[index].outcomes = pending.take()
      })
  }

  /// The columns of outcomes that take few distinct values.
  private struct OutcomeInterners {
    var domains = TextInterner()
    var units = TextInterner()
    var indicators = TextInterner()
    var indicatorIDs = TextInterner()
    var impactIDs = TextInterner()
    var directions = TextInterner()
    var natures = TextInterner()
  }

  private func outcome(
    _ columns: StatementColumns, projectID: String, interners: inout OutcomeInterners
  ) throws -> Outcome {
    let id = try columns.text(2, key: projectID, name: "id")
    var direction: Direction?
    if let text = columns.optionalText(7, interner: &interners.directions) {
      guard let value = Direction(rawValue: text) else {
        throw StorageError.unreadableValue(
          table: "outcomes", key: "\(projectID)/\(id)", column: "direction",
          detail: "unknown direction '\(text)'")
      }
      direction = value
    }
    let natureText = try columns.text(
      22, interner: &interners.natures, key: "\(projectID)/\(id)", name: "nature")
    guard let nature = OutcomeNature(rawValue: natureText) else {
      throw StorageError.unreadableValue(
        table: "outcomes", key: "\(projectID)/\(id)", column: "nature",
        detail: "unknown nature '\(natureText)'")
    }
    var survey: Survey?
    if let veryMuch = columns.optionalDouble(12), let slightly = columns.optionalDouble(13) {
      survey = Survey(veryMuch: veryMuch, slightly: slightly)
    }
    return Outcome(
      id: id,
      domain: try columns.text(
        3, interner: &interners.domains, key: "\(projectID)/\(id)", name: "domain"),
      share: columns.optionalDouble(4),
      indicator: columns.optionalText(5, interner: &interners.indicators),
      indicatorID: columns.optionalText(23, interner: &interners.indicatorIDs),
      unit: columns.optionalText(6, interner: &interners.units), direction: direction,
      baseline: columns.optionalDouble(8), threshold: columns.optionalDouble(9),
      target: columns.optionalDouble(10), actual: columns.optionalDouble(11), survey: survey,
      reach: columns.optionalDouble(14),
      durationYears: columns.optionalInteger(15).map { Int($0) },
      dropOff: columns.optionalDouble(16), deadweight: columns.optionalDouble(17),
      attribution: columns.optionalDouble(18), displacement: columns.optionalDouble(19),
      financialProxy: columns.optionalDouble(20), harmful: columns.integer(21) != 0,
      nature: nature,
      targets: try StoredTargets.targets(columns.optionalText(24), key: "\(projectID)/\(id)"),
      impactID: columns.optionalText(25, interner: &interners.impactIDs))
  }

  private func readRatings() throws -> [(projectID: String, ratings: [Rating])] {
    var groups: [(projectID: String, ratings: [Rating])] = []
    var pending = PositionedChildren<Rating>()
    var criteria = TextInterner()
    var raters = TextInterner()
    try forEachRowByProject(
      sql:
        "SELECT project_id, position, criterion, rater, value, comment FROM ratings ORDER BY project_id, criterion, rater",
      table: "ratings",
      row: { columns, projectID in
        pending.append(
          Rating(
            criterion: try columns.text(2, interner: &criteria, key: projectID, name: "criterion"),
            rater: try columns.text(3, interner: &raters, key: projectID, name: "rater"),
            value: columns.double(4),
            comment: columns.optionalText(5)),
          position: columns.integer(1))
      },
      endOfProject: { projectID in groups.append((projectID, pending.take())) })
    return groups
  }

  private func readRisks() throws -> [(projectID: String, risks: [String: Int])] {
    var groups: [(projectID: String, risks: [String: Int])] = []
    var pending: [(String, Int)] = []
    var riskTypes = TextInterner()
    try forEachRowByProject(
      sql: "SELECT project_id, risk_type, level FROM risks ORDER BY project_id, risk_type",
      table: "risks",
      row: { columns, projectID in
        pending.append(
          (
            try columns.text(1, interner: &riskTypes, key: projectID, name: "risk_type"),
            Int(columns.integer(2))
          ))
      },
      endOfProject: { projectID in
        // Built at its final size: inserting one by one would grow and rehash the table.
        var risks: [String: Int] = Dictionary(minimumCapacity: pending.count)
        for (type, level) in pending { risks[type] = level }
        groups.append((projectID, risks))
        pending.removeAll(keepingCapacity: true)
      })
    return groups
  }

  /// Steps through the rows of `sql`, whose first column is the project id and which come in
  /// project id order: `row` for each row, then `endOfProject` after the last row of each
  /// project.
  private func forEachRowByProject(
    sql: String,
    table: String,
    row: (StatementColumns, String) throws -> Void,
    endOfProject: (String) throws -> Void
  ) throws {
    let statement = try db.makeStatement(sql: sql)
    let columns = StatementColumns(statement, table: table)
    var currentID: String?
    let rows = try Row.fetchCursor(statement)
    while try rows.next() != nil {
      let projectID = try columns.text(0, key: "?", name: "project_id")
      if projectID != currentID {
        if let currentID { try endOfProject(currentID) }
        currentID = projectID
      }
      try row(columns, projectID)
    }
    if let currentID { try endOfProject(currentID) }
  }
}
