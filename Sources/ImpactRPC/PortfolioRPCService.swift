import Analytics
import Foundation
import GRPCCore
import ImpactAPI
import ImpactConfiguration
import ImpactStore
import SwiftProtobuf

/// `impact.v1.PortfolioService`: atomic import and export of whole portfolios, and the scheme.
struct PortfolioRPCService: Impact_V1_PortfolioService.SimpleServiceProtocol {
  let store: PortfolioStore
  let limits: DaemonConfiguration.Limits

  func importPortfolio(
    request: Impact_V1_ImportPortfolioRequest,
    context: ServerContext
  ) async throws -> Impact_V1_ImportPortfolioResponse {
    let snapshot = store.snapshot
    let projects: [Project]
    var scheme: Scheme?
    var documentRevision: Int64?
    switch request.source {
    case .jsonDocument(let text):
      let document = try PortfolioJSON.decode(Data(text.utf8), source: "json_document")
      scheme = document.scheme
      projects = document.projects
      documentRevision = document.revision
    case .csv(let tables):
      guard !tables.projects.isEmpty else {
        throw RPCErrorFactory.invalid("csv.projects", "the projects table is required", rule: "projects_table_required")
      }
      let names = CSVFileNames(
        projects: tables.projectsFileName.isEmpty ? "projects.csv" : tables.projectsFileName,
        outcomes: tables.outcomesFileName.isEmpty ? "outcomes.csv" : tables.outcomesFileName,
        ratings: tables.ratingsFileName.isEmpty ? "ratings.csv" : tables.ratingsFileName
      )
      projects = try PortfolioCSV.decode(
        projects: Data(tables.projects.utf8),
        outcomes: tables.outcomes.isEmpty ? nil : Data(tables.outcomes.utf8),
        ratings: tables.ratings.isEmpty ? nil : Data(tables.ratings.utf8),
        names: names,
        scheme: snapshot.scheme
      )
      if tables.hasRevision { documentRevision = tables.revision }
    case nil:
      throw RPCErrorFactory.oneOf("source", ["json_document", "csv"])
    }
    try limits.checkContents(of: projects, field: "source", what: "import")
    return try await commitImport(
      projects, scheme: scheme, documentRevision: documentRevision,
      options: ImportOptions(
        mode: request.mode, validateOnly: request.validateOnly,
        expectedRevision: request.hasExpectedRevision ? request.expectedRevision : nil,
        overwriteNewer: request.overwriteNewer, confirmLargeDeletion: request.confirmLargeDeletion,
        documentTime: request.hasDocumentTime ? request.documentTime : nil),
      context: context)
  }

  func exportPortfolio(
    request: Impact_V1_ExportPortfolioRequest,
    context: ServerContext
  ) async throws -> Impact_V1_ExportPortfolioResponse {
    let snapshot = try await store.snapshot(for: request.hasAt ? request.at : nil)
    let projects = snapshot.projects(selectedBy: try snapshot.filter(request.filter))
    return try .with {
      switch request.format {
      case .json:
        // The revision lets a later import of this document tell newer work from its own.
        let document = PortfolioDocument(scheme: snapshot.scheme, projects: projects, revision: snapshot.revision)
        $0.jsonDocument = String(decoding: PortfolioJSON.encode(document), as: UTF8.self)
      case .csv:
        let tables = PortfolioCSV.encode(projects, scheme: snapshot.scheme)
        $0.csv = .with {
          $0.projects = tables.projects
          $0.outcomes = tables.outcomes
          $0.ratings = tables.ratings
          $0.projectsFileName = "projects.csv"
          $0.outcomesFileName = "outcomes.csv"
          $0.ratingsFileName = "ratings.csv"
        }
      case .UNRECOGNIZED(let value):
        throw RPCErrorFactory.invalid(
          "format", "unknown export format \(value)", rule: "unknown_enum_value", values: ["value": "\(value)"])
      }
      $0.revision = snapshot.revision
    }
  }

  func getScheme(
    request: Impact_V1_GetSchemeRequest,
    context: ServerContext
  ) async throws -> Impact_V1_GetSchemeResponse {
    let snapshot = try await store.snapshot(for: request.hasAt ? request.at : nil)
    return .with {
      $0.scheme = Impact_V1_Scheme(snapshot.scheme)
      $0.documentJson = String(decoding: SchemeJSON.encode(snapshot.scheme), as: UTF8.self)
      $0.revision = snapshot.revision
    }
  }

  func setScheme(
    request: Impact_V1_SetSchemeRequest,
    context: ServerContext
  ) async throws -> Impact_V1_SetSchemeResponse {
    guard !request.documentJson.isEmpty else { throw RPCErrorFactory.required("document_json") }
    let scheme = try SchemeJSON.decode(Data(request.documentJson.utf8), source: "document_json")
    let snapshot: PortfolioSnapshot
    if request.validateOnly {
      snapshot = try store.checkScheme(scheme)
    } else {
      snapshot = try await store.setScheme(
        scheme,
        context: .from(context, expectedRevision: request.hasExpectedRevision ? request.expectedRevision : nil)
      )
    }
    return .with {
      $0.scheme = Impact_V1_Scheme(scheme)
      $0.documentJson = String(decoding: SchemeJSON.encode(scheme), as: UTF8.self)
      $0.revision = snapshot.revision
    }
  }
}
