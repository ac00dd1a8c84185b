import Analytics
import DaemonCore
import Foundation
import ImpactStorage
import ImpactStore
import SyntheticData
import Testing

@Suite("Importing a document made with another scheme")
struct SchemeImportTests {
  static let context = ChangeContext(actor: "test", rpcMethod: "test/Import")

  static func variant(_ id: String) -> Scheme {
    var scheme = Scheme.impactV1
    scheme.id = id
    return scheme
  }

  @Test("a replacement adopts the document's scheme with its projects, in one revision that survives a reload")
  func replaceAdoptsTheScheme() async throws {
    let store = PortfolioStore(database: try ImpactDatabase.inMemory())
    try await store.load()
    let projects = SyntheticPortfolio.generate(projects: 20, seed: 3)
    _ = try await store.importProjects(projects, mode: .upsert, validateOnly: false, context: Self.context)
    let before = store.snapshot.revision

    let summary = try await store.importProjects(
      Array(projects.prefix(10)), mode: .replace, scheme: Self.variant("impact-v1-2027"), validateOnly: false,
      context: Self.context)
    #expect(summary.revision == before + 1)
    #expect(summary.deleted == 10)
    #expect(store.snapshot.scheme.id == "impact-v1-2027")
    #expect(store.snapshot.projects.count == 10)

    let reloaded = PortfolioStore(storage: store.storage)
    try await reloaded.load()
    #expect(reloaded.snapshot.scheme.id == "impact-v1-2027")
    #expect(reloaded.snapshot.revision == before + 1)
    #expect(reloaded.snapshot.projects.map(\.id) == store.snapshot.projects.map(\.id))
  }

  @Test("an upsert made with another scheme is refused and changes nothing; with the same scheme it goes through")
  func upsertWithAnotherSchemeIsRefused() async throws {
    let store = PortfolioStore(database: try ImpactDatabase.inMemory())
    try await store.load()
    let projects = SyntheticPortfolio.generate(projects: 5, seed: 4)
    let refused = await #expect(throws: StoreError.self) {
      try await store.importProjects(
        projects, mode: .upsert, scheme: Self.variant("other"), validateOnly: false, context: Self.context)
    }
    if case .schemeDiffers(let document, let active) = refused {
      #expect(document == "other" && active == "impact-v1")
    } else {
      Issue.record("expected schemeDiffers, got \(String(describing: refused))")
    }
    #expect(store.snapshot.revision == 0)
    #expect(store.snapshot.projects.isEmpty)

    let same = try await store.importProjects(
      projects, mode: .upsert, scheme: .impactV1, validateOnly: false, context: Self.context)
    #expect(same.created == 5)
  }
}
