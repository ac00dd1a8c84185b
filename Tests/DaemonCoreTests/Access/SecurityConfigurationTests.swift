import ArgumentParser
import DaemonCore
import ImpactConfiguration
import Testing

@testable import impactd

@Suite("Security configuration")
struct SecurityConfigurationTests {
  private func resolve(_ arguments: [String], environment: [String: String] = [:]) throws -> DaemonConfiguration {
    try DaemonConfiguration.resolve(flags: try ServeOptions.parse(arguments).layer(), environment: environment)
  }

  @Test("on loopback authentication is off by default; --auth on turns it on")
  func loopbackDefaults() throws {
    let plain = try resolve([])
    #expect(plain.security == .defaults)
    #expect(!plain.requiresAuthentication)
    let on = try resolve(["--auth", "on"])
    #expect(on.requiresAuthentication)
    let ipv6 = try resolve(["--listen", "[::1]:7420"])
    #expect(!ipv6.requiresAuthentication)
  }

  @Test("beyond loopback plaintext is refused, naming the flags that fix it")
  func beyondLoopbackNeedsTLS() {
    #expect {
      try resolve(["--listen", "0.0.0.0:7420"])
    } throws: { error in
      let text = "\(error)"
      return text.contains("--tls-cert") && text.contains("--allow-insecure-remote") && text.contains("0.0.0.0:7420")
    }
  }

  @Test("beyond loopback, TLS turns authentication on by itself; --auth off needs the insecure flag")
  func beyondLoopbackWithTLS() throws {
    let tls = ["--listen", "0.0.0.0:7420", "--tls-cert", "server.pem", "--tls-key", "server-key.pem"]
    let configuration = try resolve(tls)
    #expect(configuration.requiresAuthentication)
    #expect(configuration.security.tls == TLSFiles(certificatePath: "server.pem", keyPath: "server-key.pem"))
    #expect(throws: ConfigurationError.self) { try resolve(tls + ["--auth", "off"]) }
    let accepted = try resolve(tls + ["--auth", "off", "--allow-insecure-remote"])
    #expect(!accepted.requiresAuthentication)
    let plaintext = try resolve(["--listen", "10.1.2.3:7420", "--allow-insecure-remote"])
    #expect(plaintext.requiresAuthentication)
  }

  @Test("half a TLS setting is refused")
  func halfTLS() {
    #expect(throws: ConfigurationError.self) { try resolve(["--tls-cert", "server.pem"]) }
    #expect(throws: ConfigurationError.self) { try resolve(["--tls-key", "server-key.pem"]) }
  }

  @Test("environment and file set the same things, flags win")
  func layers() throws {
    let environment = [
      "IMPACTD_AUTH": "on", "IMPACTD_TLS_CERT": "env.pem", "IMPACTD_TLS_KEY": "env-key.pem",
      "IMPACTD_TLS_CLIENT_CA": "ca.pem", "IMPACTD_MAX_DATABASE_SIZE": "64M", "IMPACTD_READ_ONLY": "true",
    ]
    let configuration = try resolve(["--tls-cert", "flag.pem"], environment: environment)
    #expect(configuration.security.authentication == .on)
    #expect(
      configuration.security.tls
        == TLSFiles(certificatePath: "flag.pem", keyPath: "env-key.pem", clientCAPath: "ca.pem"))
    #expect(configuration.security.tls?.isMutual == true)
    #expect(configuration.database.maxSizeBytes == 64 << 20)
    #expect(configuration.database.readOnly)

    let json = """
      {"auth": "on", "allowInsecureRemote": true, "maxDatabaseBytes": 1048576, "readOnly": false,
       "tls": {"certificate": "c.pem", "key": "k.pem"},
       "limits": {"maxOutcomesPerRequest": 10, "maxRatingsPerRequest": 20}}
      """
    let layer = try ConfigurationLayer(fileContents: Array(json.utf8), path: "impactd.json")
    let fromFile = DaemonConfiguration.defaults.applying(layer)
    #expect(
      fromFile.security
        == .init(
          authentication: .on, tls: TLSFiles(certificatePath: "c.pem", keyPath: "k.pem"), allowInsecureRemote: true))
    #expect(fromFile.database.maxSizeBytes == 1_048_576)
    #expect(fromFile.limits.maxOutcomesPerRequest == 10)
    #expect(fromFile.limits.maxRatingsPerRequest == 20)
  }

  @Test(
    "malformed security settings are named",
    arguments: [
      (["--auth", "maybe"], "--auth: expected one of auto, on, off, got \"maybe\""),
      (
        ["--max-database-size", "lots"],
        "--max-database-size: expected a positive number of bytes (suffix K, M or G allowed), got \"lots\""
      ),
      (
        ["--max-database-size", "0"],
        "--max-database-size: expected a positive number of bytes (suffix K, M or G allowed), got \"0\""
      ),
    ]
  )
  func flagErrors(arguments: [String], message: String) {
    do {
      _ = try ServeOptions.parse(arguments)
      Issue.record("expected \(arguments) to be rejected")
    } catch {
      #expect(ServeOptions.message(for: error) == message)
    }
  }

  @Test("a file with a wrongly typed security key names it")
  func fileErrors() {
    #expect {
      try ConfigurationLayer(fileContents: Array(#"{"readOnly": "yes"}"#.utf8), path: "f.json")
    } throws: { "\($0)".contains("f.json: readOnly") }
    #expect {
      try ConfigurationLayer(fileContents: Array(#"{"tls": {"cert": "x"}}"#.utf8), path: "f.json")
    } throws: { "\($0)".contains("f.json: tls.cert") }
  }
}
