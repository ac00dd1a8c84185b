import ArgumentParser
import DaemonCore
import Foundation
import ImpactConfiguration
import ImpactStorage
import Localization
import Logging
import Testing

@testable import impactd

@Suite("Configuration")
struct ConfigurationTests {
  private func file(_ json: String) -> (String) throws -> [UInt8] {
    { _ in Array(json.utf8) }
  }

  @Test("defaults work with nothing set")
  func defaults() throws {
    let configuration = try DaemonConfiguration.resolve(flags: ConfigurationLayer(), environment: [:])
    #expect(configuration == .defaults)
    #expect(configuration.server.listen == ListenAddress(host: "127.0.0.1", port: 7420))
    #expect(configuration.database.path == "./impact.sqlite")
    #expect(configuration.database.durability == .full)
    #expect(configuration.metrics.listen == nil)
    #expect(configuration.log.level == .info)
    #expect(configuration.server.gracePeriod == .seconds(10))
    #expect(configuration.limits.maxRequestPayloadBytes == 16 * 1024 * 1024)
    #expect(configuration.limits.maxConcurrentStreamsPerConnection == 100)
    #expect(configuration.limits.maxPageSize == 1000)
    #expect(configuration.limits.maxWatchSubscribers == 64)
    #expect(configuration.limits.maxProjectsPerRequest == 100_000)
  }

  @Test("flags override the environment, which overrides the file, which overrides defaults")
  func precedence() throws {
    let json = """
      {"listen": "127.0.0.1:1001", "database": "/file.sqlite", "durability": "normal",
       "logLevel": "debug", "metricsListen": "127.0.0.1:9001", "gracePeriodSeconds": 2.5,
       "limits": {"maxPageSize": 50}}
      """
    let environment = [
      "IMPACTD_LISTEN": "127.0.0.1:2002",
      "IMPACTD_DATABASE": "/env.sqlite",
      "IMPACTD_CONFIG": "/etc/impactd.json",
    ]
    var flags = ConfigurationLayer()
    flags.listen = ListenAddress(host: "0.0.0.0", port: 3003)
    flags.allowInsecureRemote = true

    var readPath: String?
    let configuration = try DaemonConfiguration.resolve(flags: flags, environment: environment) { path in
      readPath = path
      return Array(json.utf8)
    }

    #expect(readPath == "/etc/impactd.json")
    #expect(configuration.server.listen == ListenAddress(host: "0.0.0.0", port: 3003))  // flag
    #expect(configuration.database.path == "/env.sqlite")  // environment
    #expect(configuration.database.durability == .normal)  // file
    #expect(configuration.log.level == .debug)  // file
    #expect(configuration.metrics.listen == ListenAddress(host: "127.0.0.1", port: 9001))  // file
    #expect(configuration.server.gracePeriod == .milliseconds(2500))  // file
    #expect(configuration.limits.maxPageSize == 50)  // file
    #expect(configuration.limits.maxProjectsPerRequest == 100_000)  // default
  }

  @Test("the --config flag wins over IMPACTD_CONFIG")
  func configFlagWins() throws {
    var flags = ConfigurationLayer()
    flags.configFile = "/flag.json"
    var readPath: String?
    _ = try DaemonConfiguration.resolve(flags: flags, environment: ["IMPACTD_CONFIG": "/env.json"]) { path in
      readPath = path
      return Array("{}".utf8)
    }
    #expect(readPath == "/flag.json")
  }

