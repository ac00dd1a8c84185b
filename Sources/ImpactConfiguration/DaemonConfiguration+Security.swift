extension DaemonConfiguration {
  /// Authentication and transport security.
  ///
  /// By default a daemon on a loopback address needs no token and speaks plaintext (a person on
  /// the same machine); as soon as it listens beyond loopback, every RPC but health needs a
  /// bearer token, and plaintext is refused unless TLS is configured or
  /// ``allowInsecureRemote`` accepts the risk. See `docs/security.md`.
  public struct Security: Sendable, Hashable {
    /// Whether RPCs need credentials (`auth`, `--auth`, `IMPACTD_AUTH`).
    public var authentication: AuthenticationMode
    /// The server certificate and key, and the CA that client certificates must chain to for
    /// mutual TLS (`tls`, `--tls-cert`, `--tls-key`, `--tls-client-ca`). `nil`: plaintext.
    public var tls: TLSFiles?
    /// Serve plaintext, or without authentication, on an address beyond loopback
    /// (`allowInsecureRemote`, `--allow-insecure-remote`, `IMPACTD_ALLOW_INSECURE_REMOTE`).
    public var allowInsecureRemote: Bool

    /// Creates the security section.
    public init(authentication: AuthenticationMode = .auto, tls: TLSFiles? = nil, allowInsecureRemote: Bool = false) {
      self.authentication = authentication
      self.tls = tls
      self.allowInsecureRemote = allowInsecureRemote
    }

    /// Authentication when beyond loopback, plaintext, insecure remote refused.
    public static var defaults: Self { Self() }
  }

  /// Whether this configuration makes RPCs need credentials: `on`, or `auto` on an address
  /// beyond loopback.
  public var requiresAuthentication: Bool {
    switch security.authentication {
    case .on: true
    case .off: false
    case .auto: !server.listen.isLoopback
    }
  }

  /// Refuses a configuration that would expose the portfolio: plaintext or no authentication on
  /// an address beyond loopback without ``Security/allowInsecureRemote``, metrics beyond
  /// loopback without authentication (and so without a token to scrape them), or half a TLS
  /// setting.
  ///
  /// - Throws: ``ConfigurationError`` naming the setting and what to do.
  public func checkSecurity() throws {
    if let tls = security.tls {
      if tls.certificatePath.isEmpty || tls.keyPath.isEmpty {
        throw ConfigurationError(
          setting: "--tls-cert/--tls-key", key: "config.tls-pair"
        )
      }
    }
    if let metrics = metrics.listen, !metrics.isLoopback, !requiresAuthentication, !security.allowInsecureRemote {
      throw ConfigurationError(
        setting: "--metrics-listen", key: "config.metrics-remote",
        values: ["address": "\(metrics)", "port": "\(metrics.port)"]
      )
    }
    guard !server.listen.isLoopback, !security.allowInsecureRemote else { return }
    if security.tls == nil {
      throw ConfigurationError(
        setting: "--listen", key: "config.remote-without-tls", values: ["address": "\(server.listen)"]
      )
    }
    if !requiresAuthentication {
      throw ConfigurationError(
        setting: "--auth", key: "config.remote-without-auth", values: ["address": "\(server.listen)"]
      )
    }
  }
}
