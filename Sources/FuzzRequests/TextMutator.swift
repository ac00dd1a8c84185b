import SyntheticData

/// Mutations of the JSON and CSV text requests carry (import documents, scheme documents,
/// `extra_json`): delete, duplicate or move a slice, insert a token that means something to
/// one of the formats, replace a number with a hostile one, truncate.
enum TextMutator {
  static let tokens: [String] = [
    "\"", ",", ";", "{", "}", "[", "]", ":", "null", "true", "1e999", "-1e999", "-0", "NaN", "Infinity",
    "\u{0}", "\u{FEFF}", "\n", "\r\n", "\r", "\"\"", "é", "🦄", "\\u0000", "\\ud800", "\\", "12,5", "0x10",
    "9007199254740993", "1.7976931348623157e309", "-", "\"format\":", "\"extra\":", "\"scheme\":",
    "\"id\":\"", String(repeating: "[", count: 300), String(repeating: "{\"a\":", count: 300),
    String(repeating: ",", count: 1_000), String(repeating: "\n", count: 1_000),
  ]

  static func mutate(_ text: String, count: Int, random: inout SplitMix64) -> String {
    var scalars = Array(text.unicodeScalars)
    for _ in 0..<count {
      mutateOnce(&scalars, random: &random)
    }
    var result = String.UnicodeScalarView()
    result.append(contentsOf: scalars)
    return String(result)
  }

  private static func mutateOnce(_ scalars: inout [Unicode.Scalar], random: inout SplitMix64) {
    let position = random.integer(0...scalars.count)
    switch random.integer(0...6) {
    case 0 where !scalars.isEmpty:
      let start = min(position, scalars.count - 1)
      scalars.removeSubrange(start..<min(scalars.count, start + random.integer(1...32)))
    case 1 where !scalars.isEmpty:
      let start = min(position, scalars.count - 1)
      let slice = scalars[start..<min(scalars.count, start + random.integer(1...256))]
      scalars.insert(contentsOf: slice, at: random.integer(0...scalars.count))
    case 2:
      scalars.insert(contentsOf: random.pick(tokens).unicodeScalars, at: position)
    case 3:
      // The number nearest the position becomes a hostile one.
      let digits = scalars.indices.filter { scalars[$0].properties.numericType != nil }
      guard let digit = digits.first(where: { $0 >= position }) ?? digits.last else { break }
      var end = digit
      while end < scalars.count, "0123456789.eE+-".unicodeScalars.contains(scalars[end]) { end += 1 }
      let replacement = random.pick([
        "1e999", "-1", "-0", "NaN", "1e-400", "99999999999999999999", "4.5", "0.0000001", "51",
      ])
      scalars.replaceSubrange(digit..<end, with: replacement.unicodeScalars)
    case 4:
      scalars.removeSubrange(position..<scalars.count)
    case 5 where !scalars.isEmpty:
      let start = min(position, scalars.count - 1)
      scalars[start] = random.pick(["\u{0}", "\"", ";", ",", "\n", "\u{FFFD}", "\u{10FFFF}", "x"])
    default:
      scalars.insert(contentsOf: HostileValues.string(&random, maximumLength: 4_096).unicodeScalars, at: position)
    }
  }
}
