/// The syntax of every id in the formats: 1 to 64 ASCII letters, digits, `-`, `_` or `.`,
/// so ids are safe in file names, URLs and CSV cells without quoting.
public enum IdentifierSyntax {
  public static let maximumLength = 64

  public static func isValid(_ id: String) -> Bool {
    let utf8 = id.utf8
    guard !utf8.isEmpty, utf8.count <= maximumLength else { return false }
    return utf8.allSatisfy { byte in
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
        UInt8(ascii: "."):
        true
      default:
        false
      }
    }
  }

  /// Why `id` is invalid, for messages.
  static func explanation(_ id: String) -> String {
    if id.isEmpty { return "an id must not be empty" }
    if id.utf8.count > maximumLength {
      return "an id has at most \(maximumLength) characters (this one has \(id.utf8.count))"
    }
    return "an id uses only letters a–z, A–Z, digits, '-', '_' and '.'"
  }
}
