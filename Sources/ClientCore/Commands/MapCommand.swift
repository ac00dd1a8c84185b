import Analytics
import ArgumentParser
import ImpactAPI
import Localization

/// `impact map --programme P`: a programme's impact map (theory of change) from the framework,
/// as an indented tree.
struct MapCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "map",
    abstract: HelpText.l("help.map.abstract"),
    discussion: """
      \(HelpText.l("help.map.discussion"))

      \(HelpText.l("help.example"))
        impact map --programme Tiers-lieux
        impact map --programme "Aide alimentaire" --lang fr
      """
  )

  @OptionGroup var global: GlobalOptions

  @Option(help: ArgumentHelp(HelpText.l("help.map.programme"), valueName: "programme"))
  var programme: String

  func run() async throws {
    let connection = try global.connection()
    let renderer = global.renderer()
    let language = renderer.language
    let (response, labels) = try await connection.run { client, _ in
      let response = try await Impact_V1_FrameworkService.Client(wrapping: client).getFramework(
        Impact_V1_GetFrameworkRequest(), metadata: connection.metadata, options: connection.callOptions)
      return (response, try await SchemeLabels.fetch(client, connection, language: language))
    }
    let framework = try FrameworkFetch.framework(from: response.documentJson)
    guard let described = framework.programme(programme) else {
      throw CommandFailure(
        .notFound,
        .l(
          "framework.map.unknown_programme",
          ["programme": programme, "known": framework.programmes.map(\.programme).joined(separator: ", ")]))
    }
    let tables = FrameworkTables(framework: framework, renderer: renderer, labels: labels)
    if renderer.format == .json {
      StandardStreams.writeLine(String(decoding: FrameworkJSON.encode(described), as: UTF8.self))
      return
    }
    try renderer.emit(response) { [tables.map(described)] }
  }
}
