import Analytics
import Foundation
import ImpactAPI

/// Reads the daemon's framework document with the bank this `impact` ships; a document this
/// `impact` cannot read (a newer daemon's bank) is an error naming the problem.
enum FrameworkFetch {
  static func framework(from document: String) throws -> Framework {
    do {
      return try FrameworkJSON.decode(Data(document.utf8), source: "framework", domains: nil)
    } catch {
      throw CommandFailure(.invalidInput, .l("error.framework.unreadable", ["problem": error.description]))
    }
  }
}
