/// How a CSV file is written: its separator, decimal mark and byte order mark. Lines always
/// end with CRLF (RFC 4180, and what Excel writes).
///
/// ``standard`` is for programs: `,`, decimal point, no byte order mark. ``excel`` is what
/// French Excel opens without its import wizard: `;`, decimal comma, and a UTF-8 byte order
/// mark, without which Excel reads UTF-8 as Windows-1252 and shows `Ã©` for `é`.
public struct CSVDialect: Sendable, Hashable {
  public var separator: Character
  public var decimalComma: Bool
  public var byteOrderMark: Bool

  public init(separator: Character = ",", decimalComma: Bool = false, byteOrderMark: Bool = false) {
    self.separator = separator
    self.decimalComma = decimalComma
    self.byteOrderMark = byteOrderMark
  }

  public static let standard = CSVDialect()
  public static let excel = CSVDialect(separator: ";", decimalComma: true, byteOrderMark: true)

  /// The UTF-8 byte order mark, as text: `U+FEFF`.
  public static let byteOrderMarkText = "\u{FEFF}"
}
