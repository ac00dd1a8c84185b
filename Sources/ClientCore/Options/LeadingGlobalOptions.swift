import ArgumentParser

/// Global options written before the subcommand (`impact --lang fr score ID`,
/// `impact --server host:7420 rank`) are moved after it, where ArgumentParser reads them:
/// every subcommand takes the global options through `@OptionGroup`, and the root command has
/// none of its own, so without this the usual order of other tools would be a usage error.
/// They go right after the subcommand's name (`projects show`), before its own arguments, so
/// that a later occurrence still wins, as everywhere else in ArgumentParser:
/// `impact --server a status --server b` asks `b`.
enum LeadingGlobalOptions {
  /// The global options that take a value (`--server X`, `--server=X`).
  static let withValue: Set<String> = [
    "--server", "--token", "--ca", "--cert", "--key", "--tls-server-name", "--timeout", "--output", "--lang",
    "--columns", "--separator", "--min-revision",
  ]
  /// The global flags.
  static let flags: Set<String> = ["--tls", "--json", "--wide", "--excel", "--decimal-comma", "--bom"]

  /// `arguments` with the global options that precede the first subcommand moved right after
  /// the subcommand's path (`score`, `projects show`). Unchanged when nothing precedes the
  /// subcommand, or when no subcommand follows (`impact --lang fr --help`), so that
  /// ArgumentParser reports those cases itself.
  static func reorder(_ arguments: [String]) -> [String] {
    var leading: [String] = []
    var index = arguments.startIndex
    while index < arguments.endIndex {
      let argument = arguments[index]
      let name = String(argument.prefix { $0 != "=" })
      if flags.contains(argument) || (withValue.contains(name) && argument.contains("=")) {
        leading.append(argument)
        index += 1
      } else if withValue.contains(argument), index + 1 < arguments.endIndex {
        leading += [argument, arguments[index + 1]]
        index += 2
      } else {
        break
      }
    }
    guard !leading.isEmpty, index < arguments.endIndex, !arguments[index].hasPrefix("-") else { return arguments }
    var rest = Array(arguments[index...])
    let path = pathLength(rest, under: ImpactCommand.self)
    if path > 0 {
      rest.insert(contentsOf: leading, at: path)
    } else {
      // `help COMMAND` (ArgumentParser's own, not in the configuration) reads them at the end.
      rest.insert(contentsOf: leading, at: rest.firstIndex(of: "--") ?? rest.endIndex)
    }
    return rest
  }

  /// How many of the first `arguments` name nested subcommands of `command` (`projects show`:
  /// 2), read from the commands' configurations.
  static func pathLength(_ arguments: [String], under command: any ParsableCommand.Type) -> Int {
    guard let first = arguments.first,
      let sub = command.configuration.subcommands.first(where: { name(of: $0) == first })
    else { return 0 }
    return 1 + pathLength(Array(arguments.dropFirst()), under: sub)
  }

  /// The name a subcommand is typed by.
  private static func name(of command: any ParsableCommand.Type) -> String {
    command.configuration.commandName ?? command._commandName
  }
}
