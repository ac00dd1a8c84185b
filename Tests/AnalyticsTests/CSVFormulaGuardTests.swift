import Analytics
import Foundation
import Testing

/// CSV formula injection (OWASP): text cells a spreadsheet would run are prefixed with `'`,
/// numbers are not, and reading removes exactly the prefix the writer added.
@Suite("CSV formula guard")
struct CSVFormulaGuardTests {
  static let hostile = [
    "=HYPERLINK(\"http://attacker.example\",\"Click\")", "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3",
    "\tindented", "\r\nbroken", "\rreturn", "=1+1", "-", "+", "@", "=", "-Infinity",
  ]
  /// Text that must come back verbatim, including text that looks like the writer's prefix.
  static let tricky = [
    "'=already quoted", "''=twice", "'", "''", "'plain", "it's", "plain", "", " =spaced", "-2.5", "+3", "-1e-07",
    "-12,5", "007", "'-2.5", "a=b",
  ]

  @Test("cells starting with = + - @ tab or CR are written with a leading quote", arguments: hostile)
  func hostileCellsArePrefixed(_ text: String) {
    let written = CSVFormulaGuard.neutralised(text)
    #expect(written == "'" + text)
    #expect(CSVFormulaGuard.restored(written) == text)
  }

  @Test("plain numbers stay numbers", arguments: ["-2.5", "-12,5", "-1e-07", "+3", "-0", "-63000", "1E+20"])
  func numbersAreNotPrefixed(_ text: String) {
    #expect(CSVFormulaGuard.neutralised(text) == text)
  }

  @Test("every text comes back verbatim from writer to reader", arguments: hostile + tricky)
  func roundTripIsLossless(_ text: String) {
    #expect(CSVFormulaGuard.restored(CSVFormulaGuard.neutralised(text)) == text)
  }

  @Test(
    "projects with formula names: the CSV holds the prefix, the decoded projects do not",
    arguments: [",", ";"] as [Character])
  func portfolioRoundTrip(_ separator: Character) throws {
    var projects = try FormatTestFixtures.workedExamples().projects
    for (index, text) in (Self.hostile + Self.tricky).enumerated() where !text.isEmpty {
      let project = index % projects.count
      projects[project].name = text
      projects[project].programme = "=prog\(index)"
      projects[project].territory = "@terr\(index)"
      projects[project].outcomes[0].indicator = "-ind\(index)"
      if !projects[project].ratings.isEmpty { projects[project].ratings[0].comment = "+comment\(index)" }
      let tables = PortfolioCSV.encode(projects, separator: separator)
      #expect(tables.projects.contains("'=prog\(index)"))
      #expect(!tables.projects.contains("\(separator)=prog"))
      let decoded = try PortfolioCSV.decode(
        projects: Data(tables.projects.utf8), outcomes: Data(tables.outcomes.utf8), ratings: Data(tables.ratings.utf8))
      #expect(decoded == projects, "\(text.debugDescription)")
    }
  }

  @Test("a hand-written file with the prefix reads without it; negative amounts stay numbers")
  func handWrittenFile() throws {
    let projects = try PortfolioCSV.decode(
      projects: Data("id,name,programme,territory,amount\r\np1,'=1+1,'it's,'-2.5,-0\r\n".utf8), outcomes: nil,
      ratings: nil)
    #expect(projects.first?.name == "=1+1")
    #expect(projects.first?.programme == "'it's")
    #expect(projects.first?.territory == "-2.5")
    let tables = PortfolioCSV.encode(projects, separator: ",")
    #expect(tables.projects.contains("p1,'=1+1,'it's,-2.5,pipeline,"), "\(tables.projects)")
  }
}
