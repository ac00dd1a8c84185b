import Analytics
import ArgumentParser

/// `--encoding` of `impact import`: the encoding of the files, when guessing would be wrong.
enum TextEncodingArgument: String, CaseIterable, ExpressibleByArgument, Sendable {
  case utf8 = "utf-8"
  case windows1252 = "windows-1252"
  case utf16 = "utf-16"

  init?(argument: String) {
    switch argument.lowercased() {
    case "utf-8", "utf8": self = .utf8
    case "windows-1252", "cp1252", "windows1252", "latin1", "latin-1", "iso-8859-1": self = .windows1252
    case "utf-16", "utf16", "utf-16le", "unicode": self = .utf16
    default: return nil
    }
  }

  var encoding: TextEncoding {
    switch self {
    case .utf8: .utf8
    case .windows1252: .windows1252
    case .utf16: .utf16
    }
  }
}
