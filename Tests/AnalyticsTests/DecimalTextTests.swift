import Analytics
import Testing

@Suite("DecimalText")
struct DecimalTextTests {
  @Test(
    "numbers as people type them",
    arguments: [
      ("380000", 380_000), ("380 000", 380_000), ("380\u{00A0}000", 380_000),
      ("380\u{202F}000", 380_000), ("1 234 567,89", 1_234_567.89), ("380.000,50", 380_000.5),
      ("1,234.5", 1234.5), ("1,234,567", 1_234_567), ("1.234.567", 1_234_567), ("12,5", 12.5),
      ("0,125", 0.125), ("0.125", 0.125), ("1.234", 1.234), ("-42", -42), ("+3", 3),
      ("\u{2212}7,5", -7.5), (" 62 999,99 ", 62_999.99), ("1.5e3", 1500), ("2E-2", 0.02),
      (".5", 0.5), (",5", 0.5), ("1234,5678", 1234.5678), ("\u{00A0}12\u{00A0}", 12),
    ] as [(String, Double)])
  func accepted(_ text: String, _ expected: Double) throws {
    #expect(try DecimalText.parse(text) == expected)
  }

  @Test("the source's decimal separator settles 1,234 and 1.234")
  func knownSeparator() throws {
    #expect(try DecimalText.parse("1,234", decimalSeparator: ",") == 1.234)
    #expect(try DecimalText.parse("1.234", decimalSeparator: ".") == 1.234)
    #expect(try DecimalText.parse("1.234", decimalSeparator: ",") == 1234)
    #expect(try DecimalText.parse("1,234", decimalSeparator: ".") == 1234)
    #expect(try DecimalText.parse("1.234,5", decimalSeparator: ",") == 1234.5)
  }

  @Test(
    "unclear or wrong text is refused with the reason",
    arguments: [
      ("1,234", DecimalTextError.Reason.ambiguous(",")), ("", .empty), ("  ", .empty),
      ("abc", .notANumber), ("12 €", .notANumber), ("1.2.3,4,5", .misplacedSeparator),
      ("12 34", .misplacedSeparator), ("1 234.567,8", .misplacedSeparator),
      ("1,23,456", .misplacedSeparator), ("12\u{200B}34", .invisibleCharacter("\u{200B}")),
      ("12\u{2009}345", .invisibleCharacter("\u{2009}")), ("1e999", .outOfRange),
      ("inf", .notANumber), ("nan", .notANumber), ("0x10", .notANumber), ("1 234e3", .misplacedSeparator),
      ("1,5,", .misplacedSeparator), ("-", .notANumber),
    ] as [(String, DecimalTextError.Reason)])
  func refused(_ text: String, _ reason: DecimalTextError.Reason) {
    #expect(throws: DecimalTextError(text: text, reason: reason)) { try DecimalText.parse(text) }
  }

  @Test("a refusal names the invisible characters of the text")
  func namesInvisibleCharacters() throws {
    let error = try #require(throws: DecimalTextError.self) {
      try DecimalText.parse("1\u{00A0}234\u{00A0}5")
    }
    #expect(error.invisibleCharacters == ["\u{00A0}"])
    #expect(error.description.contains("U+00A0 no-break space"))
    let hidden = try #require(throws: DecimalTextError.self) { try DecimalText.parse("12\u{200B}3") }
    #expect(hidden.description.contains("U+200B zero width space"))
  }
}
