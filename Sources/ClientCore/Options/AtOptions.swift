import ArgumentParser
import Foundation
import ImpactAPI
import SwiftProtobuf

/// `--at WHEN` and `--scheme current`, shared by every read command: the answer the daemon
/// would have given at that moment. WHEN is a snapshot name, `rev:N`, a date `YYYY-MM-DD`
/// (the end of that day, UTC unless an offset follows: `2026-03-31+02:00`), a date-time
/// (`2026-03-31T18:00:00+02:00`, UTC without an offset) or `now`.
struct AtOptions: ParsableArguments {
  @Option(name: .customLong("at"), help: ArgumentHelp(HelpText.l("help.at"), valueName: "moment"))
  var when: String?

  @Option(name: .customLong("scheme"), help: ArgumentHelp(HelpText.l("help.at.scheme"), valueName: "current"))
  var scheme: String?

  func validate() throws {
    if let scheme, scheme != "current", scheme != "then" {
      throw ValidationError(HelpText.l("error.at.scheme", ["value": scheme]))
    }
    if let when, Self.selector(when) == nil {
      throw ValidationError(HelpText.l("error.at.invalid", ["value": when]))
    }
  }

  /// The selector to send; `nil` for now under the scheme then active.
  var message: Impact_V1_At? {
    var at = when.flatMap(Self.selector) ?? Impact_V1_At()
    if scheme == "current" { at.scheme = .current }
    return at.point == nil && at.scheme != .current ? nil : at
  }

  /// A GetScheme request for the same moment (so labels use the scheme then).
  var schemeRequest: Impact_V1_GetSchemeRequest {
    var request = Impact_V1_GetSchemeRequest()
    if let message { request.at = message }
    return request
  }

  /// The selector `text` names; `nil` when it names none (`rev:` without a number).
  static func selector(_ text: String) -> Impact_V1_At? {
    var at = Impact_V1_At()
    if text == "now" { return at }
    if text.hasPrefix("rev:") {
      guard let revision = Int64(text.dropFirst(4)), revision >= 0 else { return nil }
      at.revision = revision
      return at
    }
    if let first = text.first, first.isNumber, text.count >= 10,
      text.dropFirst(4).first == "-", text.dropFirst(7).first == "-"
    {
      let rest = text.dropFirst(10)
      if rest.isEmpty || rest == "Z" || (rest.count == 6 && (rest.first == "+" || rest.first == "-")) {
        at.date = text
        return at
      }
      guard let time = TimeText.parse(text) else { return nil }
      at.time = Google_Protobuf_Timestamp(date: time)
      return at
    }
    guard !text.isEmpty, !text.contains(":") else { return nil }
    at.snapshot = text
    return at
  }
}
