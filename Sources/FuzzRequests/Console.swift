import Foundation

/// Writes lines to standard output unbuffered: a daemon crash takes this process down with
/// it, and what was printed before must survive in a log file.
enum Console {
  static func line(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
  }
}
