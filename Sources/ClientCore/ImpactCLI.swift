import ArgumentParser
import Foundation
import Localization

/// The entry point of the `impact` executable: parses the command line, runs the command, and
/// turns failures into `impact: <message>` on stderr and a documented exit status.
public enum ImpactCLI {
  /// Runs `impact` with `arguments` (the process arguments when nil) and exits.
  public static func main(arguments: [String]? = nil) async -> Never {
    let arguments = LeadingGlobalOptions.reorder(arguments ?? Array(CommandLine.arguments.dropFirst()))
    do {
      var command = try ImpactCommand.parseAsRoot(withoutHelpLanguage(arguments))
      if var asyncCommand = command as? any AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
      exit(ExitStatus.ok.code)
    } catch let failure as CommandFailure {
      let language = GlobalOptions.language(option: requestedLanguage(arguments))
      StandardStreams.writeError("impact: \(failure.message(in: language))")
      exit(failure.status.code)
    } catch {
      // Help and version requests, and usage errors: in English as ArgumentParser prints them,
      // in French with its words translated.
      let language = GlobalOptions.language(option: requestedLanguage(arguments))
      let code = ImpactCommand.exitCode(for: error)
      guard language != .en else { ImpactCommand.exit(withError: error) }
      if code == .success {
        // A help page (`--help`, `impact help …`, a command group without its subcommand):
        // its headings in the reader's language too, on stdout as ArgumentParser prints it.
        let page = ImpactCommand.fullMessage(for: error)
        guard HelpPageText.isHelpPage(page) else { ImpactCommand.exit(withError: error) }
        let width =
          ProcessInfo.processInfo.environment["COLUMNS"] != nil || isatty(STDOUT_FILENO) == 1
          ? TerminalWidth.current() : 80
        StandardStreams.writeLine(HelpPageText.translate(page, language.localizer, width: width))
        exit(code.rawValue)
      }
      StandardStreams.writeError(UsageErrorText.translate(ImpactCommand.fullMessage(for: error), language.localizer))
      exit(code.rawValue)
    }
  }

  /// `arguments` without `--lang` when they ask ArgumentParser's `help` command, which takes
  /// no options (`impact help score --lang fr`); the help's language is read from the
  /// process arguments (``HelpText``), so it is kept.
  static func withoutHelpLanguage(_ arguments: [String]) -> [String] {
    guard arguments.first == "help" else { return arguments }
    var kept: [String] = []
    var rest = arguments[...]
    while let argument = rest.popFirst() {
      if argument == "--" {
        kept.append(argument)
        kept += rest
        break
      }
      if argument == "--lang" {
        _ = rest.popFirst()
      } else if !argument.hasPrefix("--lang=") {
        kept.append(argument)
      }
    }
    return kept
  }

  /// The language `--lang` asks for among `arguments` (`--lang fr`, `--lang=fr`), read again
  /// here because a failure may be thrown before or outside the command that parsed it; nil
  /// when there is no valid `--lang`, so that IMPACT_LANG and the locale decide.
  static func requestedLanguage(_ arguments: [String]) -> DisplayLanguage? {
    var requested: DisplayLanguage?
    var rest = arguments[...]
    while let argument = rest.popFirst(), argument != "--" {
      if argument == "--lang", let value = rest.first {
        requested = DisplayLanguage(rawValue: value) ?? requested
      } else if argument.hasPrefix("--lang=") {
        requested = DisplayLanguage(rawValue: String(argument.dropFirst("--lang=".count))) ?? requested
      }
    }
    return requested
  }
}
