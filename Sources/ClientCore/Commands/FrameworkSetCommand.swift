import Analytics
import ArgumentParser
import Foundation
import ImpactAPI
import Localization

/// `impact framework set`: install a new version of the framework (admin).
struct FrameworkSetCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "set",
    abstract: HelpText.l("help.framework.set.abstract"),
    discussion: """
      \(HelpText.l("help.framework.set.discussion"))

      \(HelpText.l("help.example"))
        impact framework show --document > framework.json
        impact framework set framework.json --dry-run
      """
  )

  @OptionGroup var global: GlobalOptions
  @OptionGroup var write: WriteOptions

  @Argument(help: ArgumentHelp(HelpText.l("help.framework.set.file"), valueName: "file"))
  var file: String

  @Flag(help: ArgumentHelp(HelpText.l("help.framework.set.dry_run")))
  var dryRun = false

  func run() async throws {
    let text = try LocalFile.text(file)
    var draft = Impact_V1_SetFrameworkRequest()
    draft.documentJson = text
    draft.validateOnly = dryRun
    if let expected = write.expectedRevision { draft.expectedRevision = expected }
    let request = draft
    let connection = try global.connection()
    // Checked here first against the daemon's scheme, so that a mistake is named by the file's
    // own line and column; the daemon checks it again.
    let scheme = try await connection.run { client, _ in
      try await Impact_V1_PortfolioService.Client(wrapping: client).getScheme(
        Impact_V1_GetSchemeRequest(), metadata: connection.metadata, options: connection.callOptions)
    }
    do {
      _ = try FrameworkJSON.decode(Data(text.utf8), source: file, domains: Set(scheme.scheme.domains.map(\.id)))
    } catch {
      let list = IssueList(
        language: global.language, errorsPath: nil, headline: ("framework.issues.one", "framework.issues.many"))
      throw try list.failure(error.issues.map { CheckedIssue($0) })
    }
    let response = try await connection.run { client, _ in
      try await Impact_V1_FrameworkService.Client(wrapping: client).setFramework(
        request, metadata: connection.metadata, options: connection.callOptions)
    }
    let l = global.language.localizer
    try global.renderer().emit(response) {
      [
        .table(
          .fields(
            title: dryRun ? l("framework.set.dry_run.title") : l("framework.set.title"),
            [
              ("version", l("framework.field.version"), Cell(response.version.version)),
              ("impacts", l("framework.field.impacts"), Cell(Int64(response.impactCount))),
              ("indicators", l("framework.field.indicators"), Cell(Int64(response.indicatorCount))),
              ("revision", l("label.revision"), Cell(response.revision)),
            ])
        )
      ]
    }
  }
}
