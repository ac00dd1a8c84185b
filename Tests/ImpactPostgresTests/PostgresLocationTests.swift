import ImpactConfiguration
import Localization
import Testing

/// `--database postgres://…`: what a location accepts, what it refuses and how it says so.
@Suite("PostgreSQL locations")
struct PostgresLocationTests {
  @Test("a full location, and one that leaves the port and sslmode to their defaults")
  func accepted() throws {
    let full = try PostgresLocation.parse(
      "postgres://impact@db.example.org:6543/portfolio?sslmode=verify-full", setting: "--database")
    #expect(
      full
        == PostgresLocation(
          user: "impact", host: "db.example.org", port: 6543, database: "portfolio", sslMode: .verifyFull))
    let short = try PostgresLocation.parse("postgresql://impact@10.0.0.5/impact", setting: "--database")
    #expect(short.port == 5432 && short.sslMode == .prefer)
    #expect(short.description == "postgres://impact@10.0.0.5:5432/impact?sslmode=prefer")
    #expect(PostgresLocation.isLocation("POSTGRES://a@b/c") && !PostgresLocation.isLocation("impact.sqlite"))
  }

  @Test(
    "a location with a password, a missing part, another parameter or an unknown sslmode is refused, naming it",
    arguments: [
      ("postgres://impact:secret@db/portfolio", "a password in the location is refused"),
      ("postgres://db/portfolio", "USER is missing"),
      ("postgres://impact@db", "DATABASE is missing"),
      ("postgres://impact@db/portfolio?connect_timeout=3", "unknown parameter \"connect_timeout\""),
      (
        "postgres://impact@db/portfolio?sslmode=allow",
        "sslmode \"allow\" is not one of disable, prefer, require, verify-full"
      ),
    ])
  func refused(location: String, message: String) {
    let error = #expect(throws: ConfigurationError.self) { try PostgresLocation.parse(location, setting: "--database") }
    #expect(error?.description.hasPrefix("--database: ") == true)
    #expect(error?.description.contains(message) == true, "\(String(describing: error))")
    #expect(error?.description.contains("secret") != true, "the password is never repeated")
    let french = error?.localizedDescription(Localizer(.fr)) ?? ""
    #expect(!french.isEmpty && french != error?.description, "\(french)")
  }

  @Test("the password comes from the file IMPACTD_DATABASE_PASSWORD_FILE names, else PGPASSWORD")
  func password() throws {
    let files = ["/run/secrets/pg": "from-file\n", "/run/secrets/empty": "\n"]
    let read: (String) throws -> String = { path in
      guard let contents = files[path] else { throw CocoaLikeError() }
      return contents
    }
    #expect(try PostgresPassword.resolve(environment: ["PGPASSWORD": "from-env"], file: nil, read: read) == "from-env")
    #expect(
      try PostgresPassword.resolve(
        environment: ["PGPASSWORD": "from-env", "IMPACTD_DATABASE_PASSWORD_FILE": "/run/secrets/pg"], file: nil,
        read: read) == "from-file")
    #expect(
      try PostgresPassword.resolve(
        environment: [:], file: .init(path: "/run/secrets/pg", setting: "databasePasswordFile"), read: read)
        == "from-file")
    #expect(try PostgresPassword.resolve(environment: [:], file: nil, read: read) == nil)
    let missing = #expect(throws: ConfigurationError.self) {
      try PostgresPassword.resolve(
        environment: [:], file: .init(path: "/run/secrets/none", setting: "databasePasswordFile"), read: read)
    }
    #expect(missing?.description == "databasePasswordFile: cannot read the password file /run/secrets/none")
    let empty = #expect(throws: ConfigurationError.self) {
      try PostgresPassword.resolve(
        environment: ["IMPACTD_DATABASE_PASSWORD_FILE": "/run/secrets/empty"], file: nil, read: read)
    }
    #expect(empty?.description == "IMPACTD_DATABASE_PASSWORD_FILE: the password file /run/secrets/empty is empty")
  }

  struct CocoaLikeError: Error {}
}
