/// Global options written before the subcommand (`impact --lang fr score ID`,
/// `impact --server host:7420 rank`) are moved after it, where ArgumentParser reads them:
/// every subcommand takes the global options through `@OptionGroup`, and the root command has
/// none of its own, so without this the usual order of other tools would be a usage error.
enum LeadingGlobalOptions {
  /// The global options that take a value (`--server X`, `--server=X`).
  static let withValue: Set<String> = [
    "--server", "--token", "--ca", "--cert", "--key", "--tls-server-name", "--timeout", "--output", "--lang",
    "--columns", "--separator",
  ]
  /// The global flags.
  static let flags: Set<String> = ["--tls", "--json", "--wide", "--excel", "--decimal-comma", "--bom"]

  /// `arguments` with the global options that precede the first subcommand moved after the
  /// subcommand's own arguments (before a `--` terminator when there is one). Unchanged when
  /// nothing precedes the subcommand, or when no subcommand follows (`impact --lang fr
  /// --help`), so that ArgumentParser reports those cases itself.
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
    if let terminator = rest.firstIndex(of: "--") {
      rest.insert(contentsOf: leading, at: terminator)
    } else {
      rest += leading
    }
    return rest
  }
}
