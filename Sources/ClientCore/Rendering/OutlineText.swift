/// An indented outline for people (a framework's objectives, a programme's impact map): each
/// line has a depth and a marker, and wraps to the terminal's width under its own text.
struct OutlineText {
  private(set) var lines: [(depth: Int, marker: String, text: String)] = []

  mutating func add(_ text: String, depth: Int, marker: String = "") {
    lines.append((depth, marker, text))
  }

  /// The outline, each line indented two columns per depth, wrapped to `width` columns (no
  /// wrapping when `nil`).
  func rendered(width: Int?) -> String {
    var output = ""
    for line in lines {
      let indent = String(repeating: "  ", count: line.depth)
      let lead = line.marker.isEmpty ? indent : indent + line.marker + " "
      let hanging = String(repeating: " ", count: DisplayWidth.of(lead))
      let room = width.map { max(20, $0 - DisplayWidth.of(lead)) }
      let wrapped = room.map { TextTableLayout.wrap(line.text, width: $0) } ?? [line.text]
      for (index, piece) in wrapped.enumerated() {
        output += (index == 0 ? lead : hanging) + piece + "\n"
      }
    }
    return output
  }
}
