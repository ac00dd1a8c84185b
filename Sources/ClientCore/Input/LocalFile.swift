import Foundation

/// Reads the local files commands are given; a file that cannot be read is invalid input
/// (exit 65) naming the path.
enum LocalFile {
  static func text(_ path: String) throws(CommandFailure) -> String {
    let data = try data(path)
    guard let text = String(data: data, encoding: .utf8) else {
      throw .unreadable(path, "not UTF-8 text")
    }
    return text
  }

  static func data(_ path: String) throws(CommandFailure) -> Data {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw .unreadable(path, "no such file")
    }
    guard !isDirectory.boolValue else { throw .unreadable(path, "it is a directory") }
    guard let handle = FileHandle(forReadingAtPath: path) else { throw .unreadable(path, "permission denied") }
    defer { try? handle.close() }
    do {
      return try handle.readToEnd() ?? Data()
    } catch {
      throw .unreadable(path, "\(error)")
    }
  }

  static func write(_ text: String, to path: String) throws(CommandFailure) {
    guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
      throw CommandFailure(.invalidInput, "cannot write \(path)")
    }
  }
}
