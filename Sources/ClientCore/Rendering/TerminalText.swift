/// Text from the daemon or from stored data made safe to print on a terminal (terminal escape
/// injection).
///
/// A project name holding `ESC [ 31 m` would colour the terminal, `ESC ] 0 ; title BEL` would
/// retitle the window, an OSC 8 sequence would plant a link, a carriage return would overwrite
/// what the line showed, and bidirectional overrides (Trojan Source) would show text in
/// another order than it is stored. Human output therefore never carries such characters raw:
///
/// - C0 controls (U+0000–U+001F) and DEL (U+007F) are shown as their Unicode control
///   pictures, one column wide: `ESC` as `␛` (U+241B), a carriage return as `␍`, a line feed
///   as `␊`, a tab as `␉`, DEL as `␡`.
/// - C1 controls (U+0080–U+009F), bidirectional embeddings and overrides (U+202A–U+202E) and
///   isolates (U+2066–U+2069) are shown as their code point between angle brackets:
///   `<U+009B>`, `<U+202E>`.
///
/// Every other character, accents and emoji included, is printed as it is. CSV and JSON
/// output carry the stored text unchanged (JSON escapes controls itself): they are for
/// programs, which must get back what was stored.
enum TerminalText {
  /// `text` with every unsafe character shown visibly; with `keepingLineBreaks`, line feeds
  /// stay (for multi-line messages the CLI composes), everything else as above.
  static func escaped(_ text: String, keepingLineBreaks: Bool = false) -> String {
    guard text.unicodeScalars.contains(where: { isUnsafe($0) && !(keepingLineBreaks && $0 == "\n") }) else {
      return text
    }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if keepingLineBreaks && scalar == "\n" || !isUnsafe(scalar) {
        result.append(scalar)
      } else if scalar.value < 0x20 {
        result.append(Unicode.Scalar(0x2400 + scalar.value)!)
      } else if scalar.value == 0x7F {
        result.append("\u{2421}")
      } else {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        result.append(contentsOf: "<U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex)>".unicodeScalars)
      }
    }
    return String(result)
  }

  /// Whether `scalar` is a C0 or C1 control, DEL, or a bidirectional embedding, override or
  /// isolate.
  static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }
}

extension Table {
  /// The table with its title, headers and displayed values escaped by ``TerminalText``; CSV
  /// values stay as they are.
  var escapedForTerminal: Table {
    var table = self
    table.title = title.map { TerminalText.escaped($0) }
    for index in table.columns.indices {
      table.columns[index].header = TerminalText.escaped(table.columns[index].header)
    }
    for row in table.rows.indices {
      for column in table.rows[row].indices {
        table.rows[row][column].display = TerminalText.escaped(table.rows[row][column].display)
      }
    }
    return table
  }
}
