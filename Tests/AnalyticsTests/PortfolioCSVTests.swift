import Analytics
import Foundation
import Testing

@Suite("Portfolio CSV")
struct PortfolioCSVTests {
  private func decode(
    _ projects: String, _ outcomes: String? = nil, _ ratings: String? = nil
  )
    throws -> [Project]
  {
    try PortfolioCSV.decode(
      projects: Data(projects.utf8), outcomes: outcomes.map { Data($0.utf8) },
      ratings: ratings.map { Data($0.utf8) })
  }

  private func roundTrip(_ projects: [Project], separator: Character) throws -> [Project] {
    let tables = PortfolioCSV.encode(projects, separator: separator)
    return try decode(tables.projects, tables.outcomes, tables.ratings)
  }

  @Test(
    "the worked examples survive a round trip with ',' and with ';'",
    arguments: [",", ";"] as [Character])
  func fixtureRoundTrip(_ separator: Character) throws {
    let projects = try FormatTestFixtures.workedExamples().projects
    #expect(try roundTrip(projects, separator: separator) == projects)
  }

  @Test(
    "text with separators, quotes, line breaks, accents and extra JSON survives a round trip",
    arguments: [",", ";"] as [Character])
  func edgeCaseRoundTrip(_ separator: Character) throws {
    let projects = [
      Project(
        id: "p-1", name: "L'Été, « solidaire »; \"dit\"\nsur deux lignes", programme: " espace ",
        territory: "Île-de-France",
        status: .closed, amount: 1234.5, evidenceLevel: 4, risks: ["external": 0, "endurance": 3],
        ratings: [
          Rating(
            criterion: "who", rater: "amel", value: 2.5, comment: "bien; très \"bien\"\r\nvraiment")
        ],
        outcomes: [
          Outcome(
            id: "o1", domain: "health", share: 1.0 / 3.0, indicator: "Part, en %", unit: "%",
            direction: .lowerIsBetter,
            baseline: -0.5, threshold: -1e-7, target: 1e21, actual: 0.1 + 0.2,
            survey: Survey(veryMuch: 0.25, slightly: 0.5),
            reach: 12, durationYears: 0, dropOff: 0, deadweight: 1, attribution: 0.5,
            displacement: 0.125,
            financialProxy: 99.99, harmful: true, nature: .mitigation),
          Outcome(id: "o2", domain: "rights", share: 2.0 / 3.0),
        ],
        extra: #"{"a": [1, "x,y;z", {"b": null}]}"#),
      Project(id: "p-2", name: "Sans rien", outcomes: []),
    ]
    // CSV keeps 15 significant digits: 1/3 and 0.1 + 0.2 come back as written.
    var expected = projects
    expected[0].outcomes[0].share = 0.333333333333333
    expected[0].outcomes[0].actual = 0.3
    expected[0].outcomes[1].share = 0.666666666666667
    #expect(try roundTrip(projects, separator: separator) == expected)
  }

  @Test(
    "reads a French spreadsheet: BOM, ';', decimal commas, CRLF, quoted line breaks, columns in any order"
  )
  func frenchSpreadsheet() throws {
    let projects =
      "\u{FEFF}name;id;amount;risk_external;status;evidence_level\r\n"
      + "\"Chantier; «\u{A0}Lyon\u{A0}»\";lyon;\"300000,50\";2;funded;3\r\n"
    let outcomes =
      "\u{FEFF}project_id;id;domain;share;indicator;reach;drop_off;harmful\r\n"
      + "lyon;emploi;employment;0,5;\"Sorties\r\nvers l'emploi\";400;0,2;\r\n"
      + "lyon;sante;health;0,5;;1e3;;1\r\n"
    let ratings =
      "project_id;criterion;rater;value;comment\r\nlyon;who;amel;3,5;\"dit \"\"très bien\"\"\"\r\n"
    let result = try decode(projects, outcomes, ratings)
    #expect(result.count == 1)
    let project = try #require(result.first)
    #expect(project.name == "Chantier; «\u{A0}Lyon\u{A0}»")
    #expect(project.amount == 300_000.5)
    #expect(project.risks == ["external": 2])
    #expect(project.status == .funded)
    #expect(project.evidenceLevel == 3)
    #expect(project.outcomes[0].indicator == "Sorties\r\nvers l'emploi")
    #expect(project.outcomes[0].share == 0.5)
    #expect(project.outcomes[0].dropOff == 0.2)
    #expect(project.outcomes[0].harmful == false)
    #expect(project.outcomes[1].indicator == nil)
    #expect(project.outcomes[1].reach == 1000)
    #expect(project.outcomes[1].harmful)
    #expect(
      project.ratings == [
        Rating(criterion: "who", rater: "amel", value: 3.5, comment: "dit \"très bien\"")
      ])
  }

