import ArgumentParser
import ImpactAPI
import Localization
import Reports

/// `impact report project ID`: one project's sheet.
struct ReportProjectCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "project",
    abstract: HelpText.l("help.report.project.abstract"),
    discussion: """
      \(HelpText.l("help.example"))
        impact report project bus-sante-nievre -o bus-sante.html --lang fr
      """
  )

  @OptionGroup var global: GlobalOptions
  @OptionGroup var report: ReportOptions
  @OptionGroup var at: AtOptions

  @Argument(help: ArgumentHelp(HelpText.l("help.report.project"), valueName: "project"))
  var project: String

  func validate() throws { try report.validate(language: global.language) }

  func run() async throws {
    let language = global.language
    let connection = try global.connection()
    let moment = at.message
    let typed = project
    let titleOption = report.title
    let generatedAt = report.generationTime
    let input = try await connection.run { client, deadline in
      var source = ReportSource(client: client, connection: connection, language: language, deadline: deadline)
      source.at = moment
      let id = try await ProjectReference.id(typed, client: client, connection: connection)
      let scheme = try await source.scheme()
      let everyScore = try await source.scores(nil)
      let (sheet, revision) = try await source.sheet(id, scheme: scheme, everyScore: everyScore)
      let title = titleOption ?? language.localizer("report.title.project", ["name": sheet.project.name])
      return ProjectReportInput(
        identity: ReportIdentity(title: title, revision: revision, schemeID: scheme.id, generatedAt: generatedAt),
        scheme: ReportScheme(scheme, language: language), sheet: sheet)
    }
    let rendered = ProjectSheet.render(input, language: language == .fr ? .fr : .en)
    try ReportFiles.write(rendered, kind: "project", options: report, language: language)
  }
}
