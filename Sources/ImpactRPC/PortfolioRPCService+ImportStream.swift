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
  /// count the projects.
  ///
  /// An import that writes (not `validate_only`) begins a store session at the header: it
  /// waits for the writes before it, checks the expected revision, and each chunk's rows are
  /// written, in the one open transaction, while the next chunk travels. A refused chunk, a
  /// cut connection, a cancelled call or a refusal at the end roll it all back: nothing
  /// changes. A validation-only import gathers the projects and checks them at the end.
  func importPortfolioStream(
    request: RPCAsyncSequence<Impact_V1_ImportPortfolioStreamRequest, any Error>,
    context: ServerContext
  ) async throws -> Impact_V1_ImportPortfolioResponse {
    var session: ImportSession?
    do {
      return try await receiveImportStream(request, context: context, session: &session)
    } catch {
      session?.cancel()
      throw error
    }
  }

  private func receiveImportStream(
    _ request: RPCAsyncSequence<Impact_V1_ImportPortfolioStreamRequest, any Error>, context: ServerContext,
    session: inout ImportSession?
  ) async throws -> Impact_V1_ImportPortfolioResponse {
    var header: Impact_V1_ImportStreamHeader?
    var scheme: Scheme?
    // A validation-only import keeps the projects for the check at the end; a session has them.
    var projects: [Project] = []
    var received = 0
    var outcomes = 0
    var ratings = 0
    let start = ContinuousClock.now
    var logged = 0
    var texts = SharedTexts()
    // The rules are checked chunk by chunk as the projects arrive: under the session's scheme
    // and framework, which nothing changes while it is open, or for a validation-only import
    // under the scheme the commit will use unless a scheme change comes in between (the store
    // then checks again). A broken project is refused at once.
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
        if value.validateOnly {
          rules = Validator.Run(
            Validator(scheme: scheme ?? store.snapshot.scheme, frameworkImpacts: store.frameworkImpactIDs))
        } else {
          let opened = try await store.beginImport(
            mode: try Self.importMode(value.mode), scheme: scheme,
            context: .from(context, expectedRevision: value.hasExpectedRevision ? value.expectedRevision : nil))
          session = opened
          rules = Validator.Run(Validator(scheme: opened.scheme, frameworkImpacts: opened.frameworkImpacts))
        }
        header = value
      case .chunk(let chunk):
        guard header != nil else {
          throw RPCErrorFactory.invalid("chunk", "the header must come first", rule: "stream_header_first")
        }
        // Sizes first, from the message: nothing is built from a chunk over a limit.
        outcomes += chunk.projects.reduce(0) { $0 + $1.outcomes.count }
        ratings += chunk.projects.reduce(0) { $0 + $1.ratings.count }
        try limits.checkContents(
          projects: received + chunk.projects.count, outcomes: outcomes, ratings: ratings, field: "chunk",
          what: "import")
        try limits.checkShapes(of: chunk.projects, scheme: session?.scheme ?? scheme ?? store.snapshot.scheme)
        var arrived: [Project] = []
        arrived.reserveCapacity(chunk.projects.count)
        for message in chunk.projects {
          var project = try Project(proto: message, fieldPath: "projects[\(received + arrived.count)]")
          texts.share(&project)
          arrived.append(project)
        }
        received += arrived.count
        if let rules {
          // Duplicates of an earlier chunk's ids included.
          rules.check(arrived[...])
          if let error = rules.error { throw StoreError.invalid(error) }
        }
        if let session {
          try session.add(arrived)
        } else {
          projects.append(contentsOf: arrived)
        }
        if received - logged >= Self.importLogInterval {
          logged = received
          Self.importLogger.info(
            "import stream progress",
            metadata: [
              "received": "\(received)",
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
    for case (let field, let count?) in counts where count != Int64(received) {
      throw RPCErrorFactory.invalid(
        field, "the stream announced \(count) projects, the chunks carried \(received)",
        rule: "stream_project_count", values: ["value": "\(count)", "count": "\(received)"])
    }
    if received >= Self.importLogInterval {
      Self.importLogger.info(
        "import stream received", metadata: ["projects": "\(received)", "elapsed": "\(ContinuousClock.now - start)"])
    }
    let documentRevision = header.hasDocumentRevision ? header.documentRevision : nil
    let options = ImportOptions(
      mode: header.mode, validateOnly: header.validateOnly,
      expectedRevision: header.hasExpectedRevision ? header.expectedRevision : nil,
      overwriteNewer: header.overwriteNewer, confirmLargeDeletion: header.confirmLargeDeletion,
      documentTime: header.hasDocumentTime ? header.documentTime : nil)
    guard let session else {
      return try await commitImport(
        projects, scheme: scheme, validatedUnder: rules?.scheme, documentRevision: documentRevision,
        options: options, context: context)
    }
    let summary = try await session.finish(
      safeguards: try Self.safeguards(
        options, documentRevision: documentRevision, currentRevision: session.baseRevision))
    var response = Impact_V1_ImportPortfolioResponse(summary)
    if let documentRevision { response.documentRevision = documentRevision }
    return response
  }

  /// The import mode a request names; replacing the whole portfolio is for admins.
  static func importMode(_ mode: Impact_V1_ImportMode) throws -> ImportMode {
    switch mode {
    case .upsert: return .upsert
    case .replace:
      try RequestPrincipal.require(.admin, for: "replacing the whole portfolio (mode REPLACE)")
      return .replace
    case .UNRECOGNIZED(let value):
      throw RPCErrorFactory.invalid(
        "mode", "unknown import mode \(value)", rule: "unknown_enum_value", values: ["value": "\(value)"])
    }
  }

  /// What an import must not undo without the caller's say, dated by the document.
  ///
  /// A revision this portfolio has not reached was exported from another one (a backup
  /// restored on a new daemon): it says nothing of this history, so the document is dated by
  /// `document_time` instead.
  static func safeguards(
    _ options: ImportOptions, documentRevision: Int64?, currentRevision: Int64
  ) throws -> ImportSafeguards {
    ImportSafeguards(
      documentRevision: documentRevision.flatMap { $0 <= currentRevision ? $0 : nil },
      documentTime: try options.documentTime?.checkedDate(field: "document_time"),
      overwriteNewer: options.overwriteNewer,
      confirmLargeDeletion: options.confirmLargeDeletion
    )
  }

  /// Imports `projects` (and `scheme`, when the document carries one) as `options` say: what
  /// ImportPortfolio and ImportPortfolioStream share once the document is read.
  func commitImport(
    _ projects: [Project], scheme: Scheme?, validatedUnder: Scheme? = nil, documentRevision: Int64?,
    options: ImportOptions, context: ServerContext
  ) async throws -> Impact_V1_ImportPortfolioResponse {
    let mode = try Self.importMode(options.mode)
    let safeguards = try Self.safeguards(
      options, documentRevision: documentRevision, currentRevision: store.snapshot.revision)
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