  @Test("LF line endings, comma separator and a missing final line break are read")
  func commaAndLF() throws {
    let result = try decode(
      "id,name,amount\np,\"Name, with comma\",12.5", "project_id,id,domain\np,o,health")
    #expect(
      result == [
        Project(
          id: "p", name: "Name, with comma", amount: 12.5,
          outcomes: [Outcome(id: "o", domain: "health")])
      ])
  }

  @Test("in a comma-separated file the decimal mark is a point: a comma groups thousands unless it cannot")
  func decimalPointInCommaFiles() throws {
    #expect(try decode("id,name,amount\np,n,\"1,234\"\n").map(\.amount) == [1234])
    #expect(try decode("id,name,amount\np,n,\"12,5\"\n").map(\.amount) == [12.5])
    let error = try #require(throws: FormatError.self) {
      try decode("id,name,amount\np,n,\"12,5,1\"\n")
    }
    #expect(error.message.contains("\"12,5,1\" is not a number"))
  }

  struct ErrorCase: Sendable, CustomTestStringConvertible {
    var name: String
    var projects: String
    var outcomes: String?
    var ratings: String?
    var file: String
    var line: Int
    var column: Int?
    var columnName: String?
    var message: String
    var testDescription: String { name }
  }

  static let errorCases: [ErrorCase] = [
    ErrorCase(
      name: "unknown column", projects: "id,name,amont\np,n,1\n", file: "projects.csv", line: 1,
      column: 3,
      columnName: "amont", message: "unknown column \"amont\""),
    ErrorCase(
      name: "unknown risk column", projects: "id;name;risk_weather\np;n;1\n", file: "projects.csv",
      line: 1, column: 3,
      columnName: "risk_weather", message: "unknown column"),
    ErrorCase(
      name: "bad number", projects: "id,name,amount\np,n,1\nq,m,douze\n", file: "projects.csv",
      line: 3, column: 3,
      columnName: "amount", message: "amount \"douze\" is not a number"),
    ErrorCase(
      name: "not a number word", projects: "id,name,amount\np,n,nan\n", file: "projects.csv",
      line: 2, column: 3,
      columnName: "amount", message: "is not a number"),
    ErrorCase(
      name: "integer required", projects: "id,name,evidence_level\np,n,2.5\n", file: "projects.csv",
      line: 2, column: 3,
      columnName: "evidence_level", message: "must be an integer"),
    ErrorCase(
      name: "unknown project id", projects: "id,name\np,n\n",
      outcomes: "project_id,id,domain\np,o,health\nq,o,health\n",
      file: "outcomes.csv", line: 3, column: 1, columnName: "project_id",
      message: "project_id \"q\" is not a project"),
    ErrorCase(
      name: "unknown project id in ratings", projects: "id,name\np,n\n",
      ratings: "criterion,project_id,rater,value\nwho,x,amel,3\n",
      file: "ratings.csv", line: 2, column: 2, columnName: "project_id",
      message: "\"x\" is not a project"),
    ErrorCase(
      name: "missing required cell", projects: "id,name\np,\n", file: "projects.csv", line: 2,
      column: 2,
      columnName: "name", message: "name is required"),
    ErrorCase(
      name: "missing required column", projects: "id,name\np,n\n", outcomes: "project_id,id\np,o\n",
      file: "outcomes.csv", line: 1, column: nil, columnName: nil,
      message: "missing required column \"domain\""),
    ErrorCase(
      name: "unterminated quote", projects: "id,name\np,\"open\nq,n\n", file: "projects.csv",
      line: 2, column: 2,
      columnName: nil, message: "unterminated quoted field"),
    ErrorCase(
      name: "wrong field count", projects: "id,name\np,n,extra\n", file: "projects.csv", line: 2,
      column: nil,
      columnName: nil, message: "expected 2 fields"),
    ErrorCase(
      name: "duplicate project", projects: "id,name\np,n\np,m\n", file: "projects.csv", line: 3,
      column: 1,
      columnName: "id", message: "already used on line 2"),
    ErrorCase(
      name: "lone survey share", projects: "id,name\np,n\n",
      outcomes: "project_id,id,domain,survey_slightly\np,o,health,0.5\n",
      file: "outcomes.csv", line: 2, column: nil, columnName: nil,
      message: "survey_very_much is required"),
    ErrorCase(
      name: "unknown enumeration", projects: "id,name,status\np,n,active\n", file: "projects.csv",
      line: 2, column: 3,
      columnName: "status", message: "\"active\" is not one of"),
    ErrorCase(
      name: "extra not JSON", projects: "id,name,extra\np,n,{oops\n", file: "projects.csv", line: 2,
      column: 3,
      columnName: "extra", message: "extra must be one JSON value"),
    ErrorCase(
      name: "empty file", projects: "", file: "projects.csv", line: 1, column: nil, columnName: nil,
      message: "header row is required"),
  ]

  @Test("errors name file, line and column", arguments: errorCases)
  func errorLocation(_ errorCase: ErrorCase) throws {
    let error = try #require(throws: FormatError.self) {
      try decode(errorCase.projects, errorCase.outcomes, errorCase.ratings)
    }
    let issue = try #require(error.issues.first)
    #expect(issue.source == errorCase.file)
    #expect(issue.line == errorCase.line)
    #expect(issue.column == errorCase.column)
    if let columnName = errorCase.columnName {
      #expect(issue.columnName == columnName)
      #expect(issue.description.contains("column \(columnName)"))
    }
    #expect(issue.message.contains(errorCase.message), "message: \(issue.message)")
  }

  @Test("all problems of every file are reported, and nothing is imported")
  func collectsProblems() throws {
    let error = try #require(throws: FormatError.self) {
      try decode(
        "id,name,amount\np,n,x\nq,m,1\n",
        "project_id,id,domain,reach\nq,o,health,many\nz,o,health,1\n",
        "project_id,criterion,rater,value\nq,who,amel,\n")
    }
    #expect(
      error.issues.map(\.source) == ["projects.csv", "outcomes.csv", "outcomes.csv", "ratings.csv"])
    #expect(error.issues.map(\.line) == [2, 2, 3, 2])
    #expect(error.issues.map(\.columnName) == ["amount", "reach", "project_id", "value"])
  }

  @Test("file names in errors come from the caller")
  func fileNames() throws {
    let error = try #require(throws: FormatError.self) {
      try PortfolioCSV.decode(
        projects: Data("id,nom\n".utf8), outcomes: nil, ratings: nil,
        names: CSVFileNames(
          projects: "projets.csv", outcomes: "resultats.csv", ratings: "notes.csv"))
    }
    #expect(error.source == "projets.csv")
    #expect(error.description.hasPrefix("projets.csv:1:2: column nom: unknown column"))
  }

  @Test("export writes the documented header and a decimal comma with ';'")
  func exportShape() {
    let project = Project(
      id: "p", name: "n", amount: 12.5, outcomes: [Outcome(id: "o", domain: "health", share: 1)])
    let comma = PortfolioCSV.encode([project])
    #expect(
      comma.projects.hasPrefix(
        "id,name,programme,territory,status,amount,evidence_level,risk_external,risk_stakeholder_participation,"
          + "risk_drop_off,risk_efficiency,risk_execution,risk_alignment,risk_endurance,risk_unexpected_impact,extra\r\n"
      ))
    #expect(comma.projects.hasSuffix("p,n,,,pipeline,12.5,,,,,,,,,,\r\n"))
    #expect(comma.outcomes.hasPrefix(PortfolioCSV.outcomeColumns.joined(separator: ",") + "\r\n"))
    #expect(comma.ratings == "project_id,criterion,rater,value,comment\r\n")
    let semicolon = PortfolioCSV.encode([project], separator: ";")
    #expect(semicolon.projects.hasSuffix("p;n;;;pipeline;12,5;;;;;;;;;;\r\n"))
  }
}
