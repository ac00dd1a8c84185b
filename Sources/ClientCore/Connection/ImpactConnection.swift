import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import Localization
import Synchronization

/// How a command reaches the daemon: its address, TLS or plaintext, the bearer token, and the
/// time limit (`--timeout`) that bounds connecting and each wait for the daemon, so that an
/// unreachable or stalled daemon never makes `impact` hang, while a long transfer that keeps
/// making progress (an import or export of a large portfolio) goes on.
struct ImpactConnection: Sendable {
  typealias Client = GRPCClient<HTTP2ClientTransport.Posix>

  var address: ServerAddress
  var token: String?
  var timeout: Duration
  /// TLS settings; nil for plaintext.
  var tls: TLSSettings? = nil
  /// The language of the messages of failures.
  var language: DisplayLanguage = .en
  /// The revision every answer must reflect (`--min-revision`): the daemon waits until it has
  /// it (read-your-writes across several daemons).
  var minimumRevision: Int64? = nil

  /// The metadata every call sends: the bearer token when there is one, and the language the
  /// daemon's refusals should be explained in (AIP-193 `LocalizedMessage`).
  var metadata: Metadata {
    var metadata: Metadata = ["accept-language": "\(language.rawValue)"]
    if let token { metadata.addString("Bearer \(token)", forKey: "authorization") }
    if let minimumRevision { metadata.addString("\(minimumRevision)", forKey: "impact-min-revision") }
    return metadata
  }

  /// The call options of every call: the deadline is the command's time limit.
  var callOptions: CallOptions {
    var options = CallOptions.defaults
    options.timeout = timeout
    // The transport's default of 4 MiB refuses the export of a portfolio of a few thousand
    // projects; the daemon is trusted and bounds its answers. grpc-swift-nio-transport 2.9
    // bounds the messages a client decodes by `maxRequestMessageBytes`, so both are raised
    // (the daemon still refuses requests over its own limit).
    options.maxResponseMessageBytes = Self.maximumResponseBytes
    options.maxRequestMessageBytes = Self.maximumResponseBytes
    return options
  }

  /// Call options for a call that may last as long as the user wants (a watch stream).
  var unboundedCallOptions: CallOptions { .defaults }

  /// Call options for a streamed transfer (import, export, every score): the message limits
  /// of ``callOptions`` and no deadline on the whole call; the command's time limit bounds
  /// each wait instead, through ``CommandDeadline/progress()``.
  var streamingCallOptions: CallOptions {
    var options = callOptions
    options.timeout = nil
    return options
  }

  /// Runs `body` with a client connected to the daemon. It fails when `timeout` passes with
  /// no progress: `body` reports progress with ``CommandDeadline/progress()`` (each message
  /// of a stream sent or received), which starts the time limit again, or lifts it with
  /// ``CommandDeadline/disarm()`` (the watch command, once its stream is open). gRPC errors
  /// become ``CommandFailure``s with the matching exit status.
  func run<Result: Sendable>(
    _ body: @escaping @Sendable (Client, CommandDeadline) async throws -> Result
  ) async throws -> Result {
    let transport = try makeTransport()
    let deadline = CommandDeadline()
    let timeout = self.timeout
    let address = self.address
    let tls = self.tls
    let language = self.language
    let l = language.localizer
    do {
      return try await withThrowingTaskGroup(of: Result?.self) { group in
        group.addTask {
          try await withGRPCClient(transport: transport) { client in
            try await body(client, deadline)
          }
        }
        group.addTask {
          var since = deadline.lastProgress
          while true {
            try await Task.sleep(until: since + timeout, clock: .continuous)
            if deadline.isDisarmed { try await deadline.waitForever() }
            let latest = deadline.lastProgress
            if latest == since { return nil }
            since = latest
          }
        }
        defer { group.cancelAll() }
        while let outcome = try await group.next() {
          if let result = outcome { return result }
          let seconds = Self.seconds(timeout)
          var message =
            deadline.hasProgressed
            ? l("connection.stalled", ["address": "\(address)", "seconds": seconds])
            : l("connection.timeout", ["address": "\(address)", "seconds": seconds])
          if let note = deadline.giveUpNote { message += "\n" + note }
          throw CommandFailure(.unavailable, message)
        }
        throw CommandFailure(.failure, l("connection.no-answer", ["address": "\(address)"]))
      }
    } catch let error as RPCError {
      throw Self.failure(for: error, address: address, timeout: timeout, tls: tls, language: language)
    } catch let error as CommandFailure {
      throw error
    } catch is CancellationError {
      throw CommandFailure(.failure, l("connection.cancelled"))
    } catch {
      throw CommandFailure(.failure, "\(error)")
    }
  }

