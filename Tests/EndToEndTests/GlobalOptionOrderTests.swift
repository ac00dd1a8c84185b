import Foundation
import Testing

/// Global options may come before the subcommand, as with most command-line tools:
/// `impact --lang fr --server ADDRESS projects delete ID` is the same as writing them after.
@Suite("Global options before the subcommand", .serialized)
struct GlobalOptionOrderTests {
  @Test("options before the subcommand act as after it", .timeLimit(.minutes(3)))
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

    // A later occurrence wins, as everywhere else in ArgumentParser, and a nested
    // subcommand's path stays whole.
    let overridden = try await CLIRun.impact(["--server", "127.0.0.1:1", "status", "--server", daemon.address])
    #expect(overridden.status == 0, "\(overridden.stderr)")
    #expect(overridden.stdout.contains(daemon.address), "\(overridden.stdout)")
    let nested = try await CLIRun.impact(["--json", "--server", daemon.address, "projects", "list"])
    #expect(nested.status == 0, "\(nested.stderr)")
    #expect(nested.stdout.hasPrefix("{"), "\(nested.stdout)")

    // An option the root does not know is still a usage error, and so is a lone global option.
    let unknown = try await CLIRun.impact(["--bogus", "rank"])
    #expect(unknown.status == 64, "\(unknown.stderr)")
    let alone = try await CLIRun.impact(["--lang", "fr"])
    #expect(alone.status != 0)
    await daemon.stop()
  }
}
