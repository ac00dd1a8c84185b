import Analytics
import Foundation
import GRDB

/// Reads the whole portfolio fast: one sequential scan per table in key order, columns by
/// index, and children attached to their project by walking both in project id order (no
/// per-project query, no hash lookup per row).
struct PortfolioReader {
  let db: Database

  /// Everything but the ratings, which ``ratings()`` reads on another connection meanwhile.
  struct MainPart: Sendable {
    var revision: Int64
    var scheme: Scheme
    /// In id order, without ratings.
    var projects: [Project]
    var positions: [Int64]
  }

  /// The current ratings, by project in id order, each project's in `position` order.
  struct RatingPart: Sendable {
    var revision: Int64
    var groups: [(projectID: String, ratings: [Rating])]
  }

  func mainPart() throws -> MainPart {
    let (projects, positions) = try projectsWithoutRatings()
    return MainPart(
      revision: try ImpactDatabase.currentRevision(in: db), scheme: try activeScheme(),
      projects: projects, positions: positions)
  }

  func ratingPart() throws -> RatingPart {
    var groups: [(projectID: String, ratings: [Rating])] = []
    var pending: [(position: Int64, rating: Rating)] = []
    var currentID: String?
    func flush() {
      guard let currentID, !pending.isEmpty else { return }
      if !pending.indices.dropFirst().allSatisfy({ pending[$0 - 1].position < pending[$0].position }
      ) {
        pending.sort { $0.position < $1.position }
      }
      groups.append((currentID, pending.map(\.rating)))
      pending.removeAll(keepingCapacity: true)
    }
    let rows = try Row.fetchCursor(
      db,
      sql:
        "SELECT project_id, position, criterion, rater, value, comment FROM ratings ORDER BY project_id, criterion, rater"
    )
    while let row = try rows.next() {
      let projectID: String = row[0]
      if projectID != currentID {
        flush()
        currentID = projectID
      }
      pending.append(
        (row[1], Rating(criterion: row[2], rater: row[3], value: row[4], comment: row[5])))
    }
    flush()
    return RatingPart(revision: try ImpactDatabase.currentRevision(in: db), groups: groups)
  }