  /// The largest message the CLI sends or receives: 256 MiB. The transport's default, 4 MiB,
  /// is less than the export of a few thousand projects; the daemon accepts requests up to its
  /// own limit (16 MiB by default) and refuses larger ones itself.
  static let maxMessageBytes = 256 << 20

  /// Every method with ``maxMessageBytes`` as its limit. grpc-swift-nio-transport 2.9.2 checks
  /// received messages against the *request* limit, so both are set.
  static var serviceConfig: ServiceConfig {
    ServiceConfig(methodConfig: [
      MethodConfig(
        names: [MethodConfig.Name(service: "")], maxRequestMessageBytes: maxMessageBytes,
        maxResponseMessageBytes: maxMessageBytes)
    ])
  }

  /// Whether `error` is the transport refusing a received message over ``maxMessageBytes``.
  static func isResponseTooLarge(_ error: RPCError) -> Bool {
    error.code == .internalError && error.message.hasPrefix("Failed to decode message")
  }

  /// The transport: plaintext, or TLS as the settings say. The PEM files are read here, so a
  /// missing one fails before any connection is tried.
  private func makeTransport() throws -> HTTP2ClientTransport.Posix {
    var config = HTTP2ClientTransport.Posix.Config.defaults
    let security: HTTP2ClientTransport.Posix.TransportSecurity
    if let tls {
      security = try tls.transportSecurity()
      // The authority is also the TLS server name (SNI) and the name the certificate must carry.
      if let serverName = tls.serverName { config.http2.authority = serverName }
    } else {
      security = .plaintext
    }
    do {
      return try HTTP2ClientTransport.Posix(
        target: address.target, transportSecurity: security, config: config, serviceConfig: Self.serviceConfig)
    } catch let error as RuntimeError where tls != nil {
      let cause = error.cause.map { " (\($0))" } ?? ""
      throw CommandFailure(
        .invalidInput,
        language.localizer(
          "connection.tls-files", ["files": tls?.summary ?? "", "reason": "\(error.message)\(cause)"]))
    } catch {
      throw CommandFailure(
        .unavailable, language.localizer("connection.unreachable", ["address": "\(address)", "reason": "\(error)"]))
    }
  }

  /// The largest response `impact` accepts: an export of a large portfolio in one message.
  static let maximumResponseBytes = 512 << 20

