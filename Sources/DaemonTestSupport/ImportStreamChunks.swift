public import Analytics
public import GRPCCore
public import ImpactAPI
import SwiftProtobuf

/// How the tests and the benchmarks send projects through `ImportPortfolioStream`, as
/// `impact import` does: a header, then the projects in chunks of `chunk`.
public enum ImportStreamChunks {
  /// Writes the header (counting the projects unless `count` is `nil`), then the chunks;
  /// `beforeChunk` is called with each chunk's index before it is written (a test's place to
  /// give up mid-stream).
  public static func write(
    _ projects: [Project], header: Impact_V1_ImportStreamHeader = .init(), count: Int?, chunk: Int,
    to writer: RPCWriter<Impact_V1_ImportPortfolioStreamRequest>,
    beforeChunk: (Int) throws -> Void = { _ in }
  ) async throws {
    var header = header
    if let count { header.projectCount = Int64(count) }
    let sent = header
    try await writer.write(.with { $0.header = sent })
    for (index, start) in stride(from: 0, to: projects.count, by: chunk).enumerated() {
      try beforeChunk(index)
      let part = projects[start..<min(start + chunk, projects.count)]
      try await writer.write(.with { $0.chunk = .with { $0.projects = part.map(Impact_V1_Project.init) } })
    }
  }
}
