import Analytics
import Foundation
import Testing

/// CSV as spreadsheets write and read it: encodings, separators, typed numbers, the Excel
/// dialect, numbers without binary noise, and errors that name their cell once.
@Suite("CSV for spreadsheets")
struct SpreadsheetCSVTests {
  private func read(_ projects: String, _ outcomes: String? = nil, _ ratings: String? = nil) -> CSVReading {
    PortfolioCSV.read(
      projects: Data(projects.utf8), outcomes: outcomes.map { Data($0.utf8) }, ratings: ratings.map { Data($0.utf8) })
  }

  @Test("Windows-1252 is read when the bytes are not UTF-8, and said to be guessed")
  func windows1252() throws {
    // "Été;€;œ" as French Excel saves it.
    let bytes: [UInt8] = [0xC9, 0x74, 0xE9, 0x3B, 0x80, 0x3B, 0x9C]
    let decoded = try TextEncoding.decode(bytes, source: "p.csv")
    #expect(decoded.text == "Été;€;œ")
    #expect(decoded.encoding == .windows1252 && decoded.detected)
    let utf8 = try TextEncoding.decode(Array("Été".utf8), source: "p.csv")
    #expect(utf8.encoding == .utf8 && !utf8.detected)
    let forced = try #require(throws: FormatError.self) {
      try TextEncoding.decode(Array("a\nb\n".utf8) + bytes, source: "p.csv", encoding: .utf8)
    }
    #expect(forced.line == 3)
    #expect(throws: FormatError.self) { try TextEncoding.decode([0x41, 0x00, 0xE9], source: "p.csv") }
  }

  @Test("numbers with thousands separators and decimal commas are read in a ';' file")
  func typedNumbers() throws {
    let projects = try PortfolioCSV.decode(
      projects: Data(
        "\u{FEFF}id;name;amount\r\na;A;380\u{00A0}000\r\nb;B;380.000,50\r\nc;C;1 234,5\r\nd;D;12,5\r\n".utf8),
      outcomes: nil, ratings: nil)
    #expect(projects.map(\.amount) == [380_000, 380_000.5, 1234.5, 12.5])
    let comma = try PortfolioCSV.decode(
      projects: Data("id,name,amount\na,A,\"1,234.5\"\nb,B,380 000\n".utf8), outcomes: nil, ratings: nil)
    #expect(comma.map(\.amount) == [1234.5, 380_000])
  }

  @Test("euros and percentages as a spreadsheet's formats write them")
  func formattedCells() throws {
    let projects = try PortfolioCSV.decode(
      projects: Data("id;name;amount\r\na;A;380\u{00A0}000,00\u{00A0}€\r\nb;B;1 500 EUR\r\n".utf8),
      outcomes: Data(
        "project_id;id;domain;share;drop_off;financial_proxy;baseline\r\na;o;health;60,00 %;5%;1 500,00 €;12\r\na;p;rights;40 %;;;\r\n"
          .utf8),
      ratings: nil)
    #expect(projects.map(\.amount) == [380_000, 1500])
    #expect(projects[0].outcomes.map(\.share) == [0.6, 0.4])
    #expect(projects[0].outcomes[0].dropOff == 0.05)
    #expect(projects[0].outcomes[0].financialProxy == 1500)
    // A percentage is a fraction only where the column holds one: not in an indicator's values.
    let error = try #require(throws: FormatError.self) {
      try PortfolioCSV.decode(
        projects: Data("id;name\r\na;A\r\n".utf8),
        outcomes: Data("project_id;id;domain;baseline\r\na;o;health;12 %\r\n".utf8), ratings: nil)
    }
    #expect(error.issues.map(\.columnName) == ["baseline"])
  }

  @Test("a number with an invisible character is refused, naming it")
  func invisibleCharacter() throws {
    let error = try #require(throws: FormatError.self) {
      try PortfolioCSV.decode(projects: Data("id,name,amount\na,A,12\u{200B}000\n".utf8), outcomes: nil, ratings: nil)
    }
    #expect(error.issues.count == 1)
    #expect(error.message.contains("U+200B zero width space"), "\(error)")
    #expect(error.issues[0].key == "format.number.invisible")
    #expect(error.issues[0].values["character"] == "U+200B")
  }

  @Test("one bad amount is one error: its outcomes and ratings are not called orphans")
  func noCascade() {
    let reading = read(
      "id,name,amount\np1,A,12x\np2,B,10\n",
      "project_id,id,domain,share,reach\np1,o1,health,1,abc\np1,o2,health,,\np2,o1,health,1,\nzz,o1,health,1,\n",
      "project_id,criterion,rater,value\np1,who,amel,2\np2,who,amel,9\n")
    #expect(
      reading.issues.map(\.description) == [
        "projects.csv:2:3: column amount: projects[p1].amount: amount \"12x\" is not a number",
        "outcomes.csv:2:5: column reach: projects[p1].outcomes[o1].reach: reach \"abc\" is not a number",
        "outcomes.csv:5:1: column project_id: line 5.project_id: project_id \"zz\" is not a project of the projects table",
      ])
    #expect(reading.refusedProjectIDs == ["p1"])
    #expect(reading.checkableProjects.map(\.id) == ["p2"])
  }

  @Test("rules a project breaks are placed at their file, line and column")
  func locatedRules() throws {
    let reading = read(
      "id,name,amount,risk_external\np1,A,-5,7\n",
      "project_id,id,domain,share,direction,baseline,threshold\np1,o1,health,0.5,higher_is_better,10,5\np1,o2,nowhere,0.2,,,\n",
      "project_id,criterion,rater,value\np1,who,amel,2\np1,who,bob,9\n")
    #expect(reading.issues.isEmpty)
    let located = Validator(scheme: .impactV1).validate(reading.checkableProjects).map(reading.locate)
    let places = located.map { "\($0.source):\($0.line ?? 0):\($0.columnName ?? "-")" }
    #expect(places.contains("projects.csv:2:amount"), "\(places)")
    #expect(places.contains("projects.csv:2:risk_external"), "\(places)")
    #expect(places.contains("outcomes.csv:2:threshold"), "\(places)")
    #expect(places.contains("outcomes.csv:3:domain"), "\(places)")
    #expect(places.contains("outcomes.csv:2:share"), "\(places)")
    #expect(places.contains("ratings.csv:3:value"), "\(places)")
  }

  @Test(
    "CSV numbers lose binary noise and keep every typed digit",
    arguments: [
      (62999.99999999999, "63000"), (72.49999999999999, "72.5"), (0.1 + 0.2, "0.3"), (1234567.89, "1234567.89"),
      (0.123456789012345, "0.123456789012345"), (-0.5, "-0.5"), (1e-7, "1e-07"), (380_000, "380000"),
    ] as [(Double, String)])
  func noNoise(_ value: Double, _ text: String) {
    #expect(CSVWriter.numberText(value) == text)
  }

  @Test("the Excel dialect: ';', decimal comma, byte order mark, CRLF, and it reads back")
  func excelDialect() throws {
    let projects = [
      Project(
        id: "p-1", name: "Été « solidaire »; dit", territory: "Île-de-France", amount: 62999.99999999999,
        ratings: [Rating(criterion: "who", rater: "amel", value: 2.25)],
        outcomes: [Outcome(id: "o", domain: "health", share: 1, baseline: 1.234, threshold: 2.5)])
    ]
    let tables = PortfolioCSV.encode(projects, dialect: .excel)
    #expect(tables.projects.hasPrefix("\u{FEFF}id;name;"))
    #expect(tables.projects.contains("\r\np-1;\"Été « solidaire »; dit\";;Île-de-France;pipeline;63000;"))
    #expect(tables.outcomes.contains(";1,234;2,5;"), "the same shortest digits as with a point, no padding")
    #expect(tables.ratings.hasSuffix("p-1;who;amel;2,25;\r\n"))
    let back = try PortfolioCSV.decode(
      projects: Data(tables.projects.utf8), outcomes: Data(tables.outcomes.utf8), ratings: Data(tables.ratings.utf8))
    var expected = projects
    expected[0].amount = 63000
    #expect(back == expected)
  }

  @Test("a rule error in a JSON document is placed at its line")
  func jsonPosition() throws {
    let json = """
      {"format": "impact-portfolio/1", "projects": [
        {"id": "a", "name": "A", "amount": 1},
        {"id": "b", "name": "B",
         "amount": -5}
      ]}
      """
    let position = try #require(PortfolioJSON.position(of: "projects[b].amount", in: Data(json.utf8)))
    #expect(position.line == 4)
    #expect(position.column == 14)
  }
}
