import Analytics
import DaemonCore
import DaemonTestSupport
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import GRPCProtobuf
import ImpactAPI
import ImpactConfiguration
import ImpactCredentials
import ImpactRPC
import Localization
import SwiftProtobuf
import Testing

/// The daemon's refusals as AIP-193 details: the English message unchanged, an `ErrorInfo`
/// with a stable reason, a `LocalizedMessage` in the language of `accept-language`, and a
/// `BadRequest` for bad fields; each kind of refusal through a real HTTP/2 socket.
@Suite("Refusals explained in the caller's language", .timeLimit(.minutes(3)))
struct LocalizedErrorTests {
  static let french: Metadata = ["accept-language": "fr-FR,fr;q=0.9,en;q=0.5"]

  /// What a refusal carried: its status code, English message, and decoded details.
  struct Refusal {
    var error: RPCError
    var status: GoogleRPCStatus

    var info: ErrorDetails.ErrorInfo? { status.details.lazy.compactMap(\.errorInfo).first }
    var localized: ErrorDetails.LocalizedMessage? { status.details.lazy.compactMap(\.localizedMessage).first }
    var badRequest: ErrorDetails.BadRequest? { status.details.lazy.compactMap(\.badRequest).first }
  }

  /// Runs `call`, which must fail, and decodes what the daemon sent.
  static func refusal(_ call: () async throws -> Void) async throws -> Refusal {
    do {
      try await call()
    } catch let error as RPCError {
      let status = try #require(
        try error.unpackGoogleRPCStatus(),
        "no grpc-status-details-bin in \(error.code) \(error.message.prefix(300)) \(error.metadata)")
      #expect(status.code == error.code)
      #expect(status.message == error.message)
      let info = try #require(status.details.lazy.compactMap(\.errorInfo).first)
      #expect(info.domain == "impact.v1")
      return Refusal(error: error, status: status)
    }
    Issue.record("the call succeeded")
    throw CancellationError()
  }

  @Test("NOT_FOUND, ALREADY_EXISTS, FAILED_PRECONDITION and a required field, in French; the English message unchanged")
  func projectRefusals() async throws {
    try await withRunningDaemon(application: ImpactApplication()) { daemon in
      try await daemon.withClient { client in
        _ = try await ImpactServiceTests.importFixture(client)
        let projects = Impact_V1_ProjectService.Client(wrapping: client)

        let missing = try await Self.refusal {
          _ = try await projects.getProject(.with { $0.id = "nope" }, metadata: Self.french)
        }
        #expect(missing.error.code == .notFound)
        #expect(missing.error.message == "project 'nope' not found")
        #expect(missing.info?.reason == "PROJECT_NOT_FOUND")
        #expect(missing.info?.metadata["project"] == "nope")
        #expect(missing.localized?.locale == "fr")
        #expect(missing.localized?.message == "projet « nope » introuvable")

        let english = try await Self.refusal {
          _ = try await projects.getProject(.with { $0.id = "nope" })
        }
        #expect(english.localized?.locale == "en")
        #expect(english.localized?.message == "project 'nope' not found")

        let existing = try await projects.getProject(.with { $0.id = "chantier-insertion-lyon" }).project
        let duplicate = try await Self.refusal {
          _ = try await projects.createProject(.with { $0.project = existing }, metadata: Self.french)
        }
        #expect(duplicate.error.code == .alreadyExists)
        #expect(duplicate.info?.reason == "PROJECT_ALREADY_EXISTS")
        #expect(duplicate.localized?.message == "le projet « chantier-insertion-lyon » existe déjà")

        let stale = try await Self.refusal {
          _ = try await projects.deleteProject(
            .with {
              $0.id = "chantier-insertion-lyon"
              $0.expectedRevision = 0
            }, metadata: Self.french)
        }
        #expect(stale.error.code == .failedPrecondition)
        #expect(stale.info?.reason == "REVISION_MISMATCH")
        #expect(stale.info?.metadata["expected_revision"] == "0")
        #expect(stale.info?.metadata["actual_revision"] == "1")
        #expect(stale.localized?.message == "révision 0 attendue, mais le portefeuille est à la révision 1")

        let required = try await Self.refusal {
          _ = try await projects.createProject(.init(), metadata: Self.french)
        }
        #expect(required.error.code == .invalidArgument)
        #expect(required.error.message == "project: is required")
        #expect(required.info?.reason == "INVALID_FIELD")
        #expect(required.localized?.message == "project : champ obligatoire")
        #expect(required.badRequest?.violations.map(\.field) == ["project"])
        #expect(required.badRequest?.violations.first?.reason == "REQUIRED")

        // Nothing changed.
        let listed = try await projects.listProjects(.init())
        #expect(listed.revision == 1)
        #expect(listed.totalSize == 4)
      }
    }
  }

  @Test("a validation error lists each issue in French with its rule, and names each field in BadRequest")
  func validationRefusal() async throws {
    try await withRunningDaemon(application: ImpactApplication()) { daemon in
      try await daemon.withClient { client in
        _ = try await ImpactServiceTests.importFixture(client)
        let projects = Impact_V1_ProjectService.Client(wrapping: client)
        var bad = try await projects.getProject(.with { $0.id = "chantier-insertion-lyon" }).project
        bad.outcomes[0].threshold = 5
        bad.amount = -1
        let outcome = bad.outcomes[0].id

        let refusal = try await Self.refusal {
          _ = try await projects.updateProject(.with { $0.project = bad }, metadata: Self.french)
        }
        #expect(refusal.error.code == .invalidArgument)
        #expect(refusal.error.message.hasPrefix("invalid input, 2 problems:"))
        #expect(refusal.info?.reason == "VALIDATION_FAILED")
        #expect(refusal.info?.metadata["issue_count"] == "2")
        #expect(refusal.info?.metadata["rules"] == "amount_range,threshold_direction")
        let message = try #require(refusal.localized?.message)
        #expect(message.hasPrefix("données refusées, 2 problèmes :"))
        #expect(
          message.contains(
            "projects[chantier-insertion-lyon].amount : le montant -1 doit être supérieur ou égal à 0 (règle amount_range)"
          ))
        #expect(message.contains("le seuil 5 doit se situer au-delà de la situation initiale 10"))
        #expect(message.contains("(règle threshold_direction)"))

        let violations = try #require(refusal.badRequest?.violations)
        #expect(
          violations.map(\.field) == [
            "projects[chantier-insertion-lyon].amount",
            "projects[chantier-insertion-lyon].outcomes[\(outcome)].threshold",
          ])
        #expect(violations.map(\.reason) == ["AMOUNT_RANGE", "THRESHOLD_DIRECTION"])
        #expect(violations[1].violationDescription.contains("threshold 5 must lie"))
        #expect(violations[1].localizedMessage?.locale == "fr")
        #expect(violations[1].localizedMessage?.message.contains("le seuil 5") == true)

        let unchanged = try await projects.getProject(.with { $0.id = "chantier-insertion-lyon" })
        #expect(unchanged.project.amount != -1)
      }
    }
  }

  @Test("an unreadable document, a refused scheme, a comparison and a what-if explain themselves in French")
  func documentAndSchemeRefusals() async throws {
    try await withRunningDaemon(application: ImpactApplication()) { daemon in
      try await daemon.withClient { client in
        _ = try await ImpactServiceTests.importFixture(client)
        let portfolio = Impact_V1_PortfolioService.Client(wrapping: client)

        let syntax = try await Self.refusal {
          _ = try await portfolio.importPortfolio(
            .with { $0.jsonDocument = "{\"format\": \"impact-portfolio/1\", \"projects\": [ {\"id\": 1} ]}" },
            metadata: Self.french)
        }
        #expect(syntax.error.code == .invalidArgument)
        #expect(syntax.info?.reason == "DOCUMENT_UNREADABLE")
        #expect(syntax.localized?.message.hasPrefix("le document ") == true)
        #expect(
          syntax.localized?.message.contains("projects[0].id : une chaîne de caractères est attendue, trouvé : number")
            == true, "\(syntax.localized?.message ?? "")")
        #expect(syntax.badRequest?.violations.map(\.field).contains("projects[0].id") == true)

        var scheme = Scheme.impactV1
        scheme.blend = 1.5
        let document = String(decoding: SchemeJSON.encode(scheme), as: UTF8.self)
        let refused = try await Self.refusal {
          _ = try await portfolio.setScheme(.with { $0.documentJson = document }, metadata: Self.french)
        }
        #expect(refused.error.code == .invalidArgument)
        #expect(refused.error.message.contains("blend 1.5 must be in [0, 1]"))
        // A scheme document's rules are found while reading it, with their line and column.
        #expect(refused.info?.reason == "DOCUMENT_UNREADABLE")
        #expect(refused.info?.metadata["rules"] == "blend_range")
        let text = try #require(refused.localized?.message)
        #expect(text.hasPrefix("le document document_json ne peut pas être lu :"), "\(text)")
        #expect(
          text.contains(": blend : la pondération du mélange (blend) 1,5 doit être comprise entre 0 et 1"), "\(text)")
        #expect(refused.badRequest?.violations.map(\.field) == ["blend"])
        #expect(refused.badRequest?.violations.map(\.reason) == ["BLEND_RANGE"])

        let scoring = Impact_V1_ScoringService.Client(wrapping: client)
        let compared = try await Self.refusal {
          _ = try await scoring.compareProjects(
            .with { $0.ids = ["chantier-insertion-lyon", "nope"] }, metadata: Self.french)
        }
        #expect(compared.error.code == .notFound)
        #expect(compared.info?.reason == "PROJECT_NOT_FOUND")
        #expect(compared.localized?.message.contains("« nope »") == true)

        let whatIf = try await Self.refusal {
          _ = try await scoring.simulateWhatIf(
            .with { $0.changes = [.with { $0.removeProjectID = "nope" }] }, metadata: Self.french)
        }
        #expect(whatIf.error.code == .notFound)
        #expect(whatIf.info?.reason == "PROJECT_NOT_FOUND")
        #expect(whatIf.localized?.message == "simulation, changement 0 : projet « nope » introuvable")

        let status = try await Impact_V1_StatusService.Client(wrapping: client).getStatus(.init())
        #expect(status.revision == 1)
      }
    }
  }

  @Test("thousands of problems keep the details small: the first ones, and how many there were")
  func boundedDetails() async throws {
    try await withRunningDaemon(application: ImpactApplication()) { daemon in
      try await daemon.withClient { client in
        let projects = (0..<300).map { index in
          "{\"id\": \"p\(index)\", \"name\": \"\", \"amount\": -1, \"outcomes\": []}"
        }
        let document = "{\"format\": \"impact-portfolio/1\", \"projects\": [\(projects.joined(separator: ","))]}"
        let refusal = try await Self.refusal {
          _ = try await Impact_V1_PortfolioService.Client(wrapping: client).importPortfolio(
            .with { $0.jsonDocument = document }, metadata: Self.french)
        }
        #expect(refusal.info?.reason == "VALIDATION_FAILED")
        #expect(refusal.info?.metadata["issue_count"] == "900")
        let message = try #require(refusal.localized?.message)
        #expect(message.count <= 1_000)
        #expect(message.contains("autres"))
        let bytes: [UInt8] = try refusal.status.serializedBytes()
        // The English message (clipped at 1 500 characters) is in the status too.
        #expect(bytes.count <= 3_000 + refusal.error.message.utf8.count + 16)
        #expect((refusal.badRequest?.violations.count ?? 0) > 0)
        #expect((refusal.badRequest?.violations.count ?? 0) < 900)
      }
    }
  }

  @Test("refusals of access name their reason and read in French")
  func accessRefusals() async throws {
    let setup = try AuthenticatedDaemon()
    try await setup.run { daemon in
      try await daemon.withClient { client in
        let scoring = Impact_V1_ScoringService.Client(wrapping: client)
        let anonymous = try await Self.refusal {
          _ = try await scoring.rankProjects(.init(), metadata: Self.french)
        }
        #expect(anonymous.error.code == .unauthenticated)
        #expect(anonymous.info?.reason == "AUTHENTICATION_REQUIRED")
        #expect(anonymous.localized?.message.hasPrefix("authentification requise") == true)

        var unknown = Self.french
        unknown.addString("Bearer not-a-token", forKey: "authorization")
        let forged = try await Self.refusal { _ = try await scoring.rankProjects(.init(), metadata: unknown) }
        #expect(forged.info?.reason == "TOKEN_UNKNOWN")
        #expect(forged.localized?.message == "le jeton d'accès est inconnu, mal formé ou révoqué")

        var viewer = setup.metadata(.viewer)
        viewer.addString("fr", forKey: "accept-language")
        let low = try await Self.refusal {
          _ = try await Impact_V1_ProjectService.Client(wrapping: client).deleteProject(
            .with { $0.id = "x" }, metadata: viewer)
        }
        #expect(low.error.code == .permissionDenied)
        #expect(low.info?.reason == "ROLE_TOO_LOW")
        #expect(low.info?.metadata["needed_role"] != nil)
        #expect(low.localized?.message.contains("a le rôle viewer") == true)
      }
    }
  }

  @Test("a request over a limit names the limit in French, with the kind of request translated")
  func limitRefusal() async throws {
    var configuration = DaemonConfiguration.testing
    configuration.limits.maxOutcomesPerRequest = 7  // the fixture has 7
    try await withRunningDaemon(configuration: configuration, application: ImpactApplication()) { daemon in
      try await daemon.withClient { client in
        _ = try await ImpactServiceTests.importFixture(client)
        let projects = Impact_V1_ProjectService.Client(wrapping: client)
        var project = try await projects.getProject(.with { $0.id = "chantier-insertion-lyon" }).project
        project.id = "trop-d-effets"
        project.outcomes = Array(repeating: project.outcomes[0], count: 8)
        let refusal = try await Self.refusal {
          _ = try await projects.createProject(.with { $0.project = project }, metadata: Self.french)
        }
        #expect(refusal.error.code == .resourceExhausted)
        #expect(
          refusal.error.message.hasPrefix("project: at most 7 outcomes per request (limits.maxOutcomesPerRequest)"))
        #expect(refusal.info?.reason == "REQUEST_TOO_LARGE")
        #expect(refusal.info?.metadata["limit"] == "7")
        #expect(
          refusal.localized?.message
            == "project : au plus 7 effets par requête (limits.maxOutcomesPerRequest), reçu : 8")
        let empty = try await Self.refusal {
          _ = try await Impact_V1_ScoringService.Client(wrapping: client).compareProjects(
            .init(), metadata: Self.french)
        }
        #expect(empty.localized?.message == "ids : indiquez au moins un projet")
      }
    }
  }

  @Test(
    "accept-language picks the preferred language the catalogue has",
    arguments: [
      ("fr", Language.fr), ("fr-FR", .fr), ("fr_CA", .fr), ("en-GB,fr;q=0.9", .en), ("de, fr;q=0.3", .fr),
      ("en;q=0.2, fr;q=0.9", .fr), ("FR", .fr), ("fr;q=0, en", .en),
    ])
  func acceptLanguage(header: String, expected: Language) {
    #expect(RequestLanguage.parse(header) == expected)
  }

  @Test("an accept-language without any language we have asks for none", arguments: ["", "de", "*", "es-ES, it;q=0.5"])
  func acceptLanguageWithoutMatch(header: String) {
    #expect(RequestLanguage.parse(header) == nil)
  }

  @Test("every validation and scheme rule has its text in every catalogue")
  func everyRuleHasText() {
    for language in Language.allCases {
      let entries = Catalogue.entries(language)
      for rule in ValidationRule.all {
        #expect(entries["daemon.rule.\(rule.code)"] != nil, "\(language): daemon.rule.\(rule.code)")
      }
      for rule in SchemeRule.all {
        #expect(entries["daemon.scheme-rule.\(rule.code)"] != nil, "\(language): daemon.scheme-rule.\(rule.code)")
      }
    }
  }
}