  /// The state made of two parts read at the same revision; `nil` if a commit came between.
  static func assemble(_ main: MainPart, _ ratings: RatingPart) throws -> StoredState? {
    guard main.revision == ratings.revision else { return nil }
    var projects = main.projects
    var walk = ProjectWalk()
    for group in ratings.groups {
      let index = try walk.index(of: group.projectID, in: projects, table: "ratings")
      projects[index].ratings = group.ratings
    }
    // Rows came in id order; the portfolio's order is the position column.
    let positions = main.positions
    let order = positions.indices.sorted { (positions[$0], $0) < (positions[$1], $1) }
    return StoredState(
      revision: main.revision, scheme: main.scheme, projects: order.map { projects[$0] })
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

  private func projectsWithoutRatings() throws -> ([Project], [Int64]) {
    var projects: [Project] = []
    var positions: [Int64] = []
    let projectRows = try Row.fetchCursor(
      db,
      sql: """
        SELECT id, position, name, programme, territory, status, amount, evidence_level, extra
        FROM projects ORDER BY id
        """)
    while let row = try projectRows.next() {
      let id: String = row[0]
      let statusText: String = row[5]
      guard let status = ProjectStatus(rawValue: statusText) else {
        throw StorageError.unreadableValue(
          table: "projects", key: id, column: "status", detail: "unknown status '\(statusText)'")
      }
      positions.append(row[1])
      projects.append(
        Project(
          id: id, name: row[2], programme: row[3], territory: row[4], status: status,
          amount: row[6],
          evidenceLevel: row[7], extra: row[8]))
    }

    var outcomes = ChildGroups(\Project.outcomes, table: "outcomes")
    let outcomeRows = try Row.fetchCursor(
      db,
      sql: """
        SELECT project_id, position, id, domain, share, indicator, unit, direction, baseline, threshold, target,
          actual, survey_very_much, survey_slightly, reach, duration_years, drop_off, deadweight, attribution,
          displacement, financial_proxy, harmful, nature
        FROM outcomes ORDER BY project_id, id
        """)
    while let row = try outcomeRows.next() {
      let index = try outcomes.project(row[0], in: &projects)
      outcomes.append(try outcome(row, projectID: projects[index].id), position: row[1])
    }
    outcomes.finish(in: &projects)

    var walk = ProjectWalk()
    let riskRows = try Row.fetchCursor(
      db, sql: "SELECT project_id, risk_type, level FROM risks ORDER BY project_id, risk_type")
    while let row = try riskRows.next() {
      let index = try walk.index(of: row[0], in: projects, table: "risks")
      projects[index].risks[row[1]] = row[2]
    }

    return (projects, positions)
  }

  private func outcome(_ row: Row, projectID: String) throws -> Outcome {
    let id: String = row[2]
    var direction: Direction?
    if let text = row[7] as String? {
      guard let value = Direction(rawValue: text) else {
        throw StorageError.unreadableValue(
          table: "outcomes", key: "\(projectID)/\(id)", column: "direction",
          detail: "unknown direction '\(text)'")
      }
      direction = value
    }
    let natureText: String = row[22]
    guard let nature = OutcomeNature(rawValue: natureText) else {
      throw StorageError.unreadableValue(
        table: "outcomes", key: "\(projectID)/\(id)", column: "nature",
        detail: "unknown nature '\(natureText)'")
    }
    var survey: Survey?
    if let veryMuch = row[12] as Double?, let slightly = row[13] as Double? {
      survey = Survey(veryMuch: veryMuch, slightly: slightly)
    }
    return Outcome(
      id: id, domain: row[3], share: row[4], indicator: row[5], unit: row[6], direction: direction,
      baseline: row[8], threshold: row[9], target: row[10], actual: row[11], survey: survey,
      reach: row[14],
      durationYears: row[15], dropOff: row[16], deadweight: row[17], attribution: row[18],
      displacement: row[19], financialProxy: row[20], harmful: row[21], nature: nature)
  }
}

/// A cursor over the projects, read in id order, that moves forward to the project of each
/// child row; child rows come in the same order (both sorted by SQLite's BINARY collation).
struct ProjectWalk {
  private var index = 0

  mutating func index(of projectID: String, in projects: [Project], table: String) throws -> Int {
    while index < projects.count, projects[index].id != projectID {
      index += 1
    }
    guard index < projects.count else {
      throw StorageError.unreadableValue(
        table: table, key: projectID, column: "project_id", detail: "no such project")
    }
    return index
  }
}

/// The children of one project at a time (outcomes, ratings), read in key order and put in
/// `position` order when their project is complete.
private struct ChildGroups<Child> {
  private let children: WritableKeyPath<Project, [Child]>
  private let table: String
  private var walk = ProjectWalk()
  private var current: Int?
  private var pending: [(position: Int64, child: Child)] = []

  init(_ children: WritableKeyPath<Project, [Child]>, table: String) {
    self.children = children
    self.table = table
  }

  /// Moves to the project of the next row; returns its index in `projects`.
  mutating func project(_ projectID: String, in projects: inout [Project]) throws -> Int {
    let index = try walk.index(of: projectID, in: projects, table: table)
    if index != current {
      finish(in: &projects)
      current = index
    }
    return index
  }

  mutating func append(_ child: Child, position: Int64) {
    pending.append((position, child))
  }

  /// Stores the pending children in their project.
  mutating func finish(in projects: inout [Project]) {
    guard let current, !pending.isEmpty else { return }
    if !pending.indices.dropFirst().allSatisfy({ pending[$0 - 1].position < pending[$0].position })
    {
      pending.sort { $0.position < $1.position }
    }
    projects[current][keyPath: children] = pending.map(\.child)
    pending.removeAll(keepingCapacity: true)
  }
}
