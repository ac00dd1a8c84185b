import Foundation
import Testing

/// impactd's administration commands as an operator meets them, through the real binary: a
/// mistyped database is refused rather than created, the texts follow the operator's language,
/// and a second daemon on a database in use says so with exit 75.
@Suite("impactd administration")
struct DaemonAdministrationTests {
  /// The real `impactd` with IMPACTD_* cleared, in `language` (IMPACT_LANG) plus `environment`.
  static func impactd(
    _ arguments: [String], language: String, environment: [String: String] = [:]
  ) async throws -> CLIRun.Result {
    var env = ProcessInfo.processInfo.environment
    for key in env.keys where key.hasPrefix("IMPACTD_") || key.hasPrefix("LC_") || key == "LANG" { env[key] = nil }
    env["IMPACT_LANG"] = language
    for (key, value) in environment { env[key] = value }
    return try await CLIRun.run(BuiltProducts.impactd, arguments, environment: env)
  }

  @Test("a database that does not exist is refused with exit 66 and left uncreated", arguments: ["en", "fr"])
  func missingDatabase(language: String) async throws {
    let directory = try TemporaryDirectory()
    let typo = directory.path("typo.sqlite")
    let expected =
      language == "fr" ? "n’existe pas ; c’est impactd serve --database" : "does not exist; impactd serve --database"
    for arguments in [
      ["token", "revoke", "bob", "--database", typo], ["token", "list", "--database", typo],
      ["certificate", "list", "--database", typo], ["certificate", "revoke", "CN=bob", "--database", typo],
    ] {
      let refused = try await Self.impactd(arguments, language: language)
      #expect(refused.status == 66, "\(arguments): \(refused.stderr)")
      #expect(refused.stderr.contains(typo) && refused.stderr.contains(expected), "\(refused.stderr)")
      #expect(!FileManager.default.fileExists(atPath: typo), "\(arguments) created \(typo)")
    }
    // The same through IMPACTD_DATABASE.
    let viaEnvironment = try await Self.impactd(
      ["token", "list"], language: language, environment: ["IMPACTD_DATABASE": typo])
    #expect(viaEnvironment.status == 66, "\(viaEnvironment.stderr)")
    #expect(!FileManager.default.fileExists(atPath: typo))
  }

  @Test("token and certificate commands answer in French: messages, errors and table headers")
  func frenchAdministration() async throws {
    let directory = try TemporaryDirectory()
    let database = directory.path("impact.sqlite")
    let created = try await Self.impactd(
      ["token", "create", "amel", "--role", "editor", "--database", database], language: "fr")
    #expect(created.status == 0, "\(created.stderr)")
    #expect(created.stderr.contains("impactd: base de données "), "\(created.stderr)")
    #expect(created.stderr.contains("jeton « amel » (rôle editor, identifiant "), "\(created.stderr)")
    let allowed = try await Self.impactd(
      ["certificate", "allow", "CN=amel,O=Impact", "--role", "viewer", "--database", database], language: "fr")
    #expect(
      allowed.stderr.contains("le sujet de certificat « CN=amel,O=Impact » a le rôle viewer"), "\(allowed.stderr)")

    let unknown = try await Self.impactd(["token", "revoke", "nobody", "--database", database], language: "fr")
    #expect(unknown.status == 65)
    #expect(unknown.stderr.contains("aucun accès actif ne porte le nom « nobody »"), "\(unknown.stderr)")
    #expect(!unknown.stderr.contains("no active credential"))

