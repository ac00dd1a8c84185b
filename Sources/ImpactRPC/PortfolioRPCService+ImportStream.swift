import Analytics
import Foundation
import GRPCCore
import ImpactAPI
import ImpactCredentials
import ImpactStore
import Logging
import SwiftProtobuf

/// The options an import is given, by ImportPortfolio or by the header of ImportPortfolioStream.
struct ImportOptions: Sendable {
  var mode: Impact_V1_ImportMode
  var validateOnly: Bool
  var expectedRevision: Int64?
  var overwriteNewer: Bool
  var confirmLargeDeletion: Bool
  var documentTime: Google_Protobuf_Timestamp?
}

extension PortfolioRPCService {
  /// A streamed import logs its progress at info every this many projects received.
  static let importLogInterval = 10_000
  static let importLogger = Logger(label: "impactd.import")

  /// `ImportPortfolioStream`: the header, then chunks of projects, each message judged on its
  /// own like any request (size, decoding budget, shapes), then the end when the header did not
  /// count the projects; nothing is written before the client's stream ends, so a refused chunk, a cut connection or a cancelled call change
  /// nothing. Then the same import as ImportPortfolio, in one commit.
  func importPortfolioStream(
    request: RPCAsyncSequence<Impact_V1_ImportPortfolioStreamRequest, any Error>,
    context: ServerContext
  ) async throws -> Impact_V1_ImportPortfolioResponse {
    var header: Impact_V1_ImportStreamHeader?
    var scheme: Scheme?
    var projects: [Project] = []
    var outcomes = 0
    var ratings = 0
    let start = ContinuousClock.now
    var logged = 0
    var texts = SharedTexts()
    // The rules are checked chunk by chunk as the projects arrive, under the scheme the
    // commit will use unless a scheme change comes in between (the store then checks again):
    // a broken project is refused at once, and the commit does not check them all again.
    var rules: Validator.Run?
    // The count the end message gives, when the header gave none.
    var endCount: Int64?
    for try await message in request {
      guard endCount == nil else {
        throw RPCErrorFactory.invalid("end", "the end comes last, once", rule: "stream_end_last")
      }
      switch message.part {
      case .header(let value):
        guard header == nil else {
          throw RPCErrorFactory.invalid(
            "header", "the header comes once, in the first message", rule: "stream_header_once")
        }
        if value.hasProjectCount {
          guard value.projectCount >= 0 else {
            throw RPCErrorFactory.negative("header.project_count", value.projectCount)
          }
          try limits.checkContents(
            projects: Int(clamping: value.projectCount), outcomes: 0, ratings: 0, field: "header.project_count",
            what: "import")
        }
        if !value.schemeJson.isEmpty {
          scheme = try SchemeJSON.decode(Data(value.schemeJson.utf8), source: "header.scheme_json")
        }
        rules = Validator.Run(
          Validator(scheme: scheme ?? store.snapshot.scheme, frameworkImpacts: store.frameworkImpactIDs))
        header = value
      case .chunk(let chunk):
        guard header != nil else {
          throw RPCErrorFactory.invalid("chunk", "the header must come first", rule: "stream_header_first")
        }
        // Sizes first, from the message: nothing is built from a chunk over a limit.
        outcomes += chunk.projects.reduce(0) { $0 + $1.outcomes.count }
        ratings += chunk.projects.reduce(0) { $0 + $1.ratings.count }
        try limits.checkContents(
          projects: projects.count + chunk.projects.count, outcomes: outcomes, ratings: ratings, field: "chunk",
          what: "import")
        try limits.checkShapes(of: chunk.projects, scheme: scheme ?? store.snapshot.scheme)
        projects.reserveCapacity(projects.count + chunk.projects.count)
        let first = projects.count
        for message in chunk.projects {
          var project = try Project(proto: message, fieldPath: "projects[\(projects.count)]")
          texts.share(&project)
          projects.append(project)
        }
        if let rules {
          // Duplicates of an earlier chunk's ids included.
          rules.check(projects[first...])
          if let error = rules.error { throw StoreError.invalid(error) }
        }
        if projects.count - logged >= Self.importLogInterval {
          logged = projects.count
          Self.importLogger.info(
            "import stream progress",
            metadata: [
              "received": "\(projects.count)",
              "announced": "\(header.flatMap { $0.hasProjectCount ? "\($0.projectCount)" : nil } ?? "-")",
              "elapsed": "\(ContinuousClock.now - start)",
            ])
        }
      case .end(let end):
        guard header != nil else {
          throw RPCErrorFactory.invalid("end", "the header must come first", rule: "stream_header_first")
        }
        endCount = end.projectCount
      case nil:
        throw RPCErrorFactory.oneOf("part", ["header", "chunk", "end"])
      }
    }
    guard let header else { throw RPCErrorFactory.required("header") }
    // Every count given must be the chunks' own, and one must be given.
    let counts = [
      ("header.project_count", header.hasProjectCount ? header.projectCount : nil), ("end.project_count", endCount),
    ]
    guard counts.contains(where: { $0.1 != nil }) else { throw RPCErrorFactory.required("end") }
    for case (let field, let count?) in counts where count != Int64(projects.count) {
      throw RPCErrorFactory.invalid(
        field, "the stream announced \(count) projects, the chunks carried \(projects.count)",
        rule: "stream_project_count", values: ["value": "\(count)", "count": "\(projects.count)"])
    }
    if projects.count >= Self.importLogInterval {
      Self.importLogger.info(
        "import stream received",
        metadata: ["projects": "\(projects.count)", "elapsed": "\(ContinuousClock.now - start)"])
    }
    return try await commitImport(
      projects, scheme: scheme, validatedUnder: rules?.scheme,
      documentRevision: header.hasDocumentRevision ? header.documentRevision : nil,
      options: ImportOptions(
        mode: header.mode, validateOnly: header.validateOnly,
        expectedRevision: header.hasExpectedRevision ? header.expectedRevision : nil,
        overwriteNewer: header.overwriteNewer, confirmLargeDeletion: header.confirmLargeDeletion,
        documentTime: header.hasDocumentTime ? header.documentTime : nil),
      context: context)
  }

