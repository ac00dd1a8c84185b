import ArgumentParser
import ImpactAPI
import Localization

/// `impact projects delete`: remove a project and its observations.
struct ProjectsDeleteCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "delete",
    abstract: HelpText.l("help.projects.delete.abstract"),
    discussion: """
      \(HelpText.l("help.projects.delete.discussion"))

      \(HelpText.l("help.example"))
        impact projects delete old-project --expected-revision 41
      """
  )

  @OptionGroup var global: GlobalOptions
  @OptionGroup var write: WriteOptions

  @Argument(help: ArgumentHelp(HelpText.l("help.project.id")))
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
      [
        .table(
          .fields([
            ("deleted", l("label.deleted"), Cell(id)), ("revision", l("label.revision"), Cell(response.revision)),
          ]))
      ]
    }
  }
}
