import Foundation
import Testing

/// Every example in `impact … --help` works against `impactd --demo`: people copy them first,
/// so an id the demo portfolio lacks would greet them with "not found".
@Suite("Help examples", .serialized)
struct HelpExampleTests {
  /// Examples that cannot run as written here, and why.
  static let skipped: [String: String] = [
    "impact status --server 127.0.0.1:7420": "names the default port, where no test daemon listens",
    "impact projects delete old-project --expected-revision 41": "shows the guard: its point is the refusal",
    "impact import projects.csv outcomes.csv ratings.csv --replace --expected-revision 12":
      "shows the guard: its point is the refusal",
    "impact snapshot create comite-2026-03 --note \"March committee\"":
      "run by the setup above, so that the examples reading the snapshot find it",
    "impact rank --server impact.example.org:7420 --ca ca.pem --token \"$IMPACT_TOKEN\"":
      "names a remote daemon and its CA, which a test does not have",
  ]

  @Test("every impact example line of every subcommand's help exits 0", .timeLimit(.minutes(5)))
  func examplesRun() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await DaemonProcess.start(database: directory.path("impact.sqlite"), arguments: ["--demo"])
    defer { Task { await daemon.stop() } }
    // The files examples read: what the daemon exports, as people would have them.
    let setup = try await Self.shell(
      "impact export > portfolio.json"
        + " && impact export --format csv --to . && impact scheme show --document > impact-v2.json"
        + " && impact framework show --document > framework.json"
        // The committee snapshot the history examples name.
        + " && impact snapshot create comite-2026-03 --note \"March committee\"",
      in: directory.url, daemon: daemon)
    #expect(setup.status == 0, "\(setup.stderr)")
    // A candidate: one of the portfolio's projects under a new id, as a document of its own.
    let exported = try Data(contentsOf: directory.url.appendingPathComponent("portfolio.json"))
    var document = try #require(try JSONSerialization.jsonObject(with: exported) as? [String: Any])
    var candidate = try #require((document["projects"] as? [[String: Any]])?.first)
    candidate["id"] = "candidat-exemple"
    candidate["name"] = "Projet candidat"
    document["projects"] = [candidate]
    document["revision"] = nil
    try JSONSerialization.data(withJSONObject: document).write(
      to: directory.url.appendingPathComponent("candidates.json"))

    var examples: [String] = []
    var pending: [[String]] = [[]]
    var seen: Set<[String]> = []
    while let path = pending.popLast() {
      guard seen.insert(path).inserted else { continue }
      let help = try await CLIRun.impact(path + ["--help"])
      #expect(help.status == 0, "\(path): \(help.stderr)")
      examples += Self.examples(in: help.stdout)
      pending += Self.subcommands(in: help.stdout).map { path + [$0] }
    }
    #expect(examples.count > 20, "\(examples)")
    for example in Set(examples).sorted() where Self.skipped[example] == nil {
      // A watch streams until stopped: still running after 3 s (timeout's 124) is its success.
      // The whole example (a pipeline too) runs in timeout's process group, so every part of
      // it is stopped at the limit, and killed 2 s later if it ignores the signal.
      let streams = example.hasPrefix("impact watch")
      let run = try await Self.shell(
        #"timeout -k 2 \#(streams ? 3 : 30) sh -c "$EXAMPLE" < /dev/null"#, in: directory.url, daemon: daemon,
        example: example)
      #expect(run.status == 0 || (streams && run.status == 124), "\(example): \(run.status) \(run.stderr)")
    }
    await daemon.stop()
  }

  /// The lines starting with `impact ` after the usage, continuation lines (`\`) joined.
  static func examples(in help: String) -> [String] {
    var found: [String] = []
    var current: String?
    for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
      let text = line.trimmingCharacters(in: .whitespaces)
      if current == nil, text.hasPrefix("impact "), !line.hasPrefix("USAGE") { current = "" }
      guard let joined = current else { continue }
      if text.hasSuffix("\\") {
        current = joined + text.dropLast().trimmingCharacters(in: .whitespaces) + " "
      } else {
        found.append((joined + text).trimmingCharacters(in: .whitespaces))
        current = nil
      }
    }
    return found.filter { !$0.contains("<") }
  }

  /// The names listed under SUBCOMMANDS, without `help`: the block ends at its blank line,
  /// before ArgumentParser's "See 'impact help <subcommand>'" line.
  static func subcommands(in help: String) -> [String] {
    guard let range = help.range(of: "SUBCOMMANDS:\n") else { return [] }
    let block = help[range.upperBound...].split(separator: "\n", omittingEmptySubsequences: false).prefix {
      !$0.isEmpty
    }
    return block.compactMap { line in
      guard line.hasPrefix("  "), !line.hasPrefix("    ") else { return nil }
      guard let name = line.split(separator: " ").first.map(String.init),
        name.wholeMatch(of: #/[a-z][a-z-]*/#) != nil, name != "help"
      else { return nil }
      return name
    }
  }

  /// `command` run by sh in `directory`, with `impact` on the PATH and the daemon's address.
  static func shell(
    _ command: String, in directory: URL, daemon: DaemonProcess, example: String = ""
  ) async throws -> CLIRun.Result {
    var environment = ProcessInfo.processInfo.environment
    environment["EXAMPLE"] = example
    for key in ["IMPACT_TOKEN", "IMPACT_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] { environment[key] = nil }
    environment["IMPACT_SERVER"] = daemon.address
    environment["PATH"] = BuiltProducts.directory.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
    return try await CLIRun.run(
      URL(fileURLWithPath: "/bin/sh"), ["-c", "cd '\(directory.path)' && \(command)"], environment: environment)
  }
}
