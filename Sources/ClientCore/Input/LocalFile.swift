import Analytics
import Foundation
import Localization

/// Reads the local files commands are given; a file that cannot be read is invalid input
/// (exit 65) naming the path.
enum LocalFile {
  static func text(_ path: String) throws(CommandFailure) -> String {
    let data = try data(path)
    guard let text = String(data: data, encoding: .utf8) else {
      throw CommandFailure(.invalidInput, .l("error.file.not_utf8", ["path": path]))
    }
    return text
  }

  /// The text of a file people give, in `encoding`, or when nil in UTF-8 and else in
  /// Windows-1252 (French Excel's CSV), saying so on stderr in `language`. A UTF-8 byte
  /// order mark is kept for the readers, which skip it.
  static func text(
    _ path: String, encoding: TextEncoding?, language: DisplayLanguage
  ) throws(CommandFailure)
    -> String
  {
    let data = try data(path)
    let decoded: DecodedText
    do {
      decoded = try TextEncoding.decode([UInt8](data), source: path, encoding: encoding)
    } catch {
      throw CommandFailure(
        .invalidInput, .l("csv.encoding.not_utf8", ["path": path, "line": String(error.line ?? 1)]))
    }
    if decoded.detected {
      StandardStreams.writeError(
        language.localizer("csv.encoding.detected", ["path": path, "encoding": decoded.encoding.rawValue]))
    }
    return decoded.text
  }

  static func data(_ path: String) throws(CommandFailure) -> Data {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw CommandFailure(.invalidInput, .l("error.file.missing", ["path": path]))
    }
    guard !isDirectory.boolValue else {
      throw CommandFailure(.invalidInput, .l("error.file.directory", ["path": path]))
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw CommandFailure(.invalidInput, .l("error.file.permission", ["path": path]))
    }
    defer { try? handle.close() }
    do {
      return try handle.readToEnd() ?? Data()
    } catch {
      throw .unreadable(path, "\(error)")
    }
  }

  static func write(_ text: String, to path: String) throws(CommandFailure) {
    guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
      throw CommandFailure(.invalidInput, .l("error.file.unwritable", ["path": path]))
    }
  }
}
