import Analytics
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import ImpactAPI
import Testing

/// `impact export` reads `ExportPortfolioStream` and writes as the chunks arrive: the text must
/// be exactly what the one-message `ExportPortfolio` answers (JSON) or what the CSV writer
/// makes of the same projects at once, and a file appears under its name only when whole.
@Suite("Streamed export through the CLI", .timeLimit(.minutes(3)))
struct StreamedExportTests {
  /// The one-message export of the daemon, for comparison.
  static func unaryExport(_ daemon: DaemonProcess) async throws -> String {
    let transport = try HTTP2ClientTransport.Posix(
      target: .ipv4(address: daemon.host, port: daemon.port), transportSecurity: .plaintext)
    return try await withGRPCClient(transport: transport) { client in
      var options = CallOptions.defaults
      options.timeout = .seconds(30)
      options.maxResponseMessageBytes = 256 << 20
      var request = Impact_V1_ExportPortfolioRequest()
      request.format = .json
      let response = try await Impact_V1_PortfolioService.Client(wrapping: client).exportPortfolio(
        request, options: options)
      return response.jsonDocument
    }
  }

  @Test("JSON and CSV of 2 500 projects are the same text as the one-message export; no partial file is left")
  func sameTextAsOneMessage() async throws {
    let directory = try TemporaryDirectory()
    let file = directory.path("large.json")
    try LargeAnswerTests.largePortfolio(copies: 625).write(to: URL(fileURLWithPath: file))
    let daemon = try await DaemonProcess.start(database: directory.path("impact.sqlite"))
    defer { Task { await daemon.stop() } }
    let imported = try await CLIRun.impact(["import", file], daemon: daemon)
    #expect(imported.status == 0, "\(imported.stderr)")
    let unary = try await Self.unaryExport(daemon)

    // JSON on standard output, and into a file.
    let printed = try await CLIRun.impact(["export"], daemon: daemon)
    #expect(printed.status == 0, "\(printed.stderr)")
    #expect(printed.stdout == unary)
    #expect(printed.stderr.isEmpty, "no progress line when stderr is not a terminal: \(printed.stderr)")
    let target = directory.path("out/export.json")
    try FileManager.default.createDirectory(atPath: directory.path("out"), withIntermediateDirectories: true)
    let written = try await CLIRun.impact(["export", "--to", target], daemon: daemon)
    #expect(written.status == 0, "\(written.stderr)")
    #expect(try String(contentsOfFile: target, encoding: .utf8) == unary)

    // CSV, in both dialects: the tables PortfolioCSV writes at once from the same projects.
    let document = try PortfolioJSON.decode(Data(unary.utf8), source: "unary")
    let projects = document.projects
    #expect(projects.count == 2_500)
    for (arguments, dialect) in [([String](), CSVDialect.standard), (["--excel"], CSVDialect.excel)] {
      let tables = directory.path("tables\(arguments.count)")
      let exported = try await CLIRun.impact(["export", "--format", "csv", "--to", tables] + arguments, daemon: daemon)
      #expect(exported.status == 0, "\(exported.stderr)")
      let expected = PortfolioCSV.encode(projects, dialect: dialect, scheme: document.scheme ?? .impactV1)
      for (name, text) in [
        ("projects.csv", expected.projects), ("outcomes.csv", expected.outcomes), ("ratings.csv", expected.ratings),
      ] {
        let data = try Data(contentsOf: URL(fileURLWithPath: tables + "/" + name))
        #expect(data == Data(text.utf8), "\(name) \(arguments)")
      }
      let stamp = try String(contentsOfFile: tables + "/export.csv", encoding: .utf8)
      #expect(try CSVExportStamp.decode(stamp, source: "export.csv").revision == document.revision)
    }
    let leftovers = try FileManager.default.subpathsOfDirectory(atPath: directory.url.path).filter {
      $0.hasSuffix(".partial")
    }
    #expect(leftovers.isEmpty, "\(leftovers)")
    await daemon.stop()
  }

  @Test("an export that fails leaves no file, and an earlier file under that name is kept")
  func failedExportLeavesNothing() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await DaemonProcess.start(database: directory.path("impact.sqlite"), arguments: ["--demo"])
    defer { Task { await daemon.stop() } }
    let target = directory.path("export.json")
    try "earlier\n".write(toFile: target, atomically: true, encoding: .utf8)
    // A moment the portfolio never reached: the daemon refuses before any project is sent.
    let refused = try await CLIRun.impact(["export", "--to", target, "--at", "rev:999"], daemon: daemon)
    #expect(refused.status != 0)
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "earlier\n")
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.url.path)
    #expect(!names.contains { $0.hasSuffix(".partial") }, "\(names)")
    await daemon.stop()
  }
}
