import Analytics
import ArgumentParser

/// How every CSV the CLI writes is shaped: `--output csv` of any command and
/// `export --format csv`. The default suits programs (`,`, decimal point, no byte order
/// mark); `--excel` suits French Excel, which reads `;`, decimal commas, and UTF-8 only after
/// a byte order mark. The other options adjust either.
struct CSVDialectOptions: ParsableArguments {
  @Flag(help: ArgumentHelp(HelpText.l("csv.help.excel")))
  var excel = false

  @Option(help: ArgumentHelp(HelpText.l("csv.help.separator"), valueName: "char"))
  var separator: CSVSeparatorArgument?

  @Flag(help: ArgumentHelp(HelpText.l("csv.help.decimal_comma")))
  var decimalComma = false

  @Flag(help: ArgumentHelp(HelpText.l("csv.help.bom")))
  var bom = false

  /// Whether a decimal comma (`--decimal-comma` or `--excel`) goes with a comma separator,
  /// which would quote every decimal number: refused.
  var hasConflict: Bool { dialect.decimalComma && dialect.separator == "," }

  /// The dialect after the options: `--excel` first, then each option on top.
  var dialect: CSVDialect {
    var dialect = excel ? CSVDialect.excel : .standard
    if let separator { dialect.separator = separator.character }
    if decimalComma { dialect.decimalComma = true }
    if bom { dialect.byteOrderMark = true }
    return dialect
  }
}

/// A CSV separator as given on the command line.
struct CSVSeparatorArgument: ExpressibleByArgument, Sendable {
  var character: Character

  init?(argument: String) {
    switch argument.lowercased() {
    case ",", "comma": character = ","
    case ";", "semicolon": character = ";"
    case "tab", "\t", "\\t": character = "\t"
    default: return nil
    }
  }
}
