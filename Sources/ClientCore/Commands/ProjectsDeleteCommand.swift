import ArgumentParser
import ImpactAPI
import Localization

/// `impact projects delete`: remove a project and its observations.
struct ProjectsDeleteCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "delete",
    abstract: "Delete a project and its observations.",
    discussion: """
      Exits 66 when there is no project with that id, 65 when --expected-revision does not match.

      Example:
        impact projects delete old-project --expected-revision 41
      """
  )

  @OptionGroup var global: GlobalOptions
  @OptionGroup var write: WriteOptions

  @Argument(help: "The project's id.")
  var id: String

  func run() async throws {
    var draft = Impact_V1_DeleteProjectRequest()
    draft.id = id
    if let expected = write.expectedRevision { draft.expectedRevision = expected }
    let request = draft
    let connection = try global.connection()
    let response = try await connection.run { client, _ in
      try await Impact_V1_ProjectService.Client(wrapping: client).deleteProject(
        request, metadata: connection.metadata, options: connection.callOptions)
    }
    let l = global.language.localizer
    try global.renderer().emit(response) {
      [.table(.fields([("deleted", l("label.deleted"), Cell(id)), ("revision", l("label.revision"), Cell(response.revision))]))]
    }
  }
}
