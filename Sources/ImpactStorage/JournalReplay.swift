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
    let payload = Data(entry.payload.utf8)
    func unreadable(_ detail: String) -> StorageError {
      .unreadableValue(table: "journal", key: "\(entry.revision)", column: "payload", detail: detail)
    }
    do {
      switch entry.kind {
      case .upsertProjects:
        for project in try Self.document(of: entry, payload: payload).projects {
          projects[project.id] = project
        }
      case .replacePortfolio:
        let document = try Self.document(of: entry, payload: payload)
        // Without a new scheme, a project the import left unchanged keeps its stored version
        // (only the changed and removed ones are listed), as the live store does.
        let touched = Set(entry.projectIDs)
        var next: [String: Project] = [:]
        next.reserveCapacity(document.projects.count)
        for project in document.projects {
          if document.scheme == nil, !touched.contains(project.id), let kept = projects[project.id] {
            next[project.id] = kept
          } else {
            next[project.id] = project
          }
        }
        projects = next
        if let adopted = document.scheme { scheme = adopted }
      case .deleteProjects:
        for id in entry.projectIDs { projects[id] = nil }
      case .setScheme:
        scheme = try SchemeJSON.decode(payload, source: "journal")
      case .recordObservation:
        let fields = try JSONDecoder().decode(ObservationFields.self, from: payload)
        if var project = projects[fields.projectID],
          let index = project.outcomes.firstIndex(where: { $0.id == fields.outcomeID })
        {
          project.outcomes[index].actual = fields.value
          projects[project.id] = project
        }
      case .recordRating:
        let fields = try JSONDecoder().decode(RatingFields.self, from: payload)
        if var project = projects[fields.projectID] {
          project.record(
            Rating(criterion: fields.criterion, rater: fields.rater, value: fields.value, comment: fields.comment))
          projects[project.id] = project
        }
      case .createSnapshot, .deleteSnapshot, .setFramework:
        break
      }
    } catch let error as StorageError {
      throw error
    } catch {
      throw unreadable("\(error)")
    }
    revision = entry.revision
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
