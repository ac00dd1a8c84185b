import Foundation
import Testing

/// Global options may come before the subcommand, as with most command-line tools:
/// `impact --lang fr --server ADDRESS projects delete ID` is the same as writing them after.
@Suite("Global options before the subcommand", .serialized)
struct GlobalOptionOrderTests {
  @Test("options before the subcommand act as after it", .timeLimit(.minutes(2)))
  func leadingOptions() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await DaemonProcess.start(database: directory.path("impact.sqlite"))
    defer { Task { await daemon.stop() } }
    let imported = try await CLIRun.impact(["import", BuiltProducts.referenceFixture.path], daemon: daemon)
    #expect(imported.status == 0, "\(imported.stderr)")

    let french = try await CLIRun.impact(["--lang", "fr", "--server", daemon.address, "projects", "delete", "nope"])
    #expect(french.status == 66, "\(french.stderr)")
    #expect(french.stderr == "impact: projet « nope » introuvable\n", "\(french.stderr)")

    let before = try await CLIRun.impact(["--server=\(daemon.address)", "--json", "rank", "--top", "1"])
    let after = try await CLIRun.impact(["rank", "--top", "1", "--json", "--server", daemon.address])
    #expect(before.status == 0, "\(before.stderr)")
    #expect(before.stdout == after.stdout)
    #expect(before.stdout.hasPrefix("{"), "\(before.stdout)")

    // Before a `--` terminator, the moved options stay options.
    let terminated = try await CLIRun.impact(["--server", daemon.address, "score", "--", "nope"])
    #expect(terminated.status == 66, "\(terminated.stderr)")

    // An option the root does not know is still a usage error, and so is a lone global option.
    let unknown = try await CLIRun.impact(["--bogus", "rank"])
    #expect(unknown.status == 64, "\(unknown.stderr)")
    let alone = try await CLIRun.impact(["--lang", "fr"])
    #expect(alone.status != 0)
    await daemon.stop()
  }
}
