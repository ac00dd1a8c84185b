import Foundation

/// ArgumentParser's own words in a help page (`USAGE:`, `OPTIONS:`, `(default: 10.0)`, `Show
/// help information.`) in the reader's language. ArgumentParser prints them in English only;
/// the commands' own texts are already translated (``HelpText``), so only the frame is
/// rewritten here: headings at the start of a line and the fixed phrases, never an option
/// name, a value or an example.
public enum HelpPageText {
  /// `page` (ArgumentParser's help for a command) with its headings in the language of `l`,
  /// and lines that the longer words push past `width` broken again at the same indentation.
  public static func translate(_ page: String, _ l: Localizer, width: Int) -> String {
    var text = page
    // A phrase ArgumentParser wrapped keeps its line break: only the words change.
    for (english, key) in [
      ("(default:", "help.heading.default"), ("(values:", "help.heading.values"),
      ("; default:", "help.heading.values_default"),
    ] {
      text = text.replacingOccurrences(of: english, with: l(key))
    }
    var lines: [String] = []
    var usageShift = 0
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
      let translated = translateLine(line, l)
      if line.hasPrefix("USAGE: ") {
        // The usage's next lines stay under its first word, which the heading moved.
        usageShift = max(0, l("help.heading.usage").count - "USAGE:".count)
      } else if line.isEmpty {
        usageShift = 0
      } else if usageShift > 0 {
        lines.append(String(repeating: " ", count: usageShift) + translated)
        continue
      }
      lines.append(translated)
    }
    return lines.flatMap { fit($0, width: width) }.joined(separator: "\n")
  }

  /// Whether `text` is a help page, which is translated, rather than what a program reads and
  /// must get byte for byte as ArgumentParser writes it (completion scripts, the help dump).
  public static func isHelpPage(_ text: String) -> Bool {
    text.hasPrefix("OVERVIEW: ") || text.hasPrefix("USAGE: ")
  }

  private static let headings: [(english: String, key: String)] = [
    ("OVERVIEW:", "help.heading.overview"), ("USAGE:", "help.heading.usage"),
    ("ARGUMENTS:", "help.heading.arguments"), ("OPTIONS:", "help.heading.options"),
    ("SUBCOMMANDS:", "help.heading.subcommands"), ("CSV:", "help.heading.csv"),
  ]

  private static func translateLine(_ line: String, _ l: Localizer) -> String {
    for heading in headings where line == heading.english || line.hasPrefix(heading.english + " ") {
      return l(heading.key) + line.dropFirst(heading.english.count)
    }
    if line.hasSuffix("  Show help information.") {
      return line.dropLast("Show help information.".count) + l("help.heading.help_flag")
    }
    if line.hasSuffix("  Show the version.") {
      return line.dropLast("Show the version.".count) + l("help.heading.version_flag")
    }
    let seeHelp = #/^  See '(?<command>.+) <subcommand>' for detailed help\.$/#
    if let found = line.wholeMatch(of: seeHelp) {
      return "  " + l("help.heading.see_help", ["command": String(found.command)])
    }
    return line
  }

  /// `line` as it is when it fits, or broken at spaces into lines that start at the column
  /// its text starts (the description column of an option, the indentation of a paragraph).
  public static func fit(_ line: String, width: Int) -> [String] {
    guard line.count > width else { return [line] }
    let characters = Array(line)
    let indent = textColumn(characters)
    let end = min(width + 1, characters.count)
    guard indent + 1 < end, let cut = (indent + 1..<end).last(where: { characters[$0] == " " }) else { return [line] }
    let head = String(characters[..<cut]).replacing(#/ +$/#, with: "")
    let rest = String(characters[(cut + 1)...]).replacing(#/^ +/#, with: "")
    return [head] + fit(String(repeating: " ", count: indent) + rest, width: width)
  }

  /// The column where the line's text starts: after its indentation, or after the gap of
  /// two spaces or more that ends an option's name.
  private static func textColumn(_ characters: [Character]) -> Int {
    let leading = characters.prefix { $0 == " " }.count
    var index = leading
    while index + 1 < characters.count {
      if characters[index] == " ", characters[index + 1] == " " {
        var end = index
        while end < characters.count, characters[end] == " " { end += 1 }
        return end
      }
      index += 1
    }
    return leading
  }
}
