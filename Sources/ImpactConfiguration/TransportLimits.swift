/// What a client may hold before it has authenticated: how long a connection may stay silent,
/// how many connections may be open, for the gRPC server and the metrics endpoint, and how many
/// health watches may be open (`docs/operations.md`, "Connections and health watches").
public struct TransportLimits: Sendable, Hashable {
  /// How long a new gRPC connection has to complete its handshake (TLS, then the HTTP/2
  /// connection preface and SETTINGS) before it is closed.
  public var prefaceTimeout: Duration
  /// How long the daemon waits for anything from a gRPC connection before it PINGs it.
  public var pingInterval: Duration
  /// How long a PING may go unanswered (with nothing else received) before the connection is
  /// closed.
  public var pingTimeout: Duration
  /// The most gRPC connections open at once (`limits.maxConnections`); more are closed as soon
  /// as they are accepted.
  public var maxConnections: Int
  /// The most `grpc.health.v1.Health/Watch` streams open at once (`limits.maxHealthWatchers`);
  /// more are refused with RESOURCE_EXHAUSTED.
  public var maxHealthWatchers: Int
  /// The longest service name a health request may carry, in UTF-8 bytes; longer ones are
  /// refused with INVALID_ARGUMENT.
  public var maxHealthServiceNameBytes: Int
  /// The largest health request message, in bytes: a service name of the longest length and
  /// its framing. Larger messages are refused before they are buffered whole.
  public var maxHealthRequestBytes: Int { maxHealthServiceNameBytes + 16 }
  /// How long a metrics connection may take to send its request and receive its answer.
  public var metricsRequestTimeout: Duration
  /// The most metrics connections open at once.
  public var maxMetricsConnections: Int

  /// Creates the limits.
  public init(
    prefaceTimeout: Duration = .seconds(5),
    pingInterval: Duration = .seconds(5),
    pingTimeout: Duration = .seconds(10),
    maxConnections: Int = 128,
    maxHealthWatchers: Int = 64,
    maxHealthServiceNameBytes: Int = 256,
    metricsRequestTimeout: Duration = .seconds(5),
    maxMetricsConnections: Int = 16
  ) {
    self.prefaceTimeout = prefaceTimeout
    self.pingInterval = pingInterval
    self.pingTimeout = pingTimeout
    self.maxConnections = maxConnections
    self.maxHealthWatchers = maxHealthWatchers
    self.maxHealthServiceNameBytes = maxHealthServiceNameBytes
    self.metricsRequestTimeout = metricsRequestTimeout
    self.maxMetricsConnections = maxMetricsConnections
  }

  /// 5 s to send the preface, a PING after 5 s of silence answered within 10 s, 128 gRPC
  /// connections, 64 health watches of names up to 256 bytes; 5 s per metrics request, 16
  /// metrics connections.
  public static var defaults: Self { Self() }
}
