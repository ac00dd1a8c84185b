import Foundation
import Testing

/// Projects and statuses as people type them: the start of a project's id or name in every
/// command that names a project, and a status in any case or as a table prints it.
@Suite("Project and status arguments", .serialized)
struct ProjectArgumentTests {
  @Test("every command that names a project takes the start of its id", .timeLimit(.minutes(3)))
  func prefixes() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await DaemonProcess.start(database: directory.path("impact.sqlite"), arguments: ["--demo"])
    defer { Task { await daemon.stop() } }

    let compare = try await CLIRun.impact(["compare", "pension", "maraudes", "--json"], daemon: daemon)
    #expect(compare.status == 0, "\(compare.stderr)")
    #expect(compare.stdout.contains("pension-de-famille-rennes") && compare.stdout.contains("maraudes-lyon"))

    let ambiguous = try await CLIRun.impact(["compare", "pension", "atelier"], daemon: daemon)
    #expect(ambiguous.status == 65, "\(ambiguous.stderr)")
    #expect(ambiguous.stderr.contains("atelier-velo-nantes"), "\(ambiguous.stderr)")
    let none = try await CLIRun.impact(["compare", "pension", "zzz-nothing"], daemon: daemon)
    #expect(none.status == 66, "\(none.stderr)")

    let rate = try await CLIRun.impact(
      ["rate", "pension", "--criterion", "who", "--rater", "amel", "--value", "3", "--json"], daemon: daemon)
    #expect(rate.status == 0, "\(rate.stderr)")
    #expect(rate.stdout.contains("pension-de-famille-rennes"), "\(rate.stdout)")

    let observe = try await CLIRun.impact(
      ["observe", "pension", "maintien-logement", "86", "--json"], daemon: daemon)
    #expect(observe.status == 0, "\(observe.stderr)")
    #expect(observe.stdout.contains("pension-de-famille-rennes"), "\(observe.stdout)")

    let remove = try await CLIRun.impact(["whatif", "--remove", "pension", "--json"], daemon: daemon)
    #expect(remove.status == 0, "\(remove.stderr)")
    let set = try await CLIRun.impact(["whatif", "--set", "pension.amount=450000", "--json"], daemon: daemon)
    #expect(set.status == 0, "\(set.stderr)")
    #expect(set.stdout.contains("pension-de-famille-rennes"), "\(set.stdout)")
    let unknown = try await CLIRun.impact(["whatif", "--remove", "zzz-nothing"], daemon: daemon)
    #expect(unknown.status == 66, "\(unknown.stderr)")
    await daemon.stop()
  }

  @Test("--status takes any case and the French and English labels", .timeLimit(.minutes(3)))
  func statuses() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await DaemonProcess.start(database: directory.path("impact.sqlite"), arguments: ["--demo"])
    defer { Task { await daemon.stop() } }
    let reference = try await CLIRun.impact(["rank", "--status", "funded", "--json"], daemon: daemon)
    #expect(reference.status == 0, "\(reference.stderr)")
    for typed in ["FUNDED", "financé", "Finance", "En comité"] {
      let run = try await CLIRun.impact(["rank", "--status", typed, "--json"], daemon: daemon)
      #expect(run.status == 0, "\(typed): \(run.stderr)")
      if typed != "En comité" { #expect(run.stdout == reference.stdout, "\(typed)") }
    }
    let wrong = try await CLIRun.impact(["rank", "--status", "paid"], daemon: daemon)
    #expect(wrong.status == 64, "\(wrong.stderr)")
    await daemon.stop()
  }
}
