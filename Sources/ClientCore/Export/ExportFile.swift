import Foundation

/// Where the text of a streamed export goes: standard output, or a file. A file is written
/// under a temporary name beside it and takes its own name only when the export has ended
/// whole, so an export cut short never leaves a truncated file where a whole one was expected
/// (nor replaces an older whole one). Text is buffered and written a megabyte at a time.
final class ExportFile {
  /// The file's path; nil for standard output.
  let path: String?
  private let handle: FileHandle
  private let partialPath: String?
  private var buffer: [UInt8] = []
  /// The bytes of text given so far (written or buffered).
  private(set) var bytesWritten: Int64 = 0

  private static let flushBytes = 1 << 20

  /// Opens `path` for writing (its temporary name), or standard output when nil.
  init(path: String?) throws(CommandFailure) {
    self.path = path
    guard let path else {
      handle = .standardOutput
      partialPath = nil
      return
    }
    let url = URL(fileURLWithPath: path)
    let partial = url.deletingLastPathComponent()
      .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).partial").path
    guard FileManager.default.createFile(atPath: partial, contents: nil),
      let handle = FileHandle(forWritingAtPath: partial)
    else {
      throw CommandFailure(.invalidInput, .l("error.file.unwritable", ["path": path]))
    }
    self.handle = handle
    partialPath = partial
  }

  /// Appends `text`.
  func write(_ text: String) throws(CommandFailure) {
    buffer.append(contentsOf: text.utf8)
    bytesWritten += Int64(text.utf8.count)
    if buffer.count >= Self.flushBytes { try flush() }
  }

  /// Writes what is buffered. On standard output, a reader that closed the pipe (`| head`)
  /// ends the command quietly (exit 0).
  func flush() throws(CommandFailure) {
    guard !buffer.isEmpty else { return }
    do {
      try handle.write(contentsOf: buffer)
    } catch {
      guard let path else { throw CommandFailure(.ok, "") }
      throw CommandFailure(
        .failure, .l("error.file.write_failed", ["path": path, "reason": error.localizedDescription]))
    }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Flushes and gives the file its name.
  func commit() throws(CommandFailure) {
    try flush()
    guard let path, let partialPath else { return }
    try? handle.close()
    // rename(2) replaces an earlier file of that name in one step: a reader sees the old
    // file or the new one, never none.
    guard rename(partialPath, path) == 0 else {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(atPath: partialPath)
      throw CommandFailure(.failure, .l("error.file.write_failed", ["path": path, "reason": reason]))
    }
  }

  /// Removes the temporary file of an export that did not end whole.
  func discard() {
    guard let partialPath else { return }
    try? handle.close()
    try? FileManager.default.removeItem(atPath: partialPath)
  }
}
