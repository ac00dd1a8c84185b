import Analytics
import ArgumentParser
import Localization

/// `--domain` and `--kind` of `impact indicators list` and `search`.
struct IndicatorSelectionOptions: ParsableArguments {
  @Option(help: ArgumentHelp(HelpText.l("help.indicators.domain"), valueName: "domain"))
  var domain: String?

  @Option(
    name: .customLong("kind"), help: ArgumentHelp(HelpText.l("help.indicators.kind"), valueName: "output|outcome"))
  var kindArgument: KindArgument?

  /// The kind asked for, nil for both.
  var kind: IndicatorKind? { kindArgument.map { $0 == .output ? .output : .outcome } }

  /// The values `--kind` takes.
  enum KindArgument: String, CaseIterable, ExpressibleByArgument {
    case output, outcome
  }

  /// Refuses a domain no indicator of the bank belongs to, listing the ones it has.
  func check(_ bank: IndicatorBank, language: DisplayLanguage) throws {
    guard let domain else { return }
    let domains = Scheme.impactV1.domains.map(\.id)
    if !domains.contains(domain) {
      throw ValidationError(
        language.localizer("error.indicators.domain", ["value": domain, "allowed": domains.joined(separator: ", ")]))
    }
  }
}
