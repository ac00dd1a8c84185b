import ArgumentParser
import ImpactAPI
import Localization

/// `impact scheme set`: install a new scheme.
struct SchemeSetCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "set",
    abstract: HelpText.l("help.scheme.set.abstract"),
    discussion: """
      \(HelpText.l("help.scheme.set.discussion"))

      \(HelpText.l("help.example"))
        impact scheme set impact-v2.json --dry-run
      """
  )

  @OptionGroup var global: GlobalOptions
  @OptionGroup var write: WriteOptions

  @Argument(help: ArgumentHelp(HelpText.l("help.scheme.set.file"), valueName: "file"))
  var file: String

  @Flag(help: ArgumentHelp(HelpText.l("help.scheme.set.dry_run")))
  var dryRun = false

  func run() async throws {
    var draft = Impact_V1_SetSchemeRequest()
    draft.documentJson = try LocalFile.text(file)
    draft.validateOnly = dryRun
    if let expected = write.expectedRevision { draft.expectedRevision = expected }
    let request = draft
    let connection = try global.connection()
    let response = try await connection.run { client, _ in
      try await Impact_V1_PortfolioService.Client(wrapping: client).setScheme(
        request, metadata: connection.metadata, options: connection.callOptions)
    }
    let l = global.language.localizer
    try global.renderer().emit(response) {
      [
        .table(
          .fields(
            title: dryRun ? l("scheme.set.dry_run.title") : l("scheme.set.title"),
            [
              ("scheme", l("label.scheme"), Cell(response.scheme.id)),
              ("revision", l("label.revision"), Cell(response.revision)),
            ])
        )
      ]
    }
  }
}
