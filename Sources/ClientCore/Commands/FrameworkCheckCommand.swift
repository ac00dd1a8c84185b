import Analytics
import ArgumentParser
import ImpactAPI
import Localization

/// `impact framework check`: what the portfolio measures of the framework — the gaps, what
/// each impact receives, and per programme each site against the common impacts.
struct FrameworkCheckCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: HelpText.l("help.framework.check.abstract"),
    discussion: """
      \(HelpText.l("help.framework.check.discussion"))

      \(HelpText.l("help.example"))
        impact framework check
        impact framework check --programme Tiers-lieux --lang fr
        impact framework check --output csv --excel > framework-check.csv
      """
  )

  @OptionGroup var global: GlobalOptions

  @Option(help: ArgumentHelp(HelpText.l("help.framework.check.programme"), valueName: "programme"))
  var programme: String?

  func run() async throws {
    var draft = Impact_V1_CheckFrameworkRequest()
    if let programme { draft.programme = programme }
    let request = draft
    let connection = try global.connection()
    let renderer = global.renderer()
    let language = renderer.language
    let (response, labels) = try await connection.run { client, _ in
      let response = try await Impact_V1_FrameworkService.Client(wrapping: client).checkFramework(
        request, metadata: connection.metadata, options: connection.callOptions)
      return (response, try await SchemeLabels.fetch(client, connection, language: language))
    }
    let framework = try FrameworkFetch.framework(from: response.documentJson)
    let tables = FrameworkTables(framework: framework, renderer: renderer, labels: labels)
    try renderer.emit(response) {
      if programme != nil { return response.programmes.map { .table(tables.matrix($0)) } }
      return tables.checkSections(response)
    }
  }
}
