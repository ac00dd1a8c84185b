import Analytics
import Foundation
import GRPCCore
import ImpactAPI
import ImpactStorage
import ImpactStore
import SwiftProtobuf

/// `impact.v1.FrameworkService`: the indicator bank, the organisation's framework, and what the
/// portfolio measures of it.
struct FrameworkRPCService: Impact_V1_FrameworkService.SimpleServiceProtocol {
  let store: PortfolioStore
  let bank: IndicatorBank = .shipped

  func getIndicatorBank(
    request: Impact_V1_GetIndicatorBankRequest, context: ServerContext
  ) async throws -> Impact_V1_GetIndicatorBankResponse {
    .with {
      $0.documentJson = String(decoding: IndicatorBank.shippedDocument, as: UTF8.self)
      $0.edition = bank.edition
      $0.indicatorCount = Int32(bank.indicators.count)
    }
  }

  func getFramework(
    request: Impact_V1_GetFrameworkRequest, context: ServerContext
  ) async throws -> Impact_V1_GetFrameworkResponse {
    guard let active = store.framework else { throw FrameworkError.noFramework(forCheck: false) }
    var stored = active.stored
    var problem = active.problem
    if request.hasVersion, request.version != stored.version {
      let version = request.version
      guard let past = try await store.history.offPool({ [store] in try store.storage.framework(version: version) })
      else { throw FrameworkError.versionNotFound(request.version, latest: active.stored.version) }
      stored = past
      problem = nil
    }
    let revision = store.snapshot.revision
    return .with {
      $0.documentJson = stored.document
      $0.version = Self.version(stored)
      $0.revision = revision
      if let problem { $0.problem = problem }
    }
  }

  func listFrameworkVersions(
    request: Impact_V1_ListFrameworkVersionsRequest, context: ServerContext
  ) async throws -> Impact_V1_ListFrameworkVersionsResponse {
    let versions = try await store.history.offPool { [store] in try store.storage.frameworkVersions() }
    return .with { $0.versions = versions.map(Self.version) }
  }

  func setFramework(
    request: Impact_V1_SetFrameworkRequest, context: ServerContext
  ) async throws -> Impact_V1_SetFrameworkResponse {
    guard !request.documentJson.isEmpty else { throw RPCErrorFactory.required("document_json") }
    let snapshot = store.snapshot
    let framework = try FrameworkJSON.decode(
      Data(request.documentJson.utf8), source: "document_json", domains: Set(snapshot.scheme.domains.map(\.id)),
      bank: bank)
    let stored: StoredFramework
    let revision: Int64
    if request.validateOnly {
      if let expected = request.hasExpectedRevision ? request.expectedRevision : nil {
        try PortfolioStore.check(expected, against: snapshot)
      }
      stored = StoredFramework(
        version: store.nextFrameworkVersion, document: request.documentJson, setAt: nil,
        setBy: ChangeContext.from(context, expectedRevision: nil).actor, revision: snapshot.revision)
      revision = snapshot.revision
    } else {
      let active = try await store.setFramework(
        framework, document: request.documentJson,
        context: .from(context, expectedRevision: request.hasExpectedRevision ? request.expectedRevision : nil))
      stored = active.stored
      revision = active.stored.revision
    }
    return .with {
      $0.version = Self.version(stored)
      $0.revision = revision
      $0.impactCount = Int32(framework.impacts.count)
      $0.indicatorCount = Int32(framework.impacts.reduce(0) { $0 + $1.indicators.count })
    }
  }

  func checkFramework(
    request: Impact_V1_CheckFrameworkRequest, context: ServerContext
  ) async throws -> Impact_V1_CheckFrameworkResponse {
    guard let active = store.framework else { throw FrameworkError.noFramework(forCheck: true) }
    guard let framework = active.framework else {
      throw FrameworkError.unreadable(version: active.stored.version, problem: active.problem ?? "")
    }
    if !request.programme.isEmpty, framework.programme(request.programme) == nil {
      let known = framework.programmes.map(\.programme)
      throw RPCErrorFactory.invalid(
        "programme",
        "the framework describes no programme \"\(request.programme)\"; it describes: "
          + known.joined(separator: ", "),
        rule: "unknown_programme", values: ["value": request.programme, "allowed": known.joined(separator: ", ")])
    }
    let snapshot = store.snapshot
    let check = FrameworkCheck(
      framework: framework, projects: snapshot.projects, scheme: snapshot.scheme, scores: snapshot.scores)
    return .with {
      $0.version = Self.version(active.stored)
      $0.revision = snapshot.revision
      $0.documentJson = active.stored.document
      $0.impactsWithoutIndicator = check.impactsWithoutIndicator
      $0.unmeasuredIndicators = check.unmeasuredIndicators.map { gap in
        .with {
          $0.impactID = gap.impactID
          $0.indicatorID = gap.indicatorID
          $0.custom = gap.custom
          $0.status = gap.status.rawValue
        }
      }
      $0.unmappedProjects = check.unmappedProjects.map { project in
        .with {
          $0.projectID = project.projectID
          $0.name = project.name
          $0.programme = project.programme
          $0.outcomeCount = Int32(project.outcomeCount)
        }
      }
      $0.unknownLinks = check.unknownLinks.map { link in
        .with {
          $0.projectID = link.projectID
          $0.outcomeID = link.outcomeID
          $0.impactID = link.impactID
        }
      }
      $0.unknownDomains = check.unknownDomains.map { unknown in
        .with {
          $0.impactID = unknown.impactID
          $0.domain = unknown.domain
        }
      }
      $0.contributions = check.contributions.map { contribution in
        .with {
          $0.impactID = contribution.impactID
          if request.includeContributors { $0.contributors = contribution.contributors.map(Self.contributor) }
          $0.projectCount = Int32(contribution.contributors.count)
          $0.amount = contribution.amount
          $0.indicatorCount = Int32(contribution.indicatorCount)
          $0.measuredIndicatorCount = Int32(contribution.measuredIndicatorCount)
        }
      }
      let matrices = check.programmes.filter { request.programme.isEmpty || $0.programme == request.programme }
      $0.programmes = matrices.map { matrix in
        .with {
          $0.programme = matrix.programme
          $0.impactIds = matrix.impactIDs
          $0.rows = matrix.rows.map { row in
            .with {
              $0.projectID = row.projectID
              $0.name = row.name
              $0.cells = row.cells.map { cell in
                .with {
                  if let cell {
                    $0.contributes = true
                    $0.contributor = Self.contributor(cell)
                  }
                }
              }
            }
          }
        }
      }
      $0.gapCount = Int32(check.gapCount)
    }
  }

  private static func contributor(_ contributor: FrameworkCheck.Contributor) -> Impact_V1_FrameworkContributor {
    .with {
      $0.projectID = contributor.projectID
      $0.name = contributor.name
      $0.outcomeIds = contributor.outcomeIDs
      $0.share = contributor.share
      $0.amount = contributor.amount
      $0.points = contributor.points
    }
  }

  static func version(_ stored: StoredFramework) -> Impact_V1_FrameworkVersion {
    .with {
      $0.version = stored.version
      if let time = stored.setAt { $0.setAt = Google_Protobuf_Timestamp(date: time) }
      $0.setBy = stored.setBy
      $0.revision = stored.revision
    }
  }
}
