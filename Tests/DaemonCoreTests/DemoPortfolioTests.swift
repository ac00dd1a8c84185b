import Analytics
import DaemonCore
import Foundation
import Testing

/// The demo portfolio `impactd --demo` seeds is the JSON file embedded in the binary, the same
/// bytes as `examples/demo-portfolio.json` (a link to it), and reads like any import.
@Suite("Demo portfolio")
struct DemoPortfolioTests {
  @Test("the embedded document is examples/demo-portfolio.json, byte for byte")
  func embeddedIsTheExample() throws {
    let root = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let example = try Data(contentsOf: root.appending(path: "examples/demo-portfolio.json"))
    #expect(DemoPortfolio.json == example)
  }

  @Test("it reads as 31 projects covering every domain of impact-v1")
  func readsAsAPortfolio() throws {
    let document = try DemoPortfolio.document()
    #expect(document.projects.count == 31)
    let domains = Set(document.projects.flatMap { $0.outcomes.map(\.domain) })
    #expect(domains.count == Scheme.impactV1.domains.count)
  }
}
