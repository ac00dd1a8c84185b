package import Analytics
package import Foundation

/// The portfolio rebuilt by replaying journal entries in order (`docs/storage.md` says what
/// each kind's payload holds and how it replays). Pure: the entries come from the caller.
package struct JournalReplay {
  package private(set) var revision: Int64
  package private(set) var scheme: Scheme
  package private(set) var projects: [String: Project]

  /// Starts from a known state (the empty store at revision 0, a cached past state or a
  /// snapshot's documents).
  package init(revision: Int64, scheme: Scheme, projects: [Project]) {
    self.revision = revision
    self.scheme = scheme
    self.projects = Dictionary(projects.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
  }

  /// Applies `entry`, which must be the next revision.
  /// - Throws: ``StorageError/unreadableValue(table:key:column:detail:)`` for a payload this
  ///   version cannot read.
  package mutating func apply(_ entry: JournalEntry) throws {
    precondition(entry.revision == revision + 1, "journal entries must be applied in order")
    let delta = try Self.delta(of: entry, project: { projects[$0] }, projectIDs: { Array(projects.keys) })
    if let adopted = delta.scheme {
      scheme = adopted
      projects = Dictionary(delta.upserts.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
    } else {
      for id in delta.removals { projects[id] = nil }
      for project in delta.upserts { projects[project.id] = project }
    }
    revision = entry.revision
  }

  /// What one journal entry changes in the portfolio it follows: the projects it adds or
  /// replaces and those it removes, or, when it adopts a scheme, the whole portfolio under it.
  package struct Delta {
    /// The projects added or replaced; with a `scheme`, every project of the portfolio.
    package var upserts: [Project] = []
    /// The ids of the projects removed (none with a `scheme`).
    package var removals: [String] = []
    /// The scheme the entry adopts, when it adopts one.
    package var scheme: Scheme?
  }

  /// What `entry` changes in the portfolio before it: the one reading of each kind's payload
  /// (`docs/storage.md`), shared by a replay of the past and a daemon following the others.
  /// - Parameters:
  ///   - project: the project of that id before the entry.
  ///   - projectIDs: the ids of every project before the entry.
  /// - Throws: ``StorageError/unreadableValue(table:key:column:detail:)`` for a payload this
  ///   version cannot read.
  package static func delta(
    of entry: JournalEntry, project: (String) -> Project?, projectIDs: () -> [String]
  ) throws -> Delta {
    let payload = Data(entry.payload.utf8)
    var delta = Delta()
    do {
      switch entry.kind {
      case .upsertProjects:
        delta.upserts = try document(of: entry, payload: payload).projects
      case .replacePortfolio:
        let document = try document(of: entry, payload: payload)
        if let adopted = document.scheme {
          delta.scheme = adopted
          delta.upserts = document.projects
        } else {
          // Without a new scheme, a project the import left unchanged keeps its stored version
          // (only the changed and removed ones are listed), as the live store does.
          let touched = Set(entry.projectIDs)
          delta.upserts = document.projects.filter { touched.contains($0.id) || project($0.id) == nil }
          let kept = Set(document.projects.map(\.id))
          delta.removals = projectIDs().filter { !kept.contains($0) }
        }
      case .deleteProjects:
        delta.removals = entry.projectIDs
      case .setScheme:
        delta.scheme = try SchemeJSON.decode(payload, source: "journal")
        delta.upserts = projectIDs().compactMap(project)
      case .recordObservation:
        let fields = try JSONDecoder().decode(ObservationFields.self, from: payload)
        if var changed = project(fields.projectID),
          let index = changed.outcomes.firstIndex(where: { $0.id == fields.outcomeID })
        {
          changed.outcomes[index].actual = fields.value
          delta.upserts = [changed]
        }
      case .recordRating:
        let fields = try JSONDecoder().decode(RatingFields.self, from: payload)
        if var changed = project(fields.projectID) {
          changed.record(
            Rating(criterion: fields.criterion, rater: fields.rater, value: fields.value, comment: fields.comment))
          delta.upserts = [changed]
        }
      case .createSnapshot, .deleteSnapshot, .setFramework:
        break
      }
    } catch let error as StorageError {
      throw error
    } catch {
      throw StorageError.unreadableValue(
        table: "journal", key: "\(entry.revision)", column: "payload", detail: "\(error)")
    }
    return delta
  }

  /// The portfolio document of an import's row: its payload, with the projects of the
  /// binary column when the row has one (from schema 10 on), else those of the payload.
  package static func document(of entry: JournalEntry, payload: Data) throws -> PortfolioDocument {
    var document = try PortfolioJSON.decode(payload, source: "journal")
    if let binary = entry.projects {
      do {
        document.projects = try ProjectsBinary.decode(binary)
      } catch {
        throw StorageError.unreadableValue(
          table: "journal", key: "\(entry.revision)", column: "projects", detail: "\(error)")
      }
    }
    return document
  }

  package struct ObservationFields: Decodable {
    package var projectID: String
    package var outcomeID: String
    package var value: Double

    enum CodingKeys: String, CodingKey {
      case projectID = "project_id", outcomeID = "outcome_id", value
    }
  }

  package struct RatingFields: Decodable {
    package var projectID: String
    package var criterion: String
    package var rater: String
    package var value: Double
    package var comment: String?

    enum CodingKeys: String, CodingKey {
      case projectID = "project_id", criterion, rater, value, comment
    }
  }
}
