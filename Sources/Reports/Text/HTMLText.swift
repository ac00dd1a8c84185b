/// Text made safe for HTML and SVG: every character that could open markup or end an
/// attribute is escaped, so a project named `<script>` is shown, never run.
public enum HTMLText {
  /// `text` with `&`, `<`, `>`, `"` and `'` escaped, valid in element content and in
  /// double- or single-quoted attributes.
  public static func escape(_ text: String) -> String {
    guard text.contains(where: { "&<>\"'".contains($0) }) else { return text }
    var result = ""
    result.reserveCapacity(text.utf8.count + 16)
    for character in text {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      default: result.append(character)
      }
    }
    return result
  }
}