  @Test("the administration commands' layering gives serve's database, without serve's security checks")
  func layeredDatabase() throws {
    // A remote address without TLS or --allow-insecure-remote stops `serve`, but the token
    // commands only need the database path.
    let file = Array(#"{"database": "/srv/impact/served.sqlite", "listen": "0.0.0.0:7420", "auth": "off"}"#.utf8)
    var flags = ConfigurationLayer()
    flags.configFile = "/etc/impactd.json"
    #expect(throws: ConfigurationError.self) {
      _ = try DaemonConfiguration.resolve(flags: flags, environment: [:]) { _ in file }
    }
    let layered = try DaemonConfiguration.layered(flags: flags, environment: [:]) { _ in file }
    #expect(layered.database.path == "/srv/impact/served.sqlite")
    let fromEnvironment = try DaemonConfiguration.layered(
      flags: flags, environment: ["IMPACTD_DATABASE": "/env.sqlite"]
    ) { _ in file }
    #expect(fromEnvironment.database.path == "/env.sqlite")
    flags.databasePath = "/flag.sqlite"
    let fromFlag = try DaemonConfiguration.layered(flags: flags, environment: ["IMPACTD_DATABASE": "/env.sqlite"]) {
      _ in file
    }
    #expect(fromFlag.database.path == "/flag.sqlite")
  }

