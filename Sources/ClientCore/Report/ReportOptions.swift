import ArgumentParser
import Foundation
import Localization

/// The options every report shares: where to write the page, the PDF and the data, its title
/// and the time it is dated.
struct ReportOptions: ParsableArguments {
  @Option(
    name: [.customShort("o"), .customLong("to")],
    help: ArgumentHelp(HelpText.l("help.report.output"), valueName: "file.html"))
  var to: String

  @Option(help: ArgumentHelp(HelpText.l("help.report.title"), valueName: "text"))
  var title: String?

  @Option(help: ArgumentHelp(HelpText.l("help.report.pdf"), valueName: "file.pdf"))
  var pdf: String?

  @Option(help: ArgumentHelp(HelpText.l("help.report.data"), valueName: "file.json"))
  var data: String?

  @Option(
    name: .customLong("generated-at"), help: ArgumentHelp(HelpText.l("help.report.generated_at"), valueName: "time"))
  var generatedAt: String?

  /// Whether `text` is a UTC time `YYYY-MM-DDTHH:MM[:SS]Z`.
  static func isUTCTime(_ text: String) -> Bool {
    text.wholeMatch(of: /\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?Z/) != nil
  }

  func validate(language: DisplayLanguage) throws {
    if let generatedAt, !Self.isUTCTime(generatedAt) {
      throw ValidationError(language.localizer("error.report.generated_at", ["value": generatedAt]))
    }
  }

  /// `--generated-at`, or now in UTC to the second.
  var generationTime: String {
    if let generatedAt { return generatedAt }
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: Date())
  }
}
