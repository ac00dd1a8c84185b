import Foundation
import Testing

@testable import Analytics

/// A streamed export writes a document or tables a few projects at a time; put together, the
/// pieces must be the text the whole-document writers make.
@Suite("Writing a portfolio a few projects at a time")
struct PortfolioStreamWritingTests {
  static func projects() throws -> [Project] {
    var projects = try FormatTestFixtures.workedExamples().projects
    // A risk type the scheme does not list, targets and a bank indicator: the columns that
    // depend on every project.
    projects[0].risks["climate"] = 2
    projects[1].outcomes[0].indicatorID = "IND-EMP-01"
    projects[1].outcomes[0].targets = [PeriodTarget(period: "2026", value: 0.5)]
    return projects
  }

  @Test("the JSON pieces are the document encode writes, with and without scheme, revision and projects")
  func jsonPiecesMakeTheDocument() throws {
    let all = try Self.projects()
    for (scheme, revision) in [(Scheme?.some(.impactV1), Int64?.some(42)), (nil, nil), (.impactV1, nil)] {
      for projects in [all, [], Array(all.prefix(1))] {
        var writer = PortfolioJSON.StreamWriter(scheme: scheme, revision: revision)
        var text = writer.opening
        for project in projects { text += writer.element(project) }
        text += writer.closing
        let whole = PortfolioJSON.encode(PortfolioDocument(scheme: scheme, projects: projects, revision: revision))
        #expect(
          text == String(decoding: whole, as: UTF8.self),
          "scheme \(scheme != nil), revision \(revision ?? -1), \(projects.count) projects")
      }
    }
  }

  @Test("the CSV layout sent ahead gives the tables encode writes at once, in both dialects")
  func csvLayoutMakesTheTables() throws {
    let projects = try Self.projects()
    let layout = PortfolioCSV.Layout(projects, scheme: .impactV1)
    #expect(layout.extraRiskTypes == ["climate"])
    #expect(layout.writesTargets && layout.writesIndicatorIDs)
    let sent = PortfolioCSV.Layout(
      scheme: .impactV1, extraRiskTypes: layout.extraRiskTypes, writesTargets: layout.writesTargets,
      writesIndicatorIDs: layout.writesIndicatorIDs)
    #expect(sent == layout)
    for dialect in [CSVDialect.standard, .excel] {
      let writer = CSVWriter(dialect)
      var tables = (
        projects: writer.document([sent.projectHeader]), outcomes: writer.document([sent.outcomeHeader]),
        ratings: writer.document([sent.ratingHeader])
      )
      for project in projects {
        let rows = sent.rows(of: project, writer: writer)
        tables.projects += writer.table([rows.project])
        tables.outcomes += writer.table(rows.outcomes)
        tables.ratings += writer.table(rows.ratings)
      }
      let whole = PortfolioCSV.encode(projects, dialect: dialect, scheme: .impactV1)
      #expect(tables.projects == whole.projects)
      #expect(tables.outcomes == whole.outcomes)
      #expect(tables.ratings == whole.ratings)
    }
  }
}
