import Analytics
import Foundation
import GRPCCore
import GRPCProtobuf
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

  /// Where the projects come from.
  enum Projects: Sendable {
    /// Files read whole (CSV tables): the header counts them.
    case read([Project])
    /// A JSON document read while it is sent: the header takes its scheme and revision from
    /// its opening, and the end message counts its projects.
    case reading(StreamedDocument)
  }

  /// The header, and the projects to send.
  var header: Impact_V1_ImportStreamHeader
  var projects: Projects

  /// Whether `source` is large enough to be streamed.
  static func shouldStream(_ source: Impact_V1_ImportPortfolioRequest.OneOf_Source?) -> Bool {
    switch source {
    case .jsonDocument(let text): text.utf8.count > threshold
    case .csv(let tables):
      tables.projects.utf8.count + tables.outcomes.utf8.count + tables.ratings.utf8.count > threshold
    case nil: false
    }
  }

  /// The stream of `checked`, the files as ``ImportCheck`` read them, with `request`'s options.
  init(_ request: Impact_V1_ImportPortfolioRequest, checked: ImportCheck.Checked) {
    var header = Self.header(request)
    Self.describe(&header, scheme: checked.documentScheme, revision: checked.documentRevision)
    header.projectCount = Int64(checked.projects.count)
    self.header = header
    self.projects = .read(checked.projects)
  }

  /// The stream of `document` as it is read, with `request`'s options.
  init(_ request: Impact_V1_ImportPortfolioRequest, reading document: StreamedDocument) {
    header = Self.header(request)
    projects = .reading(document)
  }

  /// The header of `request`'s options.
  private static func header(_ request: Impact_V1_ImportPortfolioRequest) -> Impact_V1_ImportStreamHeader {
    var header = Impact_V1_ImportStreamHeader()
    header.mode = request.mode
    header.validateOnly = request.validateOnly
    if request.hasExpectedRevision { header.expectedRevision = request.expectedRevision }
    header.overwriteNewer = request.overwriteNewer
    header.confirmLargeDeletion = request.confirmLargeDeletion
    if request.hasDocumentTime { header.documentTime = request.documentTime }
    return header
  }

  /// Puts in `header` the scheme and the revision the document carries.
  private static func describe(_ header: inout Impact_V1_ImportStreamHeader, scheme: Scheme?, revision: Int64?) {
    if let scheme { header.schemeJson = String(decoding: SchemeJSON.encode(scheme), as: UTF8.self) }
    if let revision { header.documentRevision = revision }
  }

  /// `project` encoded, and what it takes once decoded by the daemon's estimate.
  static func encoded(_ project: Impact_V1_Project) throws -> (bytes: [UInt8], decoded: Int) {
    let bytes: [UInt8] = try project.serializedBytes()
    // Without the schema, as much as a chunk may take: the project then goes alone.
    guard let index = WireSchema.api.messageIndex["impact.v1.Project"] else { return (bytes, chunkDecodedBytes) }
    return (bytes, bytes.withUnsafeBytes { DecodeEstimate.bytes(of: $0, messageIndex: index, schema: .api) })
  }

  /// Sends the stream; the daemon commits when it ends. Each chunk the transport takes is
  /// progress (`deadline`, `display`); once the last one is sent, the time-out note says the
  /// daemon may commit without the command. `beforeEnd` runs before the stream ends, and
  /// cancels it (nothing changes) by throwing.
  func send(
    _ client: ImpactConnection.Client, metadata: Metadata, options: CallOptions, deadline: CommandDeadline,
    display: ProgressDisplay, notes: (beforeEnd: String, afterEnd: String),
    beforeEnd: @escaping @Sendable () async throws -> Void = {}
  ) async throws -> Impact_V1_ImportPortfolioResponse {
    let header = self.header
    let projects = self.projects
    deadline.giveUpNote = notes.beforeEnd
    // Through the generic call, so that the messages go as they were encoded
    // (``EncodedStreamMessage``).
    let request = StreamingClientRequest<EncodedStreamMessage>(
      metadata: metadata,
      producer: { writer in
        var chunks = ChunkWriter(writer: writer, deadline: deadline, display: display)
        switch projects {
        case .read(let all):
          display.setTotal(all.count)
          try await writer.write(try EncodedStreamMessage(.with { $0.header = header }))
          deadline.progress()
          for project in all { try await chunks.add(project) }
          try await chunks.flush()
        case .reading(let document):
          var parts = document.parts.makeAsyncIterator()
          // The opening comes first; a document that ends without one did not read (its
          // problems are in the outcome, and `beforeEnd` cancels).
          if case .opening(let opening)? = await parts.next() {
            var header = header
            Self.describe(&header, scheme: opening.scheme, revision: opening.revision)
            try await writer.write(try EncodedStreamMessage(.with { $0.header = header }))
            deadline.progress()
            while let part = await parts.next() {
              guard case .projects(let batch, let fractionRead) = part else { continue }
              for project in batch { try await chunks.add(project) }
              // The total, estimated from the share of the document read until it is known.
              display.setTotal(Int((Double(chunks.given) / max(fractionRead, 1e-9)).rounded()), estimated: true)
            }
            try await chunks.flush()
            let outcome = await document.outcome.value
            if outcome.issues.isEmpty {
              display.setTotal(outcome.count)
              try await writer.write(
                try EncodedStreamMessage(.with { $0.end = .with { $0.projectCount = Int64(outcome.count) } }))
            }
          }
        }
        try await beforeEnd()
        display.waitForCommit()
        deadline.giveUpNote = notes.afterEnd
      })
    return try await client.clientStreaming(
      request: request, descriptor: Impact_V1_PortfolioService.Method.ImportPortfolioStream.descriptor,
      serializer: EncodedStreamMessageSerializer(),
      deserializer: ProtobufDeserializer<Impact_V1_ImportPortfolioResponse>(), options: options
    ) { try $0.message }
  }

  /// Gathers projects into chunks within the daemon's limits and sends each when full.
  private struct ChunkWriter {
    let writer: RPCWriter<EncodedStreamMessage>
    let deadline: CommandDeadline
    let display: ProgressDisplay
    /// The encoded projects of the chunk being gathered.
    private var chunk: [[UInt8]] = []
    private var decoded = 0
    private var wire = 0
    /// How many projects were added.
    private(set) var given = 0

    init(writer: RPCWriter<EncodedStreamMessage>, deadline: CommandDeadline, display: ProgressDisplay) {
      self.writer = writer
      self.deadline = deadline
      self.display = display
    }

    mutating func add(_ project: Project) async throws {
      let encoded = try StreamedImport.encoded(Impact_V1_Project(project))
      if !chunk.isEmpty,
        chunk.count == StreamedImport.chunkProjects || decoded + encoded.decoded > StreamedImport.chunkDecodedBytes
      {
        try await flush()
      }
      chunk.append(encoded.bytes)
      decoded += encoded.decoded
      wire += encoded.bytes.count
      given += 1
    }

    /// Sends the projects gathered so far, if any.
    mutating func flush() async throws {
      guard !chunk.isEmpty else { return }
      try await writer.write(EncodedStreamMessage(chunkOf: chunk))
      deadline.progress()
      display.advance(projects: chunk.count, bytes: Int64(wire))
      chunk.removeAll(keepingCapacity: true)
      decoded = 0
      wire = 0
    }
  }
}
