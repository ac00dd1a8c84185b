import Foundation
import Synchronization

/// A real `impactd` process on an ephemeral loopback port, for end-to-end tests.
///
/// `start` returns once the daemon printed its `listening HOST:PORT` line (no sleeps); `stop`
/// sends SIGTERM and waits for the exit with a time limit, then SIGKILL.
final class DaemonProcess: Sendable {
  struct StartError: Error, CustomStringConvertible {
    var description: String
  }

  let process: Process
  let host: String
  let port: Int
  let databasePath: String
  private let output: OutputCollector

  var address: String { "\(host):\(port)" }

  private init(process: Process, host: String, port: Int, databasePath: String, output: OutputCollector) {
    self.process = process
    self.host = host
    self.port = port
    self.databasePath = databasePath
    self.output = output
  }

  /// Starts `impactd --listen 127.0.0.1:0 --database PATH` with extra arguments (no
  /// `--database` when PATH is empty: the configuration file or the environment names it).
  static func start(
    database: String,
    arguments: [String] = [],
    environment: [String: String] = [:],
    timeout: Duration = .seconds(30)
  ) async throws -> DaemonProcess {
    let process = Process()
    process.executableURL = BuiltProducts.impactd
    process.arguments = ["--listen", "127.0.0.1:0"] + (database.isEmpty ? [] : ["--database", database]) + arguments
    var env = ProcessInfo.processInfo.environment
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardOutput = stdout
    process.standardError = stderr
    let output = OutputCollector()
    output.collect(stdout: stdout, stderr: stderr)
    try process.run()

    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
      if let line = output.stdoutLines.first(where: { $0.hasPrefix("listening ") }) {
        let address = line.dropFirst("listening ".count)
        guard let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]) else {
          throw StartError(description: "unreadable listening line: \(line)")
        }
        return DaemonProcess(
          process: process,
          host: String(address[..<colon]),
          port: port,
          databasePath: database,
          output: output
        )
      }
      if !process.isRunning {
        throw StartError(
          description: "impactd exited with \(process.terminationStatus) before listening: \(output.stderrText)")
      }
      try await Task.sleep(for: .milliseconds(20))
    }
    process.terminate()
    throw StartError(description: "impactd did not listen within \(timeout): \(output.stderrText)")
  }

  var stderrText: String { output.stderrText }
  var stdoutText: String { output.stdoutLines.joined(separator: "\n") }

  /// SIGTERM, then wait up to `timeout` for a clean exit; SIGKILL after. Returns the exit status.
  @discardableResult
  func stop(timeout: Duration = .seconds(20)) async -> Int32 {
    guard process.isRunning else { return process.terminationStatus }
    process.terminate()
    return await waitForExit(timeout: timeout)
  }

  /// SIGKILL: the daemon gets no chance to clean up.
  func kill() async {
    guard process.isRunning else { return }
    Foundation.kill(process.processIdentifier, SIGKILL)
    _ = await waitForExit(timeout: .seconds(10))
  }

  private func waitForExit(timeout: Duration) async -> Int32 {
    let deadline = ContinuousClock.now + timeout
    while process.isRunning && ContinuousClock.now < deadline {
      try? await Task.sleep(for: .milliseconds(20))
    }
    if process.isRunning {
      Foundation.kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
    return process.terminationStatus
  }

  deinit {
    if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
  }
}

/// Reads a child's stdout and stderr as they come.
final class OutputCollector: Sendable {
  private let state = Mutex<(stdout: String, stderr: String)>(("", ""))

  func collect(stdout: Pipe, stderr: Pipe) {
    stdout.fileHandleForReading.readabilityHandler = { [weak self] handle in
      let data = handle.availableData
      if data.isEmpty { handle.readabilityHandler = nil; return }
      self?.state.withLock { $0.stdout += String(decoding: data, as: UTF8.self) }
    }
    stderr.fileHandleForReading.readabilityHandler = { [weak self] handle in
      let data = handle.availableData
      if data.isEmpty { handle.readabilityHandler = nil; return }
      self?.state.withLock { $0.stderr += String(decoding: data, as: UTF8.self) }
    }
  }

  var stdoutLines: [String] {
    state.withLock { $0.stdout }.split(separator: "\n").map(String.init)
  }

  var stderrText: String { state.withLock { $0.stderr } }
}

/// A temporary directory removed when the test ends.
struct TemporaryDirectory: ~Copyable {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("impact-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  func path(_ name: String) -> String { url.appendingPathComponent(name).path }

  deinit { try? FileManager.default.removeItem(at: url) }
}
