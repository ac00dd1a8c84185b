package import GRPCCore
import GRPCProtobuf
package import Localization

/// What the daemon says when it refuses a request, in the shape of Google AIP-193: a status
/// code, an English `message` that scripts and logs can rely on, and details in a
/// `google.rpc.Status` (`grpc-status-details-bin`): an `ErrorInfo` with a stable ``reason``
/// and the values, a `LocalizedMessage` in the caller's language, and for a request with bad
/// fields a `BadRequest` listing them.
///
/// The texts come from the catalogue (`Sources/Localization`, MARK `daemon-errors`) by
/// ``key`` and ``values``, so that the English message and its translation say the same
/// thing. Errors of the Analytics types keep their own English text (``englishMessage``),
/// which tests and scripts already read; their translation comes from the catalogue.
package struct DaemonErrorExplanation: Sendable {
  /// One listed problem: a validation issue, a scheme issue, a field of a request.
  struct Item: Sendable {
    /// The field path (`projects[p1].outcomes[o1].threshold`), empty when none.
    var field: String
    /// The rule code (`threshold_direction`), in `BadRequest` as `reason` in upper case.
    var rule: String
    /// The catalogue key of the item's text, and its values.
    var key: String
    var values: [String: String]
    /// The item's English text as the daemon has always written it.
    var english: String
    /// Where the problem is in a document (`portfolio.json:3:7: projects[0].id`); when set,
    /// the listed line starts with it instead of ``field``.
    var location: String? = nil
  }

  /// The domain of every `ErrorInfo` the daemon sends.
  static let domain = "impact.v1"
  /// The longest `LocalizedMessage`, in characters: the details travel in the same trailer as
  /// the message (``ErrorMessageClippingInterceptor``), which must stay well under the
  /// 8 KiB of metadata many clients accept.
  static let maximumLocalizedCharacters = 1_000
  /// The most bytes the serialized details may take (before base64); field violations beyond
  /// are left out, and `ErrorInfo` says how many there were.
  static let maximumDetailBytes = 3_000
  /// The longest value in `ErrorInfo.metadata` and in a field violation, in characters.
  static let maximumValueCharacters = 200

  var code: RPCError.Code
  /// The stable upper-case reason of `ErrorInfo` (`PROJECT_NOT_FOUND`).
  var reason: String
  /// The catalogue key of the headline, and its values (which also go to `ErrorInfo.metadata`).
  var key: String
  var values: [String: String] = [:]
  /// The problems listed under the headline, in order.
  var items: [Item] = []
  /// How many more problems there were than ``items`` lists (the validator lists the first
  /// ones only); said as "… and N more".
  var omittedItemCount = 0
  /// Whether ``text(_:)`` lists the items under the headline; a single bad field is said by
  /// the headline itself and only goes to `BadRequest`.
  var listsItems = true
  /// The English message when it is not the catalogue's English text of ``key`` (the
  /// description of an Analytics error, with its items).
  var englishMessage: String? = nil
  /// Whether the catalogue has a translation; a message made of free English text (a
  /// SQLite error) has none, and the daemon sends no `LocalizedMessage` rather than English
  /// labelled as French.
  var isTranslatable = true

  /// The English `message` of the status.
  var message: String {
    englishMessage ?? text(.en)
  }

  /// The text in `language`: the headline, then each item on its own line, at most
  /// ``maximumLocalizedCharacters`` characters with the number of items left out.
  func text(_ language: Language) -> String {
    let headline = Catalogue.text(key, language, Self.localized(values, language))
    if !listsItems, let item = items.first { return Self.clipped(itemText(item, language)) }
    guard !items.isEmpty else { return Self.clipped(headline) }
    var text = headline
    for (index, item) in items.enumerated() {
      let line = "\n  - " + itemText(item, language)
      let left = items.count - index + omittedItemCount
      if text.count + line.count > Self.maximumLocalizedCharacters - 40 {
        text += "\n  " + Catalogue.text("daemon.list.more", language, ["count": "\(left)"])
        return text
      }
      text += line
    }
    if omittedItemCount > 0 {
      text += "\n  " + Catalogue.text("daemon.list.more", language, ["count": "\(omittedItemCount)"])
    }
    return text
  }

  /// One item as a line: `field: text (rule code)`, or `field: text` for a field of a request.
  func itemText(_ item: Item, _ language: Language) -> String {
    let body = Catalogue.text(item.key, language, Self.localized(item.values, language))
    if let location = item.location {
      return Catalogue.text("daemon.list.located", language, ["location": location, "text": body])
    }
    let values = ["field": item.field, "text": body, "rule": item.rule]
    let key =
      if !listsItems { "daemon.list.field" } else if item.field.isEmpty { "daemon.list.item-without-field" } else {
        "daemon.list.item"
      }
    return Catalogue.text(key, language, values)
  }

  /// The status the client gets, with details in `language`.
  func status(_ language: Language) -> GoogleRPCStatus {
    var metadata = values.mapValues { Self.clipped($0, to: Self.maximumValueCharacters) }
    if !items.isEmpty {
      metadata["issue_count"] = "\(items.count + omittedItemCount)"
      var rules: [String] = []
      for item in items where !rules.contains(item.rule) { rules.append(item.rule) }
      metadata["rules"] = Self.clipped(rules.joined(separator: ","), to: Self.maximumValueCharacters)
    }
    var details: [ErrorDetails] = [.errorInfo(reason: reason, domain: Self.domain, metadata: metadata)]
    if isTranslatable {
      details.append(.localizedMessage(locale: language.rawValue, message: text(language)))
    }
    var violations = items.filter { !$0.field.isEmpty }.map { item in
      ErrorDetails.BadRequest.FieldViolation(
        field: item.field,
        description: Self.clipped(item.english, to: Self.maximumValueCharacters),
        reason: item.rule.uppercased(),
        localizedMessage: isTranslatable
          ? ErrorDetails.LocalizedMessage(
            locale: language.rawValue, message: Self.clipped(itemText(item, language), to: Self.maximumValueCharacters))
          : nil
      )
    }
    while !violations.isEmpty {
      let candidate = details + [.badRequest(violations: violations)]
      let size = (try? GoogleRPCStatus(code: code, message: "", details: candidate).serializedBytes() as [UInt8])?.count
      if let size, size <= Self.maximumDetailBytes {
        details = candidate
        break
      }
      violations.removeLast(max(1, violations.count / 4))
    }
    // The status repeats the message: clip it as the trailer's message is clipped.
    let clipped = ErrorMessageClippingInterceptor.clipped(RPCError(code: code, message: message)).message
    return GoogleRPCStatus(code: code, message: clipped, details: details)
  }

  /// The wire error for a caller reading `language`.
  package func rpcError(_ language: Language) -> RPCError {
    var error = RPCError(status(language))
    error.message = message
    return error
  }

  /// `values` as people of `language` read them: a value named `NAME_key` is the catalogue
  /// key of the value `NAME` (a word such as "import"), and numbers have a decimal comma in
  /// French.
  static func localized(_ values: [String: String], _ language: Language) -> [String: String] {
    var values = values
    for (name, key) in values where name.hasSuffix("_key") {
      values[String(name.dropLast(4))] = Catalogue.text(key, language)
    }
    guard language == .fr else { return values }
    return values.mapValues { value in
      guard value.contains("."), Double(value) != nil, value.allSatisfy({ "0123456789.-e+".contains($0) }) else {
        return value
      }
      return String(value.map { $0 == "." ? "," : $0 })
    }
  }

  static func clipped(_ text: String, to limit: Int = maximumLocalizedCharacters) -> String {
    guard text.count > limit else { return text }
    return String(text.prefix(limit - 1)) + "…"
  }
}
