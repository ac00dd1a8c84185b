import Analytics
import DaemonCore
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import ImpactAPI
import SwiftProtobuf
import Testing

/// The daemon's log under hostile requests (issue 11, item 2), read from a real `impactd`'s
/// standard error: a refusal with many problems is one bounded line, and a client's newline
/// cannot start a line of its own.
@Suite("Log safety", .serialized, .timeLimit(.minutes(3)), .enabled(if: impactdExecutable() != nil))
struct LogSafetyTests {
  /// Every line the daemon writes starts with swift-log's timestamp (`2026-11-28T09:14:27+0000`).
  static func isLogLine(_ line: Substring) -> Bool {
    line.range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}"#, options: .regularExpression) != nil
  }

  static func project(_ id: String, domain: String = "employment") -> Impact_V1_Project {
    .with {
      $0.id = id
      $0.name = "Project \(id)"
      $0.status = .pipeline
      $0.outcomes = [
        .with {
          $0.id = "o1"
          $0.domain = domain
        }
      ]
    }
  }

  /// Runs `body` against a fresh daemon process, then returns what it logged meanwhile.
  static func logged(
    _ body: @Sendable (GRPCClient<HTTP2ClientTransport.Posix>) async throws -> Void
  ) async throws
    -> String
  {
    let daemon = try await MeasuredDaemonProcess.start()
    do {
      let before = try await daemon.withClient { client in
        _ = try await Impact_V1_StatusService.Client(wrapping: client).getStatus(.init())
        // The line of GetStatus is written once the RPC ends: wait for it.
        try await Task.sleep(for: .milliseconds(200))
        let before = daemon.log().utf8.count
        try await body(client)
        try await Task.sleep(for: .milliseconds(300))
        return before
      }
      let log = daemon.log()
      await daemon.stop()
      return String(decoding: log.utf8.dropFirst(before), as: UTF8.self)
    } catch {
      await daemon.stop()
      throw error
    }
  }

  @Test("a refusal listing 15 000 problems writes one line of bounded size")
  func boundedRefusal() async throws {
    let log = try await Self.logged { client in
      // 5 000 projects, within the decode budget of one request (RequestDecodeBudget).
      let projects = (0..<5_000).map { index in
        var project = Self.project("p\(index)", domain: "nowhere")
        project.outcomes[0].share = 7
        return project
      }
      await #expect(throws: RPCError.self) {
        _ = try await Impact_V1_ScoringService.Client(wrapping: client).simulateWhatIf(
          .with { $0.changes = projects.map { project in .with { $0.addProject = project } } })
      }
    }
    let lines = log.split(separator: "\n")
    #expect(lines.count == 1, "\(log.prefix(2000))")
    #expect(log.utf8.count < 2_000, "\(log.utf8.count) bytes")
    #expect(log.contains("rpc finished"))
    #expect(log.contains("invalid input, 15000 problems"))
    #expect(log.contains("more characters)"))
  }

  @Test("a newline, an escape sequence or a bidi override in a client's value cannot forge a log line")
  func escapedValues() async throws {
    let forged = "x\n2026-01-01T00:00:00+0000 info impactd : code=OK method=forged [DaemonCore] rpc finished"
    let log = try await Self.logged { client in
      let projects = Impact_V1_ProjectService.Client(wrapping: client)
      for domain in [forged, "red\u{1B}[31m\u{1B}]0;title\u{7}", "\u{202E}txt.exe", "cr\rover"] {
        await #expect(throws: RPCError.self) {
          _ = try await projects.createProject(.with { $0.project = Self.project("p1", domain: domain) })
        }
      }
    }
    let lines = log.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
    #expect(lines.count == 4, "\(log)")
    for line in lines {
      #expect(Self.isLogLine(line), "\(line)")
      #expect(!line.unicodeScalars.contains(where: TextLimits.isForbidden), "\(line)")
    }
    #expect(!log.contains("method=forged [DaemonCore] rpc finished\n") || log.contains("\\n2026-01-01"))
    #expect(log.contains("\\n2026-01-01T00:00:00+0000 info impactd"))
    #expect(log.contains("\\u{1B}[31m"))
    #expect(log.contains("\\u{202E}txt.exe"))
  }

  @Test("LogText escapes control characters and clips long values")
  func logText() {
    #expect(LogText.safe("a\nb\u{1B}") == "a\\nb\\u{1B}")
    let long = LogText.safe(String(repeating: "z", count: 10_000))
    #expect(long.hasPrefix(String(repeating: "z", count: LogText.maximumCharacters) + "…"))
    #expect(long.hasSuffix("(9500 more characters)"))
  }
}
