/// Reads that bring a project's heap blocks into the cache just before the project is scored.
///
/// A project's outcomes, ratings and risks each live in a heap block of their own, cold when a
/// whole portfolio is scored. Met as scoring reaches them, their cache misses come one after
/// another (the next field read often depends on the last); reading one byte of every cache
/// line of the blocks first issues all those misses at once, so they overlap. Reading further
/// ahead gains nothing measurable: a plain load that misses holds up the instructions after it
/// as soon as the processor's window of pending instructions is full, and Swift has no
/// prefetch instruction.
enum ProjectPrefetch {
  private static let lineSize = 64

  /// Reads every cache line of the blocks scoring `project` reads, and returns a number made
  /// from the bytes read that the caller must use, so the reads are kept. It is at most 255 per
  /// line read, so a sum of them over any portfolio that fits in memory is never negative.
  @inline(__always)
  static func touch(_ project: UnsafePointer<Project>) -> Int {
    let risk = (project.pointee.risks.values.first ?? 0) & 0xFF
    return touchLines(project.pointee.outcomes) &+ touchLines(project.pointee.ratings) &+ risk
  }

  @inline(__always)
  private static func touchLines<Element>(_ elements: [Element]) -> Int {
    elements.withUnsafeBytes { bytes in
      guard let last = bytes.indices.last else { return 0 }
      var sum = Int(bytes[last])
      var offset = 0
      while offset < last {
        sum &+= Int(bytes[offset])
        offset += lineSize
      }
      return sum
    }
  }
}
