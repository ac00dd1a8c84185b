import Foundation
import Testing

/// `impactd serve` refuses, at start and through the real binary, what it cannot serve
/// safely: a database file in use under another name (75), a file that is not impactd's or is
/// damaged (65, the file left as it was), a setting out of its consumer's range (78).
@Suite("impactd start refusals", .timeLimit(.minutes(3)))
struct DatabaseStartRefusalTests {
  private static func impactd(_ arguments: [String], language: String = "en") async throws -> CLIRun.Result {
    try await DaemonAdministrationTests.impactd(arguments, language: language)
  }

  @Test(
    "a second daemon through a hard link or a symbolic link exits 75 naming the file", arguments: ["hard", "symbolic"])
  func secondDaemonThroughAnotherName(kind: String) async throws {
    let directory = try TemporaryDirectory()
    let database = directory.path("a.sqlite")
    let link = directory.path("b.sqlite")
    let first = try await DaemonProcess.start(database: database)
    if kind == "hard" {
      try FileManager.default.linkItem(atPath: database, toPath: link)
    } else {
      try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: database)
    }
    let second = try await Self.impactd(["--listen", "127.0.0.1:0", "--database", link])
    let firstStatus = await first.stop()
    #expect(second.status == 75, "\(second.stderr)")
    // The holder is named when the kernel's lock table shows it (/proc/locks); under load the
    // lookup has been seen to miss, and the message then says "another process".
    let named =
      "impactd: another impactd is using \(link) (the file is locked by pid \(first.process.processIdentifier)"
    let unnamed = "impactd: another impactd is using \(link) (the file is locked by another process"
    #expect(second.stderr.contains(named) || second.stderr.contains(unnamed), "\(second.stderr)")
    #expect(!second.stdout.contains("listening"), "\(second.stdout)")
    #expect(firstStatus == 0)
  }

  @Test("a file that is not an impactd database exits 65, is named and is left unchanged", arguments: ["en", "fr"])
  func notOurs(language: String) async throws {
    let directory = try TemporaryDirectory()
    let database = directory.path("notes.sqlite")
    let text = Data("name,amount\nRoof,12000\n".utf8)
    try text.write(to: URL(fileURLWithPath: database))
    let refused = try await Self.impactd(["--listen", "127.0.0.1:0", "--database", database], language: language)
    #expect(refused.status == 65, "\(refused.stderr)")
    let expected = language == "fr" ? "n’est pas une base de données d’impactd" : "is not an impactd database"
    #expect(refused.stderr.contains("\(database) \(expected)"), "\(refused.stderr)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == text)
  }

  @Test("impactd token and certificate on a file that is not impactd's exit 65 and leave it unchanged")
  func administrationOnForeignFile() async throws {
    let directory = try TemporaryDirectory()
    let database = directory.path("notes.sqlite")
    let text = Data("name,amount\nRoof,12000\n".utf8)
    try text.write(to: URL(fileURLWithPath: database))
    for arguments in [
      ["token", "revoke", "amel", "--database", database], ["token", "list", "--database", database],
      ["certificate", "allow", "CN=amel", "--role", "viewer", "--database", database],
    ] {
      let refused = try await Self.impactd(arguments)
      #expect(refused.status == 65, "\(arguments): \(refused.stderr)")
      #expect(refused.stderr.contains("\(database) is not an impactd database"), "\(refused.stderr)")
    }
    let french = try await Self.impactd(["token", "list", "--database", database], language: "fr")
    #expect(
      french.status == 65 && french.stderr.contains("n’est pas une base de données d’impactd"), "\(french.stderr)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == text)
  }

  @Test("a damaged database exits 65 with how to recover, in English and French")
  func damaged() async throws {
    let directory = try TemporaryDirectory()
    let database = directory.path("impact.sqlite")
    let seeded = try await DaemonProcess.start(database: database, arguments: ["--demo"])
    #expect(await seeded.stop() == 0)
    // Page 2 is the root page of the first table: invert its header and cell pointers.
    let handle = try FileHandle(forUpdating: URL(fileURLWithPath: database))
    try handle.seek(toOffset: 4096)
    let bytes = try handle.read(upToCount: 24) ?? Data()
    try handle.seek(toOffset: 4096)
    try handle.write(contentsOf: Data(bytes.map { ~$0 }))
    try handle.close()

    let refused = try await Self.impactd(["--listen", "127.0.0.1:0", "--database", database])
    #expect(refused.status == 65, "\(refused.stderr)")
    #expect(refused.stderr.contains("impactd: \(database) is damaged (quick check: "), "\(refused.stderr)")
    #expect(refused.stderr.contains("sqlite3 \(database) .recover"), "\(refused.stderr)")
    let full = try await Self.impactd(
      ["--listen", "127.0.0.1:0", "--database", database, "--integrity", "full"], language: "fr")
    #expect(full.status == 65 && full.stderr.contains("est endommagé (vérification full : "), "\(full.stderr)")
  }

  @Test("limits.maxConcurrentStreamsPerConnection 4294967296 exits 78 naming the key and the range")
  func settingOutOfRange() async throws {
    let directory = try TemporaryDirectory()
    let config = directory.path("impactd.json")
    try Data(#"{"limits": {"maxConcurrentStreamsPerConnection": 4294967296}}"#.utf8).write(
      to: URL(fileURLWithPath: config))
    let refused = try await Self.impactd([
      "--listen", "127.0.0.1:0", "--database", directory.path("impact.sqlite"), "--config", config,
    ])
    #expect(refused.status == 78, "\(refused.stderr)")
    #expect(
      refused.stderr.contains("limits.maxConcurrentStreamsPerConnection: expected an integer from 1 to 4294967295"),
      "\(refused.stderr)")
    #expect(!refused.stdout.contains("listening"))
  }
}
