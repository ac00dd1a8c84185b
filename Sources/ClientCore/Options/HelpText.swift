import Foundation
import Localization

/// The texts of `impact --help` in the reader's language. ArgumentParser reads a command's
/// help before it parses the options, so `--lang` is looked for in the raw arguments, then
/// IMPACT_LANG and the locale decide, as for every other text.
///
/// ArgumentParser's own words (`USAGE:`, `OPTIONS:`, `Error:`) are translated after it has
/// printed the page: ``HelpPageText`` for help, ``UsageErrorText`` for usage errors.
enum HelpText {
  /// The language help is printed in.
  static var language: DisplayLanguage {
    GlobalOptions.language(option: ImpactCLI.requestedLanguage(Array(CommandLine.arguments.dropFirst())))
  }

  /// `HelpText.l("help.score.abstract")`: the text of `key` in the help's language.
  static func l(_ key: String, _ values: [String: String] = [:]) -> String {
    language.localizer(key, values)
  }
}
