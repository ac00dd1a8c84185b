import Analytics
import DaemonCore
import DaemonTestSupport
import Foundation
import GRPCCore
import GRPCProtobuf
import ImpactAPI
import ImpactConfiguration
import SwiftProtobuf
import Testing

/// `impact.v1.FrameworkService` over real gRPC: the demo seeds its framework; a framework set
/// is a journaled version of its own that survives a restart; a refused document names the
/// field and leaves everything as it was; the check finds the demo's gaps.
@Suite("The framework service", .timeLimit(.minutes(3)))
struct FrameworkServiceTests {
  static func configuration(in directory: URL) -> DaemonConfiguration {
    var configuration = DaemonConfiguration.testing
    configuration.database.path = directory.appendingPathComponent("impact.sqlite").path
    return configuration
  }

  @Test("set, get, versions, check, refusals and a restart")
  func lifecycle() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("impactd-framework-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let configuration = Self.configuration(in: directory)
    let demo = String(decoding: DemoFramework.json, as: UTF8.self)

    try await withRunningDaemon(
      configuration: configuration, application: ImpactApplication(seedDemo: true), keepDatabase: true
    ) { daemon in
      try await daemon.withClient { client in
        let service = Impact_V1_FrameworkService.Client(wrapping: client)
        let seeded = try await service.getFramework(.init())
        #expect(seeded.documentJson == demo)
        #expect(seeded.version.version == 1 && seeded.version.setBy == "impactd --demo")
        #expect(seeded.revision == seeded.version.revision)

        let check = try await service.checkFramework(.init())
        #expect(check.impactsWithoutIndicator == ["imp-pouvoir-agir"])
        #expect(check.unmappedProjects.map(\.projectID) == ["appli-orientation-idf"])
        #expect(
          check.unmeasuredIndicators.contains { $0.indicatorID == "social.loneliness_ucla3" && $0.status == "wanted" })
        let tiers = try #require(check.programmes.first { $0.programme == "Tiers-lieux" })
        #expect(tiers.rows.count == 2 && tiers.rows.allSatisfy { $0.cells.contains { $0.contributes } })
        #expect(check.gapCount > 0)
        let lien = try #require(check.contributions.first { $0.impactID == "imp-lien-social" })
        #expect(lien.contributors.isEmpty && lien.projectCount > 1 && lien.amount > 0)
        let listed = try await service.checkFramework(.with { $0.includeContributors = true })
        let listedLien = try #require(listed.contributions.first { $0.impactID == "imp-lien-social" })
        #expect(listedLien.contributors.count == Int(lien.projectCount))
        #expect(abs(listedLien.contributors.reduce(0) { $0 + $1.amount } - lien.amount) < 1e-6)
        let only = try await service.checkFramework(.with { $0.programme = "Tiers-lieux" })
        #expect(only.programmes.map(\.programme) == ["Tiers-lieux"])

        // A refused document names the field and changes nothing.
        let before = try await Impact_V1_StatusService.Client(wrapping: client).getStatus(.init()).revision
        let broken = demo.replacingOccurrences(of: "\"domain\": \"social_link\"", with: "\"domain\": \"housing\"")
        let refusal = try await LocalizedErrorTests.refusal {
          _ = try await service.setFramework(.with { $0.documentJson = broken }, metadata: LocalizedErrorTests.french)
        }
        #expect(refusal.error.code == .invalidArgument)
        #expect(refusal.error.message.contains("domain \"housing\" is not a domain of the scheme"), "\(refusal.error)")
        #expect(refusal.localized?.message.contains("n'est pas un domaine du barème") == true)
        let unknownProgramme = try await LocalizedErrorTests.refusal {
          _ = try await service.checkFramework(.with { $0.programme = "Cirque" })
        }
        #expect(
          unknownProgramme.error.code == .invalidArgument && unknownProgramme.error.message.contains("Tiers-lieux"))
        let dryRun = try await service.setFramework(
          .with {
            $0.documentJson = demo
            $0.validateOnly = true
          })
        #expect(dryRun.version.version == 2 && dryRun.revision == before)
        let after = try await Impact_V1_StatusService.Client(wrapping: client).getStatus(.init()).revision
        #expect(after == before)
        #expect(try await service.listFrameworkVersions(.init()).versions.count == 1)

        // Every link stays to an impact of the active framework: an outcome naming another is
        // refused, and so is a framework dropping an impact that outcomes name.
        let unknownLink = try await LocalizedErrorTests.refusal {
          _ = try await Impact_V1_ProjectService.Client(wrapping: client).createProject(
            .with {
              $0.project = .with {
                $0.id = "cafe-solidaire-brest"
                $0.name = "Café solidaire – Brest"
                $0.status = .pipeline
                $0.outcomes = [
                  .with {
                    $0.id = "rencontres"
                    $0.domain = "social_link"
                    $0.impactID = "imp-cafe"
                  }
                ]
              }
            }, metadata: LocalizedErrorTests.french)
        }
        #expect(unknownLink.error.code == .invalidArgument && unknownLink.error.message.contains("imp-cafe"))
        #expect(unknownLink.localized?.message.contains("n'est pas un impact du référentiel") == true)
        let dropped = try JSONSerialization.jsonObject(with: Data(demo.utf8)) as! [String: Any]
        var impacts = dropped["impacts"] as! [[String: Any]]
        impacts.removeAll { $0["id"] as? String == "imp-mise-a-l-abri" }
        var withoutShelter = dropped
        withoutShelter["impacts"] = impacts
        withoutShelter["programmes"] = (dropped["programmes"] as! [[String: Any]]).filter {
          !(($0["common_impacts"] as? [String] ?? []) + ((($0["map"] as? [String: Any])?["impacts"] as? [String]) ?? []))
            .contains("imp-mise-a-l-abri")
        }
        let droppedText = String(decoding: try JSONSerialization.data(withJSONObject: withoutShelter), as: UTF8.self)
        let incompatible = try await LocalizedErrorTests.refusal {
          _ = try await service.setFramework(.with { $0.documentJson = droppedText })
        }
        #expect(incompatible.error.code == .failedPrecondition, "\(incompatible.error)")
        #expect(incompatible.error.message.contains("maraudes-lyon"), "\(incompatible.error)")
        #expect(try await Impact_V1_StatusService.Client(wrapping: client).getStatus(.init()).revision == before)

        // A new version, journaled.
        let edited = demo.replacingOccurrences(of: "\"status\": \"wanted\"", with: "\"status\": \"collected\"")
        let set = try await service.setFramework(.with { $0.documentJson = edited })
        #expect(set.version.version == 2 && set.revision == before + 1)
        #expect(set.impactCount > 0 && set.indicatorCount > 0)
        let audit = try await Impact_V1_AuditService.Client(wrapping: client).listAuditEntries(.init())
        #expect(
          audit.entries.contains {
            $0.revisionAfter == set.revision && $0.rpcMethod.hasSuffix("/SetFramework") && $0.kind == .frameworkSet
          })
      }
    }
    // After a restart: the active framework is the second, the first still readable.
    try await withRunningDaemon(
      configuration: configuration, application: ImpactApplication(seedDemo: true), keepDatabase: true
    ) { daemon in
      try await daemon.withClient { client in
        let service = Impact_V1_FrameworkService.Client(wrapping: client)
        let active = try await service.getFramework(.init())
        #expect(active.version.version == 2 && !active.documentJson.contains("\"status\": \"wanted\""))
        let first = try await service.getFramework(.with { $0.version = 1 })
        #expect(first.documentJson == demo)
        let missing = try await LocalizedErrorTests.refusal {
          _ = try await service.getFramework(.with { $0.version = 9 })
        }
        #expect(missing.error.code == .notFound && missing.error.message.contains("from 1 to 2"))
        let versions = try await service.listFrameworkVersions(.init()).versions
        #expect(versions.map(\.version) == [2, 1])
        let bank = try await service.getIndicatorBank(.init())
        #expect(bank.indicatorCount == Int32(IndicatorBank.shipped.indicators.count))
      }
    }
  }

  @Test("without a framework: NOT_FOUND to read, FAILED_PRECONDITION to check")
  func none() async throws {
    try await withRunningDaemon(application: ImpactApplication()) { daemon in
      try await daemon.withClient { client in
        let service = Impact_V1_FrameworkService.Client(wrapping: client)
        let read = try await LocalizedErrorTests.refusal { _ = try await service.getFramework(.init()) }
        #expect(read.error.code == .notFound && read.error.message.contains("impact framework set"))
        let check = try await LocalizedErrorTests.refusal { _ = try await service.checkFramework(.init()) }
        #expect(check.error.code == .failedPrecondition)
      }
    }
  }
}