  /// The failure a gRPC error from the daemon at `address` becomes.
  static func failure(
    for error: RPCError, address: ServerAddress, timeout: Duration, tls: TLSSettings? = nil,
    language: DisplayLanguage = .en
  ) -> CommandFailure {
    let status = ExitStatus(rpcCode: error.code)
    let l = language.localizer
    // The transport refuses an answer over its limit as INTERNAL "Failed to decode message":
    // it is a size limit, a temporary failure of this request like the daemon's own.
    if isResponseTooLarge(error) {
      return CommandFailure(
        .resourceExhausted, l("connection.response-too-large", ["limit": "\(maxMessageBytes >> 20)"]))
    }
    // A non-200 HTTP status without a gRPC status: a proxy or a web server answered, not the
    // daemon (the transport maps 404 to UNIMPLEMENTED, 502 to UNAVAILABLE...).
    if let httpStatus = httpStatus(in: error) {
      // 502, 503 and 504 are what a proxy says when the daemon behind it is down.
      let key =
        ["502", "503", "504"].contains(where: httpStatus.hasPrefix)
        ? "connection.proxy-status" : "connection.http-status"
      return CommandFailure(.unavailable, l(key, ["address": "\(address)", "status": httpStatus]))
    }
    switch error.code {
    case .unavailable:
      // The daemon answered and explained (a revision it has not reached yet, its database
      // unavailable): its words, not a connection failure.
      if let explained = error.localizedMessage(for: language) {
        return CommandFailure(status, explained)
      }
      let text = describe(error)
      let refused = ["Connection refused", "No route to host", "Network is unreachable", "Name or service not known"]
      if !refused.contains(where: text.contains),
        let version = ProtocolProbe.http1Version(host: address.host, port: address.port)
      {
        return CommandFailure(.unavailable, l("connection.not-grpc", ["address": "\(address)", "protocol": version]))
      }
      if let handshake = TLSFailure(text, tls: tls, language: language) {
        return CommandFailure(
          status, l("connection.unreachable", ["address": "\(address)", "reason": handshake.explanation]))
      }
      for (phrase, key) in [
        ("Connection refused", "connection.reason.refused"), ("No route to host", "connection.reason.no-route"),
        ("Network is unreachable", "connection.reason.network"),
        ("Name or service not known", "connection.reason.unknown-host"),
      ] where text.contains(phrase) {
        return CommandFailure(status, l("connection.unreachable", ["address": "\(address)", "reason": l(key)]))
      }
      return CommandFailure(status, l("connection.unreachable", ["address": "\(address)", "reason": text]))
    case .deadlineExceeded:
      return CommandFailure(
        status,
        l("connection.deadline", ["address": "\(address)", "seconds": seconds(timeout), "detail": describe(error)]))
    case .unauthenticated, .permissionDenied:
      let hint = tls?.certificatePath == nil ? l("connection.hint.token") : l("connection.hint.token-certificate")
      return CommandFailure(status, "\(error.localizedMessage(for: language) ?? describe(error)) (\(hint))")
    default:
      return CommandFailure(status, error.localizedMessage(for: language) ?? describe(error))
    }
  }

  /// The HTTP status of a response that carried no gRPC status, such as `404 Not Found`.
  private static func httpStatus(in error: RPCError) -> String? {
    let marker = "Unexpected non-200 HTTP Status Code ("
    guard let start = error.message.range(of: marker) else { return nil }
    let rest = error.message[start.upperBound...]
    return String(rest.prefix { $0 != ")" })
  }

  /// The server's message, with the cause when the transport gave one (`connection refused`).
  private static func describe(_ error: RPCError) -> String {
    var text = error.message.isEmpty ? "\(error.code)" : error.message
    if let cause = error.cause {
      let causeText = "\(cause)"
      if !text.contains(causeText) { text += " (\(causeText))" }
    }
    return text
  }

  static func seconds(_ duration: Duration) -> String {
    let components = duration.components
    let value = Double(components.seconds) + Double(components.attoseconds) / 1e18
    return NumberStyle.raw(value) + "s"
  }
}

/// The time limit of a command: it runs from the start, starts again at each sign of
/// progress, and a long-lived command (watch) may lift it once connected.
final class CommandDeadline: Sendable {
  private struct State {
    var disarmed = false
    var lastProgress = ContinuousClock.now
    var progressed = false
    var giveUpNote: String?
  }

  private let state = Mutex(State())

  /// Stops the time limit: the command may now run until it ends by itself.
  func disarm() { state.withLock { $0.disarmed = true } }

  var isDisarmed: Bool { state.withLock { $0.disarmed } }

  /// Starts the time limit again: the daemon answered, or took a message from the command.
  func progress() {
    state.withLock {
      $0.lastProgress = .now
      $0.progressed = true
    }
  }

  /// When the command last made progress (or started).
  var lastProgress: ContinuousClock.Instant { state.withLock { $0.lastProgress } }

  /// Whether the command made progress before the time limit ran out.
  var hasProgressed: Bool { state.withLock { $0.progressed } }

  /// What became of the daemon's side, said after the time-out message when the command gives
  /// up (an import: rolled back, or maybe committed); set as the command moves along.
  var giveUpNote: String? {
    get { state.withLock { $0.giveUpNote } }
    set { state.withLock { $0.giveUpNote = newValue } }
  }

  /// Suspends until cancelled (the timer of a disarmed deadline has nothing left to do).
  func waitForever() async throws {
    while true { try await Task.sleep(for: .seconds(3600)) }
  }
}
