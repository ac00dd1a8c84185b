import Analytics
import Foundation
import GRPCCore
import ImpactAPI
import SwiftProtobuf

/// An import sent as a stream (`ImportPortfolioStream`): the header, then the projects in
/// chunks, so that a portfolio of any size goes through with the daemon's default limits.
/// `impact import` streams every document over ``threshold`` bytes; smaller ones go in one
/// `ImportPortfolio` message, whose refusals name lines and columns of the document.
struct StreamedImport {
  /// Documents (or CSV tables, all together) larger than this are streamed, in bytes.
  static let threshold = 1 << 20
  /// The most projects per chunk.
  static let chunkProjects = 250
  /// The most a chunk may take once decoded, by the daemon's own estimate (``DecodeEstimate``):
  /// half of what one request may take (16 MiB), so that a chunk of projects with long texts
  /// or a thousand ratings each is never refused.
  static let chunkDecodedBytes = 8 << 20

  /// The header, and the projects to send.
  var header: Impact_V1_ImportStreamHeader
  var projects: [Project]

  /// Whether `source` is large enough to be streamed.
  static func shouldStream(_ source: Impact_V1_ImportPortfolioRequest.OneOf_Source?) -> Bool {
    switch source {
    case .jsonDocument(let text): text.utf8.count > threshold
    case .csv(let tables): tables.projects.utf8.count + tables.outcomes.utf8.count + tables.ratings.utf8.count > threshold
    case nil: false
    }
  }

  /// The stream of `checked`, the files as ``ImportCheck`` read them, with `request`'s options.
  init(_ request: Impact_V1_ImportPortfolioRequest, checked: ImportCheck.Checked) {
    var header = Impact_V1_ImportStreamHeader()
    header.mode = request.mode
    header.validateOnly = request.validateOnly
    if request.hasExpectedRevision { header.expectedRevision = request.expectedRevision }
    header.overwriteNewer = request.overwriteNewer
    header.confirmLargeDeletion = request.confirmLargeDeletion
    if request.hasDocumentTime { header.documentTime = request.documentTime }
    if let scheme = checked.documentScheme {
      header.schemeJson = String(decoding: SchemeJSON.encode(scheme), as: UTF8.self)
    }
    if let revision = checked.documentRevision { header.documentRevision = revision }
    header.projectCount = Int64(checked.projects.count)
    self.header = header
    self.projects = checked.projects
  }

  /// What `project` takes on the wire and once decoded, by the daemon's estimate.
  static func sizes(of project: Impact_V1_Project) -> (wire: Int, decoded: Int) {
    guard let bytes = try? project.serializedBytes() as [UInt8],
      let index = WireSchema.api.messageIndex["impact.v1.Project"]
    else { return (0, chunkDecodedBytes) }
    return (bytes.count, bytes.withUnsafeBytes { DecodeEstimate.bytes(of: $0, messageIndex: index, schema: .api) })
  }

  /// Sends the stream; the daemon commits when it ends. Each chunk the transport takes is
  /// progress (`deadline`, `display`); once the last one is sent, the time-out note says the
  /// daemon may commit without the command.
  func send(
    _ client: ImpactConnection.Client, metadata: Metadata, options: CallOptions, deadline: CommandDeadline,
    display: ProgressDisplay, notes: (beforeEnd: String, afterEnd: String),
    beforeEnd: @escaping @Sendable () async throws -> Void = {}
  ) async throws -> Impact_V1_ImportPortfolioResponse {
    let header = self.header
    let projects = self.projects
    display.setTotal(projects.count)
    deadline.giveUpNote = notes.beforeEnd
    return try await Impact_V1_PortfolioService.Client(wrapping: client).importPortfolioStream(
      metadata: metadata, options: options,
      requestProducer: { writer in
        try await writer.write(.with { $0.header = header })
        deadline.progress()
        var chunk = Impact_V1_ImportStreamChunk()
        var decoded = 0
        var wire = 0
        func send() async throws {
          let full = chunk
          try await writer.write(.with { $0.chunk = full })
          deadline.progress()
          display.advance(projects: full.projects.count, bytes: Int64(wire))
          chunk = Impact_V1_ImportStreamChunk()
          decoded = 0
          wire = 0
        }
        for project in projects {
          let message = Impact_V1_Project(project)
          let cost = Self.sizes(of: message)
          if !chunk.projects.isEmpty, chunk.projects.count == Self.chunkProjects || decoded + cost.decoded > Self.chunkDecodedBytes {
            try await send()
          }
          chunk.projects.append(message)
          decoded += cost.decoded
          wire += cost.wire
        }
        if !chunk.projects.isEmpty { try await send() }
        try await beforeEnd()
        display.finish()
        deadline.giveUpNote = notes.afterEnd
      },
      onResponse: { try $0.message })
  }
}
