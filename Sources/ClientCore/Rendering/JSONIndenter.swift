/// Re-indents compact JSON text for people, two spaces per level, without reparsing numbers
/// (so they print exactly as the protobuf encoder wrote them).
enum JSONIndenter {
  static func indent(_ compact: String) -> String {
    var output = ""
    output.reserveCapacity(compact.utf8.count * 2)
    var depth = 0
    var inString = false
    var escaped = false
    var scalars = Array(compact.unicodeScalars)[...]
    func newline() {
      output.append("\n")
      output.append(String(repeating: "  ", count: depth))
    }
    while let scalar = scalars.popFirst() {
      if inString {
        output.unicodeScalars.append(scalar)
        if escaped {
          escaped = false
        } else if scalar == "\\" {
          escaped = true
        } else if scalar == "\"" {
          inString = false
        }
        continue
      }
      switch scalar {
      case "\"":
        inString = true
        output.unicodeScalars.append(scalar)
      case "{", "[":
        output.unicodeScalars.append(scalar)
        if let next = scalars.first, next == "}" || next == "]" {
          output.unicodeScalars.append(scalars.removeFirst())
        } else {
          depth += 1
          newline()
        }
      case "}", "]":
        depth -= 1
        newline()
        output.unicodeScalars.append(scalar)
      case ",":
        output.append(",")
        newline()
      case ":":
        output.append(": ")
      case " ", "\n", "\t", "\r":
        continue
      default:
        output.unicodeScalars.append(scalar)
      }
    }
    return output
  }
}
