import Analytics
import ArgumentParser
import ImpactAPI
import Localization

/// `impact framework show`: the active framework (or one version) as an outline and tables.
struct FrameworkShowCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: HelpText.l("help.framework.show.abstract"),
    discussion: """
      \(HelpText.l("help.framework.show.discussion"))

      \(HelpText.l("help.example"))
        impact framework show --lang fr
        impact framework show --versions
        impact framework show --document > framework.json
      """
  )

  @OptionGroup var global: GlobalOptions

  @Option(help: ArgumentHelp(HelpText.l("help.framework.show.version"), valueName: "n"))
  var version: Int64?

  @Flag(help: ArgumentHelp(HelpText.l("help.framework.show.versions")))
  var versions = false

  @Flag(help: ArgumentHelp(HelpText.l("help.framework.show.document")))
  var document = false

  func run() async throws {
    let connection = try global.connection()
    let renderer = global.renderer()
    let l = renderer.l
    if versions {
      let response = try await connection.run { client, _ in
        try await Impact_V1_FrameworkService.Client(wrapping: client).listFrameworkVersions(
          Impact_V1_ListFrameworkVersionsRequest(), metadata: connection.metadata, options: connection.callOptions)
      }
      try renderer.emit(response) {
        var table = Table(
          title: l("framework.title.versions"),
          columns: [
            .number("version", l("framework.field.version")), .text("set_at", l("framework.field.set_at")),
            .text("set_by", l("framework.field.set_by")), .number("revision", l("label.revision")),
          ])
        for entry in response.versions {
          table.append([
            Cell(entry.version), Cell(entry.hasSetAt ? TimeText.iso8601(entry.setAt) : ""), Cell(entry.setBy),
            Cell(entry.revision),
          ])
        }
        return [.table(table)]
      }
      return
    }
    var request = Impact_V1_GetFrameworkRequest()
    if let version { request.version = version }
    let asked = request
    let language = renderer.language
    let (response, labels) = try await connection.run { client, _ in
      let response = try await Impact_V1_FrameworkService.Client(wrapping: client).getFramework(
        asked, metadata: connection.metadata, options: connection.callOptions)
      return (response, try await SchemeLabels.fetch(client, connection, language: language))
    }
    if document {
      StandardStreams.writeLine(response.documentJson)
      return
    }
    let framework = try FrameworkFetch.framework(from: response.documentJson)
    let tables = FrameworkTables(framework: framework, renderer: renderer, labels: labels)
    try renderer.emit(response) {
      [
        .table(tables.identity(response.version, revision: response.revision)), tables.outline(),
        .table(tables.impacts()), .table(tables.indicators()),
      ]
    }
  }
}
