import Localization
import Testing

@testable import Reports

@Suite("Numbers in the reader's convention")
struct ReportNumbersTests {
  @Test("French: narrow no-break spaces between thousands and before € and %, decimal comma")
  func french() {
    let numbers = ReportNumbers(.fr)
    #expect(numbers.amount(1234.5) == "1\u{202F}235\u{202F}€")
    #expect(numbers.decimal(1234.5, places: 1) == "1\u{202F}234,5")
    #expect(numbers.percent(0.1234) == "12,3\u{202F}%")
    #expect(numbers.amount(-2_500_000) == "−2\u{202F}500\u{202F}000\u{202F}€")
    #expect(numbers.compactAmount(1_250_000) == "1,3\u{202F}M€" || numbers.compactAmount(1_250_000) == "1,2\u{202F}M€")
  }

  @Test("English: € before, commas between thousands, decimal point")
  func english() {
    let numbers = ReportNumbers(.en)
    #expect(numbers.amount(1234.5) == "€1,235")
    #expect(numbers.decimal(1234.5, places: 1) == "1,234.5")
    #expect(numbers.percent(0.1234) == "12.3%")
    #expect(numbers.amount(0) == "€0")
    #expect(numbers.score(-0.04) == "0.0")
    #expect(numbers.compactAmount(450_000) == "€450k")
  }

  @Test("SHA-256 matches the FIPS 180-4 examples")
  func sha256() {
    #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(
      SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
  }

  @Test("HTML escaping leaves no markup from a name")
  func escaping() {
    #expect(
      HTMLText.escape("<script>alert('x')</script> & \"co\"")
        == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;")
  }
}