  /// Imports `projects` (and `scheme`, when the document carries one) as `options` say: what
  /// ImportPortfolio and ImportPortfolioStream share once the document is read.
  func commitImport(
    _ projects: [Project], scheme: Scheme?, validatedUnder: Scheme? = nil, documentRevision: Int64?,
    options: ImportOptions, context: ServerContext
  ) async throws -> Impact_V1_ImportPortfolioResponse {
    let mode: ImportMode
    switch options.mode {
    case .upsert: mode = .upsert
    case .replace:
      try RequestPrincipal.require(.admin, for: "replacing the whole portfolio (mode REPLACE)")
      mode = .replace
    case .UNRECOGNIZED(let value):
      throw RPCErrorFactory.invalid(
        "mode", "unknown import mode \(value)", rule: "unknown_enum_value", values: ["value": "\(value)"])
    }
    // A revision this portfolio has not reached was exported from another one (a backup
    // restored on a new daemon): it says nothing of this history, so the document is dated by
    // `document_time` instead.
    let comparableRevision = documentRevision.flatMap { $0 <= store.snapshot.revision ? $0 : nil }
    let safeguards = ImportSafeguards(
      documentRevision: comparableRevision,
      documentTime: try options.documentTime?.checkedDate(field: "document_time"),
      overwriteNewer: options.overwriteNewer,
      confirmLargeDeletion: options.confirmLargeDeletion
    )
    let summary = try await store.importProjects(
      projects,
      mode: mode,
      scheme: scheme,
      validatedUnder: validatedUnder,
      validateOnly: options.validateOnly,
      safeguards: safeguards,
      context: .from(context, expectedRevision: options.expectedRevision)
    )
    var response = Impact_V1_ImportPortfolioResponse(summary)
    if let documentRevision { response.documentRevision = documentRevision }
    return response
  }
}
