/// Runs one write at a time. Waiting writers suspend instead of blocking a thread, so the
/// cooperative pool stays free for readers while a commit waits on the disk.
actor WriteSerializer {
  func perform<T: Sendable>(_ body: @Sendable () throws -> T) throws -> T {
    try body()
  }
}
