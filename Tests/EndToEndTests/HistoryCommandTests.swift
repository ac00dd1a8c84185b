import Foundation
import Testing

/// Snapshots and `--at` through the real `impact` against a real `impactd --demo`: the same
/// JSON as then, after changes and a scheme change; the refusals with their exit statuses, in
/// both languages.
@Suite("History: snapshot and --at", .serialized)
struct HistoryCommandTests {
  static let rennes = "pension-de-famille-rennes"

  func withDemo(_ body: (DaemonProcess) async throws -> Void) async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await DaemonProcess.start(database: directory.path("impact.sqlite"), arguments: ["--demo"])
    defer { Task { await daemon.stop() } }
    try await body(daemon)
    await daemon.stop()
  }

  func run(_ arguments: [String], _ daemon: DaemonProcess) async throws -> CLIRun.Result {
    try await CLIRun.impact(arguments, daemon: daemon)
  }

  @Test("--at a snapshot, a revision and a date answers the JSON of then", .timeLimit(.minutes(3)))
  func readThePast() async throws {
    try await withDemo { daemon in
      let reads: [[String]] = [
        ["portfolio", "--json"], ["rank", "--json"], ["score", Self.rennes, "--json"], ["coverage", "--json"],
        ["projects", "show", Self.rennes, "--json"], ["scheme", "show", "--json"], ["export"],
      ]
      let status = try await run(["status", "--json"], daemon)
      let revision = try #require(
        (try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])?["revision"] as? String
          ?? ((try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])?["revision"])
          .map { "\($0)" })
      var then: [String] = []
      for read in reads {
        let answer = try await run(read, daemon)
        #expect(answer.status == 0, "\(read): \(answer.stderr)")
        then.append(answer.stdout)
      }
      let created = try await run(["snapshot", "create", "comite-mars", "--note", "Comité de mars"], daemon)
      #expect(created.status == 0, "\(created.stderr)")

      // Changes after the snapshot: a deletion and a rating.
      #expect(try await run(["projects", "delete", Self.rennes], daemon).status == 0)
      let changed = try await run(["portfolio", "--json"], daemon)
      #expect(changed.stdout != then[0])

      for (index, read) in reads.enumerated() {
        for when in ["comite-mars", "rev:\(revision)"] {
          let past = try await run(read + ["--at", when], daemon)
          #expect(past.status == 0, "\(read) --at \(when): \(past.stderr)")
          #expect(past.stdout == then[index], "\(read) --at \(when)")
        }
      }
      // Before the daemon's first change: the empty portfolio of revision 0 (which JSON omits).
      let early = try await run(["portfolio", "--json", "--at", "2000-01-01"], daemon)
      #expect(early.status == 0 && !early.stdout.contains("\"revision\""), "\(early.stdout)\(early.stderr)")

      let list = try await run(["snapshot", "list", "--output", "csv"], daemon)
      #expect(list.status == 0 && list.stdout.contains("comite-mars"), "\(list.stdout)\(list.stderr)")
      let show = try await run(["snapshot", "show", "comite-mars"], daemon)
      #expect(show.status == 0 && show.stdout.contains("Comité de mars"), "\(show.stdout)")
      let deleted = try await run(["snapshot", "delete", "comite-mars"], daemon)
      #expect(deleted.status == 0, "\(deleted.stderr)")
      let gone = try await run(["snapshot", "show", "comite-mars"], daemon)
      #expect(gone.status == 66, "\(gone.stderr)")
    }
  }

  @Test(
    "unknown snapshot 66, a revision beyond or a future date 65, a malformed moment 64; in French too",
    .timeLimit(.minutes(3)))
  func refusals() async throws {
    try await withDemo { daemon in
      let unknown = try await run(["portfolio", "--at", "comite-inconnu"], daemon)
      #expect(unknown.status == 66)
      #expect(unknown.stderr.contains("no snapshot is named 'comite-inconnu'"), "\(unknown.stderr)")
      let french = try await run(["portfolio", "--at", "comite-inconnu", "--lang", "fr"], daemon)
      #expect(french.status == 66)
      #expect(french.stderr.contains("aucun instantané ne s'appelle « comite-inconnu »"), "\(french.stderr)")

      let beyond = try await run(["rank", "--at", "rev:100000"], daemon)
      #expect(beyond.status == 65)
      #expect(beyond.stderr.contains("revision 100000 does not exist"), "\(beyond.stderr)")
      let future = try await run(["score", Self.rennes, "--at", "2999-12-31"], daemon)
      #expect(future.status == 65)
      #expect(future.stderr.contains("is in the future"), "\(future.stderr)")
      let futureFrench = try await run(["score", Self.rennes, "--at", "2999-12-31", "--lang", "fr"], daemon)
      #expect(futureFrench.stderr.contains("est dans le futur"), "\(futureFrench.stderr)")

      let malformed = try await run(["portfolio", "--at", "rev:x"], daemon)
      #expect(malformed.status == 64, "\(malformed.stderr)")
      let badName = try await run(["snapshot", "create", "2026-03-31"], daemon)
      #expect(badName.status == 65, "\(badName.stderr)")
      let twice = try await run(["snapshot", "create", "a"], daemon)
      #expect(twice.status == 0)
      let again = try await run(["snapshot", "create", "a"], daemon)
      #expect(again.status == 65 && again.stderr.contains("already named 'a'"), "\(again.stderr)")
    }
  }
}
