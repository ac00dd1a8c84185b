import DaemonCore
import DaemonTestSupport
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import ImpactConfiguration

/// The `impactd` executable in a child process whose cost can be read from `/proc`: CPU time
/// (`/proc/PID/stat`), peak resident memory (`VmHWM`, reset through `/proc/PID/clear_refs`) and
/// its log (standard error, written to a file).
///
/// A child process, not a daemon in the test process: tests running at the same time would
/// count in this process's CPU time and memory.
final class MeasuredDaemonProcess: Sendable {
  let process: Process
  let address: ListenAddress
  let directory: URL
  let logURL: URL

  private init(process: Process, address: ListenAddress, directory: URL, logURL: URL) {
    self.process = process
    self.address = address
    self.directory = directory
    self.logURL = logURL
  }

  /// Starts `impactd --listen 127.0.0.1:0` on a new database with `arguments`, and returns
  /// once it prints its listening line.
  static func start(arguments: [String] = []) async throws -> MeasuredDaemonProcess {
    let executable = try requireExecutable()
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("impactd-cost-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let logURL = directory.appendingPathComponent("impactd.log")
    _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)

    let process = Process()
    process.executableURL = executable
    process.arguments =
      ["--listen", "127.0.0.1:0", "--database", directory.appendingPathComponent("impact.sqlite").path] + arguments
    process.currentDirectoryURL = directory
    let output = Pipe()
    process.standardOutput = output
    process.standardError = try FileHandle(forWritingTo: logURL)
    let (lines, continuation) = AsyncStream.makeStream(of: String.self)
    output.fileHandleForReading.readabilityHandler = { handle in
      let data = handle.availableData
      if data.isEmpty {
        continuation.finish()
        handle.readabilityHandler = nil
      } else {
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") { continuation.yield(String(line)) }
      }
    }
    try process.run()
    let address = try await withTimeout(.seconds(30), "impactd's listening line") { () -> ListenAddress? in
      for await line in lines where line.hasPrefix("listening ") {
        return ListenAddress(parsing: String(line.dropFirst("listening ".count)))
      }
      return nil
    }
    guard let address else {
      if process.isRunning { kill(process.processIdentifier, SIGKILL) }
      throw TimeLimitExceeded(what: "impactd's listening line (it exited)")
    }
    return MeasuredDaemonProcess(process: process, address: address, directory: directory, logURL: logURL)
  }

  static func requireExecutable() throws -> URL {
    guard let executable = impactdExecutable() else {
      throw TimeLimitExceeded(what: "the impactd executable (not built)")
    }
    return executable
  }

  /// Runs `body` with a plaintext client of the daemon.
  func withClient<Result: Sendable>(
    _ body: (GRPCClient<HTTP2ClientTransport.Posix>) async throws -> Result
  ) async throws -> Result {
    let transport = try HTTP2ClientTransport.Posix(
      target: .ipv4(address: address.host, port: address.port), transportSecurity: .plaintext)
    return try await withGRPCClient(transport: transport, handleClient: body)
  }

  /// User plus system CPU time the daemon has used, in seconds.
  func cpuSeconds() throws -> Double {
    let stat = try String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8)
    // Fields after the command name, which is in parentheses and may hold spaces.
    guard let close = stat.lastIndex(of: ")") else { return 0 }
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    // utime and stime are fields 14 and 15 of the whole line: 12 and 13 after the name.
    let ticks = (Double(fields[11]) ?? 0) + (Double(fields[12]) ?? 0)
    return ticks / Double(sysconf(Int32(_SC_CLK_TCK)))
  }

  /// A value of `/proc/PID/status` in bytes (`VmHWM`, `VmRSS`).
  func statusBytes(_ name: String) throws -> Int {
    let status = try String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)
    for line in status.split(separator: "\n") where line.hasPrefix("\(name):") {
      let number = line.dropFirst(name.count + 1).split(whereSeparator: \.isWhitespace).first.flatMap { Int($0) } ?? 0
      return number * 1024
    }
    return 0
  }

  /// Makes the peak resident size start again from the current one.
  func resetPeakMemory() throws {
    try "5".write(toFile: "/proc/\(process.processIdentifier)/clear_refs", atomically: false, encoding: .utf8)
  }

  /// What the daemon wrote to standard error so far.
  func log() -> String {
    (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""
  }

  /// SIGTERM, a wait of at most 20 s, then SIGKILL; removes the directory.
  func stop() async {
    if process.isRunning {
      process.terminate()
      let deadline = ContinuousClock.now + .seconds(20)
      while process.isRunning && ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(20)) }
      if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
    try? FileManager.default.removeItem(at: directory)
  }

  deinit {
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
  }
}

/// What one request cost the daemon.
struct RequestCost: CustomStringConvertible {
  var cpuSeconds: Double
  var wallSeconds: Double
  /// How far the peak resident size rose above the resident size before the request.
  var extraBytes: Int

  var description: String {
    String(
      format: "%.2f s CPU, %.2f s wall, +%.1f MiB", cpuSeconds, wallSeconds, Double(extraBytes) / 1_048_576)
  }
}

extension MeasuredDaemonProcess {
  /// Runs `request` and measures it; returns what it threw (or nil) and its cost.
  func measure(_ request: () async throws -> Void) async throws -> (error: (any Error)?, cost: RequestCost) {
    try resetPeakMemory()
    let residentBefore = try statusBytes("VmRSS")
    let cpuBefore = try cpuSeconds()
    let started = ContinuousClock.now
    var thrown: (any Error)?
    do { try await request() } catch { thrown = error }
    let wall = ContinuousClock.now - started
    let cost = RequestCost(
      cpuSeconds: try cpuSeconds() - cpuBefore,
      wallSeconds: Double(wall.components.seconds) + Double(wall.components.attoseconds) / 1e18,
      extraBytes: max(0, try statusBytes("VmHWM") - residentBefore))
    return (thrown, cost)
  }
}
