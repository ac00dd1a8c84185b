import Foundation

/// ArgumentParser's usage errors (`Error: Missing expected argument '<id>'`, `Usage: …`) in the
/// reader's language. ArgumentParser words them in English only; the frame of the message and
/// its most common sentences are translated here, anything else is kept as written (the help
/// of an option, a sentence of a newer ArgumentParser).
public enum UsageErrorText {
  /// `message` (ArgumentParser's full message for a usage error) with its frame and common
  /// sentences in the language of `l`.
  public static func translate(_ message: String, _ l: Localizer) -> String {
    var shift = 0
    return message.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      let line = String(line)
      if line.hasPrefix("Usage: ") {
        // A usage on two lines keeps its second line under the first's words.
        shift = max(0, l("usage.usage", ["usage": ""]).count - "Usage: ".count)
      } else if shift > 0, line.hasPrefix(" "), !line.hasPrefix("  See ") {
        return String(repeating: " ", count: shift) + line
      } else {
        shift = 0
      }
      return translateLine(line, l)
    }.joined(separator: "\n")
  }

  private static func translateLine(_ line: String, _ l: Localizer) -> String {
    if let rest = line.dropPrefix("Error: ") {
      return l("usage.error", ["message": sentence(rest, l)])
    }
    if let rest = line.dropPrefix("Usage: ") { return l("usage.usage", ["usage": rest]) }
    if let rest = line.dropPrefix("Help:  ") { return l("usage.help", ["help": rest]) }
    if let command = match(#"^  See '(.+) --help' for more information\.$"#, line)?.first {
      return "  " + l("usage.see_help", ["command": command])
    }
    return line
  }

  /// The common sentences of ArgumentParser's errors, with what they name kept as written.
  private static func sentence(_ text: String, _ l: Localizer) -> String {
    if let names = match(#"^Missing expected argument '(.+)'$"#, text) {
      return l("usage.missing_argument", ["argument": names[0]])
    }
    if let names = match(#"^Missing value for '(.+)'$"#, text) {
      return l("usage.missing_value", ["option": names[0]])
    }
    if let names = match(#"^Unexpected argument '(.+)'$"#, text) {
      return l("usage.unexpected_argument", ["argument": names[0]])
    }
    if let names = match(#"^Unknown option '(.+)'\. Did you mean '(.+)'\?$"#, text) {
      return l("usage.unknown_option_suggestion", ["option": names[0], "suggestion": names[1]])
    }
    if let names = match(#"^Unknown option '(.+)'$"#, text) {
      return l("usage.unknown_option", ["option": names[0]])
    }
    if let names = match(#"^The value '(.*)' is invalid for '(.+)'\. Please provide one of (.+)\.$"#, text) {
      let choices = names[2].replacingOccurrences(of: "' or '", with: "' \(l("usage.or")) '")
      return l("usage.invalid_value_choices", ["value": names[0], "option": names[1], "choices": choices])
    }
    if let names = match(#"^The value '(.*)' is invalid for '(.+)'$"#, text) {
      return l("usage.invalid_value", ["value": names[0], "option": names[1]])
    }
    return text
  }

  /// The captured groups of `pattern` in `text`, or nil when it does not match.
  private static func match(_ pattern: String, _ text: String) -> [String]? {
    guard let expression = try? NSRegularExpression(pattern: pattern),
      let found = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
    else { return nil }
    return (1..<found.numberOfRanges).map { index in
      Range(found.range(at: index), in: text).map { String(text[$0]) } ?? ""
    }
  }
}

extension String {
  fileprivate func dropPrefix(_ prefix: String) -> String? {
    hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
  }
}