  @Test("the PostgreSQL password file is a setting: flag over variable over file key, each named in errors")
  func passwordFileLayers() throws {
    let file = Array(
      #"{"database": "postgres://impact@db:5432/impact", "databasePasswordFile": "/etc/impact/pg"}"#.utf8)
    var flags = ConfigurationLayer()
    flags.configFile = "/etc/impactd.json"
    let fromFile = try DaemonConfiguration.layered(flags: flags, environment: [:]) { _ in file }
    #expect(
      fromFile.database.passwordFile
        == .init(path: "/etc/impact/pg", setting: "/etc/impactd.json: databasePasswordFile"))
    let environment = ["IMPACTD_DATABASE_PASSWORD_FILE": "/run/secrets/pg"]
    let fromEnvironment = try DaemonConfiguration.layered(flags: flags, environment: environment) { _ in file }
    #expect(fromEnvironment.database.passwordFile?.setting == "IMPACTD_DATABASE_PASSWORD_FILE")
    try DaemonSetting.databasePasswordFile.readText("/flag/pg", "--database-password-file", &flags)
    let fromFlag = try DaemonConfiguration.layered(flags: flags, environment: environment) { _ in file }
    #expect(fromFlag.database.passwordFile == .init(path: "/flag/pg", setting: "--database-password-file"))
    // An unreadable file is reported against the setting that named it.
    let unreadable = #expect(throws: ConfigurationError.self) {
      try PostgresPassword.resolve(environment: [:], file: fromFile.database.passwordFile) { _ in
        throw CocoaError(.fileNoSuchFile)
      }
    }
    #expect(
      unreadable?.description == "/etc/impactd.json: databasePasswordFile: cannot read the password file /etc/impact/pg"
    )
  }

  @Test(
    "a setting of the other store is refused, naming where it was set",
    arguments: [
      (#"{"database": "postgres://impact@db/impact", "durability": "normal"}"#, [:], "/etc/impactd.json: durability"),
      (#"{"database": "postgres://impact@db/impact"}"#, ["IMPACTD_INTEGRITY": "full"], "IMPACTD_INTEGRITY"),
      (
        #"{"database": "postgres://impact@db/impact", "maxDatabaseBytes": 1000000}"#, [:],
        "/etc/impactd.json: maxDatabaseBytes"
      ),
      (#"{"databasePasswordFile": "/etc/impact/pg"}"#, [:], "/etc/impactd.json: databasePasswordFile"),
    ] as [(String, [String: String], String)]
  )
  func otherStoreSettings(file: String, environment: [String: String], setting: String) throws {
    var flags = ConfigurationLayer()
    flags.configFile = "/etc/impactd.json"
    let error = #expect(throws: ConfigurationError.self) {
      _ = try DaemonConfiguration.layered(flags: flags, environment: environment) { _ in Array(file.utf8) }
    }
    #expect(error?.setting == setting, "\(String(describing: error))")
  }

  @Test("on PostgreSQL, --max-database-size is refused with the reason, in English and French")
  func sqliteOnlyFlag() throws {
    var flags = ConfigurationLayer()
    flags.databasePath = "postgres://impact@db:5432/impact"
    try DaemonSetting.maxDatabaseSize.readText("10G", "--max-database-size", &flags)
    let error = #expect(throws: ConfigurationError.self) {
      _ = try DaemonConfiguration.resolve(flags: flags, environment: [:])
    }
    #expect(error?.setting == "--max-database-size")
    #expect(
      error?.message.contains("postgres://impact@db:5432/impact?sslmode=prefer") == true, "\(String(describing: error))"
    )
    #expect(error?.localizedDescription(Localizer(.fr)).contains("ne vaut que pour un fichier SQLite") == true)
    flags.maxDatabaseBytes = nil
    _ = try DaemonConfiguration.layered(flags: flags, environment: ["IMPACTD_DURABILITY": ""])
  }

  @Test("flags are parsed from the command line")
  func flags() throws {
    let options = try ServeOptions.parse([
      "--listen", "[::1]:0", "--database", "/tmp/x.sqlite", "--durability", "normal",
      "--metrics-listen", "localhost:9100", "--log-level", "trace", "--grace-period", "0.25",
    ])
    let layer = try options.layer()
    #expect(layer.listen == ListenAddress(host: "::1", port: 0))
    #expect(layer.databasePath == "/tmp/x.sqlite")
    #expect(layer.durability == .normal)
    #expect(layer.metrics == .init(listen: ListenAddress(host: "127.0.0.1", port: 9100)))
    #expect(layer.logLevel == .trace)
    #expect(layer.gracePeriod == .milliseconds(250))
  }

  @Test("metrics can be turned off by a higher layer")
  func metricsOff() throws {
    let configuration = try DaemonConfiguration.resolve(
      flags: try ServeOptions.parse(["--metrics-listen", "off"]).layer(),
      environment: ["IMPACTD_METRICS_LISTEN": "127.0.0.1:9100"]
    )
    #expect(configuration.metrics.listen == nil)
  }

  @Test(
    "a malformed flag is named with what was expected",
    arguments: [
      (["--listen", "abc"], "--listen: expected HOST:PORT, got \"abc\""),
      (["--listen", "127.0.0.1:65536"], "--listen: expected HOST:PORT, got \"127.0.0.1:65536\""),
      (["--listen", "example.com:80"], "--listen: expected HOST:PORT, got \"example.com:80\""),
      (["--durability", "fast"], "--durability: expected full or normal, got \"fast\""),
      (["--grace-period=-1"], "--grace-period: expected a number of seconds between 0 and 86400, got \"-1\""),
      (["--grace-period", "ten"], "--grace-period: expected a number of seconds between 0 and 86400, got \"ten\""),
      (["--metrics-listen", "host:9100"], "--metrics-listen: expected HOST:PORT, PORT or off, got \"host:9100\""),
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

  @Test("a metrics port alone listens on loopback")
  func metricsPortAloneIsLoopback() throws {
    let endpoint = try ConfigurationLayer.parseMetricsEndpoint("9100", setting: "--metrics-listen")
    #expect(endpoint.listen == ListenAddress(host: "127.0.0.1", port: 9100))
  }

  @Test(
    "a malformed environment variable is named",
    arguments: [
      ("IMPACTD_LISTEN", "localhost", "IMPACTD_LISTEN: expected HOST:PORT, got \"localhost\""),
      ("IMPACTD_DURABILITY", "FULL", "IMPACTD_DURABILITY: expected full or normal, got \"FULL\""),
      (
        "IMPACTD_LOG_LEVEL", "loud",
        "IMPACTD_LOG_LEVEL: expected one of trace, debug, info, notice, warning, error, critical, got \"loud\""
      ),
    ]
  )
  func environmentErrors(name: String, value: String, message: String) {
    #expect(throws: ConfigurationError.self) {
      try DaemonConfiguration.resolve(flags: ConfigurationLayer(), environment: [name: value])
    }
    do {
      _ = try DaemonConfiguration.resolve(flags: ConfigurationLayer(), environment: [name: value])
    } catch {
      #expect("\(error)" == message)
    }
  }

  @Test(
    "a bad configuration file names the file and the key",
    arguments: [
      (#"{"listn": "127.0.0.1:1"}"#, "cfg.json: listn"),
      (#"{"limits": {"maxPageSise": 5}}"#, "cfg.json: limits.maxPageSise"),
      (#"{"limits": {"maxPageSize": 0}}"#, "cfg.json: limits.maxPageSize"),
      (#"{"limits": {"maxPageSize": "5"}}"#, "cfg.json: limits.maxPageSize"),
      (#"{"listen": 7420}"#, "cfg.json: listen"),
      (#"{"durability": "fast"}"#, "cfg.json: durability"),
      (#"{"gracePeriodSeconds": "ten"}"#, "cfg.json: gracePeriodSeconds"),
      (#"[1, 2]"#, "cfg.json"),
      (#"{"listen": "#, "cfg.json"),
    ]
  )
  func fileErrors(json: String, setting: String) {
    var flags = ConfigurationLayer()
    flags.configFile = "cfg.json"
    do {
      _ = try DaemonConfiguration.resolve(flags: flags, environment: [:], readFile: file(json))
      Issue.record("expected \(json) to be rejected")
    } catch let error as ConfigurationError {
      #expect(error.setting == setting)
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }

  @Test("an unknown key is reported with the keys that are known")
  func unknownKeyMessage() throws {
    let error = #expect(throws: ConfigurationError.self) {
      try ConfigurationLayer(fileContents: Array(#"{"port": 1}"#.utf8), path: "impactd.json")
    }
    #expect(
      error?.description.hasPrefix(
        "impactd.json: port: unknown key; expected one of allowInsecureRemote, auth, database,") == true)
  }

  @Test("a missing configuration file is reported by path")
  func missingFile() {
    var flags = ConfigurationLayer()
    flags.configFile = "/nonexistent/impactd.json"
    let error = #expect(throws: ConfigurationError.self) {
      try DaemonConfiguration.resolve(flags: flags, environment: [:])
    }
    #expect(error?.setting == "/nonexistent/impactd.json")
  }

  @Test("the documented example file parses to the documented values")
  func exampleFile() throws {
    let json = """
      {
        "listen": "127.0.0.1:7420",
        "database": "/var/lib/impact/impact.sqlite",
        "durability": "full",
        "metricsListen": "127.0.0.1:9420",
        "logLevel": "info",
        "gracePeriodSeconds": 10,
        "limits": {
          "maxRequestPayloadBytes": 16777216,
          "maxConcurrentStreamsPerConnection": 100,
          "maxPageSize": 1000,
          "maxWatchSubscribers": 64,
          "maxProjectsPerRequest": 100000
        }
      }
      """
    let layer = try ConfigurationLayer(fileContents: Array(json.utf8), path: "impactd.example.json")
    let configuration = DaemonConfiguration.defaults.applying(layer)
    #expect(configuration.database.path == "/var/lib/impact/impact.sqlite")
    #expect(configuration.metrics.listen == ListenAddress(host: "127.0.0.1", port: 9420))
    #expect(configuration.limits == .defaults)
  }

  @Test(
    "listen addresses parse and print as HOST:PORT",
    arguments: [
      ("127.0.0.1:7420", "127.0.0.1:7420"), ("0.0.0.0:0", "0.0.0.0:0"), ("localhost:80", "127.0.0.1:80"),
      ("[::1]:7420", "[::1]:7420"), ("[::]:0", "[::]:0"),
    ]
  )
  func listenAddressRoundTrip(text: String, printed: String) {
    #expect(ListenAddress(parsing: text)?.description == printed)
  }

  @Test(
    "malformed listen addresses are rejected",
    arguments: [
      "", ":", "127.0.0.1", "127.0.0.1:", ":80", "1.2.3:80", "256.0.0.1:80", "1.2.3.4:-1", "[]:80", "[zz]:1", "a:b:c",
    ]
  )
  func listenAddressRejected(text: String) {
    #expect(ListenAddress(parsing: text) == nil)
  }
}
