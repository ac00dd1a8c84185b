import DaemonCore
import DaemonTestSupport
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import ImpactAPI
import ImpactConfiguration
import Testing

/// The `impactd` executable as a process: the start-up line, health, SIGTERM, the exit code.
@Suite("Runtime process", .timeLimit(.minutes(3)), .enabled(if: impactdExecutable() != nil))
struct RuntimeProcessTests {
  @Test("impactd prints its port, serves health, and exits 0 on SIGTERM")
  func startServeStop() async throws {
    let executable = try #require(impactdExecutable())
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "impactd-process-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }

    let process = Process()
    process.executableURL = executable
    process.arguments = [
      "--listen", "127.0.0.1:0", "--database", directory.appendingPathComponent("impact.sqlite").path,
    ]
    process.currentDirectoryURL = directory
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors

    let (lines, linesContinuation) = AsyncStream.makeStream(of: String.self)
    output.fileHandleForReading.readabilityHandler = { handle in
      let data = handle.availableData
      if data.isEmpty {
        linesContinuation.finish()
        handle.readabilityHandler = nil
      } else {
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
          linesContinuation.yield(String(line))
        }
      }
    }
    let (exit, exitContinuation) = AsyncStream.makeStream(of: Int32.self)
    process.terminationHandler = { process in
      exitContinuation.yield(process.terminationStatus)
      exitContinuation.finish()
    }
    try process.run()
    defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

    let address = try await withTimeout(.seconds(30), "the listening line") { () -> ListenAddress? in
      for await line in lines where line.hasPrefix("listening ") {
        return ListenAddress(parsing: String(line.dropFirst("listening ".count)))
      }
      return nil
    }
    let bound = try #require(address)
    #expect(bound.host == "127.0.0.1" && bound.port > 0)

    let transport = try HTTP2ClientTransport.Posix(
      target: .ipv4(address: bound.host, port: bound.port),
      transportSecurity: .plaintext
    )
    let status = try await withGRPCClient(transport: transport) { client in
      try await withTimeout(.seconds(20), "health to be SERVING") {
        let health = Grpc_Health_V1_Health.Client(wrapping: client)
        return try await health.watch(healthRequest("")) { response in
          for try await message in response.messages where message.status == .serving { return message.status }
          return Grpc_Health_V1_HealthCheckResponse.ServingStatus.unknown
        }
      }
    }
    #expect(status == .serving)

    process.terminate()  // SIGTERM
    let code = try await withTimeout(.seconds(30), "impactd to exit") { () -> Int32? in
      for await code in exit { return code }
      return nil
    }
    #expect(code == 0)
    let log = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(log.contains("impactd listening on \(bound)"))
    #expect(log.contains("impactd shutting down"))
  }
}

/// `impactd` next to the test bundle, or in the package's debug build folder.
func impactdExecutable() -> URL? {
  let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    .appendingPathComponent("impactd")
  let inPackage = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent(".build/debug/impactd")
  return [besideTests, inPackage].first { FileManager.default.isExecutableFile(atPath: $0.path) }
}
