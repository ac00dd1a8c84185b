import ArgumentParser
import DaemonCore
import Foundation
import ImpactStore
import Localization

/// The entry point of `impactd`: parses and runs ``ImpactdCommand``. In English, help and usage
/// errors are ArgumentParser's own; in another language (IMPACT_LANG, then the locale) its
/// words are translated too (``HelpPageText``, ``UsageErrorText``), as `impact` does. A value
/// refused once the command runs (a role, a name) is `impactd: <message>` with exit 64, without
/// a usage line about another command.
@main
enum ImpactdMain {
  static func main() async {
    // Before any other thread allocates: glibc fixes the number of arenas when a second
    // thread first needs one.
    HeapTuning.apply()
    var command: any ParsableCommand
    do {
      command = try ImpactdCommand.parseAsRoot()
    } catch {
      fail(parsing: error)
    }
    do {
      if var asyncCommand = command as? any AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
    } catch let error as ValidationError {
      FileHandle.standardError.write(Data("impactd: \(error.message)\n".utf8))
      exit(ExitCode.validationFailure.rawValue)
    } catch {
      // Help asked of a command group (`impactd --help`, `impactd help token`) is thrown by
      // ArgumentParser's help command as it runs.
      fail(parsing: error)
    }
  }

  /// A help page, a version, a usage error or another failure, in the operator's language.
  static func fail(parsing error: any Error) -> Never {
    let l = OperatorText.localizer
    let message = ImpactdCommand.fullMessage(for: error)
    let code = ImpactdCommand.exitCode(for: error)
    guard l.language != .en, !message.isEmpty else { ImpactdCommand.exit(withError: error) }
    if code == .success {
      guard HelpPageText.isHelpPage(message) else { ImpactdCommand.exit(withError: error) }
      let width = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init) ?? 80
      print(HelpPageText.translate(message, l, width: width))
    } else {
      FileHandle.standardError.write(Data((UsageErrorText.translate(message, l) + "\n").utf8))
    }
    exit(code.rawValue)
  }
}