    let tokens = try await Self.impactd(["token", "list", "--database", database], language: "fr")
    #expect(tokens.stdout.hasPrefix("NOM   RÔLE    ID DU JETON"), "\(tokens.stdout)")
    let revoked = try await Self.impactd(["token", "revoke", "amel", "--database", database], language: "fr")
    #expect(revoked.status == 0 && revoked.stderr.contains("jeton « amel » révoqué"), "\(revoked.stderr)")
  }

  @Test("impactd's help, usage errors and refused values are in French, its own texts and ArgumentParser's words")
  func frenchHelpAndUsage() async throws {
    for arguments in [
      ["--help"], ["help", "token"], ["tls", "--help"], ["certificate", "allow", "--help"], ["serve", "--help"],
    ] {
      let help = try await Self.impactd(arguments, language: "fr")
      #expect(help.status == 0, "\(arguments): \(help.stderr)")
      #expect(help.stdout.contains("RÉSUMÉ") || help.stdout.contains("SYNTAXE"), "\(arguments): \(help.stdout)")
      for english in ["OVERVIEW:", "USAGE:", "OPTIONS:", "Show help information.", "Show the version."] {
        #expect(!help.stdout.contains(english), "\(arguments) keeps \(english): \(help.stdout)")
      }
    }
    let serve = try await Self.impactd(["serve", "--help"], language: "fr")
    #expect(
      serve.stdout.contains("Adresse où servir le gRPC.") && serve.stdout.contains("Vérifie la base au démarrage"),
      "\(serve.stdout)")
    let root = try await Self.impactd(["--help"], language: "fr")
    #expect(root.stdout.contains("Crée, liste et révoque les jetons"), "\(root.stdout)")
    let english = try await Self.impactd(["--help"], language: "en")
    #expect(english.stdout.contains("OVERVIEW: Serve the impact portfolio over gRPC."), "\(english.stdout)")

    let directory = try TemporaryDirectory()
    let role = try await Self.impactd(
      ["token", "create", "amel", "--role", "chef", "--database", directory.path("a.sqlite")], language: "fr")
    #expect(role.status == 64, "\(role.stderr)")
    #expect(
      role.stderr.contains("impactd: rôle inconnu 'chef' ; attendu : viewer, analyst, editor, admin"), "\(role.stderr)")
    #expect(!role.stderr.contains("Usage") && !role.stderr.contains("Syntaxe"), "\(role.stderr)")
    let name = try await Self.impactd(
      ["tls", "create-client", "a b", "--dir", directory.path("certs")], language: "fr")
    #expect(name.status == 64 && name.stderr.contains("le nom doit être fait de lettres"), "\(name.stderr)")
    let unknown = try await Self.impactd(["token", "--bogus"], language: "fr")
    #expect(unknown.status == 64 && unknown.stderr.contains("Erreur"), "\(unknown.stderr)")

    // Configuration errors: a flag (a usage error, 64) and a file's key (78), in French.
    let listen = try await Self.impactd(["--listen", "abc"], language: "fr")
    #expect(
      listen.status == 64 && listen.stderr.contains(#"--listen: attendu : HÔTE:PORT, reçu "abc""#), "\(listen.stderr)")
    let file = directory.path("impactd.json")
    try Data(#"{"limits": {"maxConcurrentStreamsPerConnection": 4294967296}}"#.utf8).write(
      to: URL(fileURLWithPath: file))
    let range = try await Self.impactd(["--config", file, "--database", directory.path("b.sqlite")], language: "fr")
    #expect(range.status == 78, "\(range.stderr)")
    #expect(
      range.stderr.contains(
        "limits.maxConcurrentStreamsPerConnection: attendu : un entier de 1 à 4294967295 (SETTINGS_MAX_CONCURRENT_STREAMS de HTTP/2"
      ), "\(range.stderr)")
  }

  @Test("certificate list shows subject, role and grant date, not an empty token id column", arguments: ["en", "fr"])
  func certificateColumns(language: String) async throws {
    let directory = try TemporaryDirectory()
    let database = directory.path("impact.sqlite")
    _ = try await Self.impactd(
      ["certificate", "allow", "CN=amel,O=Impact", "--role", "editor", "--database", database], language: language)
    let listed = try await Self.impactd(["certificate", "list", "--database", database], language: language)
    #expect(listed.status == 0, "\(listed.stderr)")
    let lines = listed.stdout.split(separator: "\n").map {
      $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    }
    let header =
      language == "fr"
      ? ["SUJET", "RÔLE", "ACCORDÉ", "LE", "RÉVOQUÉ", "LE"] : ["SUBJECT", "ROLE", "GRANTED", "REVOKED"]
    #expect(lines.first == header, "\(listed.stdout)")
    #expect(
      lines.count == 2 && lines[1].count == 4 && lines[1][0] == "CN=amel,O=Impact" && lines[1][3] == "-",
      "\(listed.stdout)")
  }

  @Test(
    "a second daemon on a database in use exits 75 and says so in the operator's language", .timeLimit(.minutes(3)),
    arguments: ["en", "fr"])
  func databaseInUse(language: String) async throws {
    let directory = try TemporaryDirectory()
    let database = directory.path("impact.sqlite")
    let first = try await DaemonProcess.start(database: database)
    let second = try await Self.impactd(["--listen", "127.0.0.1:0", "--database", database], language: language)
    _ = await first.stop()
    #expect(second.status == 75, "\(second.stderr)")
    let expected = language == "fr" ? "impactd: un autre impactd utilise " : "impactd: another impactd is using "
    #expect(second.stderr.contains(expected) && second.stderr.contains(database), "\(second.stderr)")
    #expect(!second.stderr.contains("Error:"), "\(second.stderr)")
  }
}
