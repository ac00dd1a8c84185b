import Analytics
import Foundation
import SyntheticData
import Testing

@testable import ImpactStore

/// A snapshot after a change is the snapshot built from scratch with the same projects: in id
/// order, each score its project's, each id found at its place, whether a few projects or many
/// are inserted, replaced or removed.
@Suite("Snapshot after a change")
struct PortfolioSnapshotApplyingTests {
  @Test(
    "few and many inserts, replacements and removals give the snapshot built from scratch",
    arguments: [1, 3, 64, 65, 400])
  func sameAsBuilt(inserted: Int) throws {
    let all = SyntheticPortfolio.generate(projects: 1_000 + inserted, seed: UInt64(inserted))
    var generator = SplitMix64(seed: UInt64(inserted) &+ 7)
    let shuffled = all.shuffled(using: &generator)
    let kept = Array(shuffled.dropFirst(inserted))
    let before = PortfolioSnapshot(revision: 1, committedAt: nil, scheme: .impactV1, projects: kept)
    var replaced = kept[10]
    replaced.amount += 1
    let removals = [kept[20].id, kept[30].id, "not-there"]
    let inserts = Array(shuffled.prefix(inserted))
    let after = before.applying(upserts: inserts + [replaced], removals: removals, revision: 2, committedAt: Date())
    var expected = kept.filter { !removals.contains($0.id) } + inserts
    if let index = expected.firstIndex(where: { $0.id == replaced.id }) { expected[index] = replaced }
    let built = PortfolioSnapshot(revision: 2, committedAt: nil, scheme: .impactV1, projects: expected)
    #expect(after.projects == built.projects)
    #expect(after.scores == built.scores)
    for project in expected { #expect(after.project(project.id) == project) }
    #expect(!after.contains(kept[20].id))
  }
}
