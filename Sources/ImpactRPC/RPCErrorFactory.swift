package import GRPCCore

/// Errors about the shape of a request itself (not its content).
package enum RPCErrorFactory {
  /// `field` is wrong: `message` in English; `rule` names the catalogue text
  /// (`daemon.field.RULE`) that says it in other languages with `values`, and the default
  /// `invalid` has none (the caller gets no translation).
  static func invalid(
    _ field: String, _ message: String, rule: String = "invalid", values: [String: String] = [:]
  ) -> RequestFieldError {
    RequestFieldError(
      code: .invalidArgument, field: field, rule: rule, values: values.merging(["detail": message]) { old, _ in old },
      english: message)
  }

  /// `field` must be set.
  static func required(_ field: String) -> RequestFieldError {
    RequestFieldError(code: .invalidArgument, field: field, rule: "required", english: "is required")
  }

  /// One of `choices` must be set in `field`.
  static func oneOf(_ field: String, _ choices: [String]) -> RequestFieldError {
    let list = choices.joined(separator: ", ")
    return RequestFieldError(
      code: .invalidArgument, field: field, rule: "one_of", values: ["choices": list], english: "set one of \(list)")
  }

  /// `field` is below 0.
  static func negative(_ field: String, _ value: some BinaryInteger) -> RequestFieldError {
    RequestFieldError(
      code: .invalidArgument, field: field, rule: "negative", values: ["value": "\(value)"],
      english: "must not be negative, got \(value)")
  }

  /// `field` holds a page token this service did not give.
  static func pageToken(_ field: String) -> RequestFieldError {
    RequestFieldError(
      code: .invalidArgument, field: field, rule: "page_token", english: "not a page token returned by this service")
  }

  /// `field` asks for more than the daemon accepts: `message` in English, and as for
  /// ``invalid(_:_:rule:values:)`` the catalogue text `daemon.field.RULE` with `values`.
  package static func tooLarge(
    _ field: String, _ message: String, rule: String = "invalid", values: [String: String] = [:]
  ) -> RequestFieldError {
    RequestFieldError(
      code: .resourceExhausted, field: field, rule: rule,
      values: values.merging(["detail": message]) { old, _ in old }, english: message)
  }

  /// A watch asked to start after a revision not committed yet: OUT_OF_RANGE.
  static func revisionAhead(_ requested: Int64, current: Int64) -> RequestFieldError {
    RequestFieldError(
      code: .outOfRange, field: "since_revision", rule: "revision_ahead",
      values: ["value": "\(requested)", "current": "\(current)"],
      english: "revision \(requested) is beyond the current revision \(current); watch from \(current) or below")
  }

  /// No more watchers fit: RESOURCE_EXHAUSTED, not about a field of the request.
  static func tooManyWatchers(_ maximum: Int) -> RequestFieldError {
    RequestFieldError(
      code: .resourceExhausted, field: "", rule: "too_many_watchers", values: ["limit": "\(maximum)"],
      english: "too many watchers (at most \(maximum)); try again later")
  }
}

/// A request field the daemon refuses: `field: message`, with the field in a `BadRequest`.
package struct RequestFieldError: Error, RPCErrorConvertible, ExplainedError {
  var code: RPCError.Code
  var field: String
  /// The kind of problem (`required`, `negative`); `invalid` for an English-only text.
  var rule: String
  var values: [String: String] = [:]
  /// What is wrong, in English, without the field.
  var english: String

  package init(code: RPCError.Code, field: String, rule: String, values: [String: String] = [:], english: String) {
    self.code = code
    self.field = field
    self.rule = rule
    self.values = values
    self.english = english
  }

  package var rpcErrorCode: RPCError.Code { code }
  package var rpcErrorMessage: String { field.isEmpty ? english : "\(field): \(english)" }
  package var rpcErrorMetadata: Metadata { explainedMetadata }

  package var explanation: DaemonErrorExplanation {
    let key = "daemon.field.\(rule)"
    let values = self.values.merging(["field": field]) { $1 }
    return DaemonErrorExplanation(
      code: code, reason: code == .resourceExhausted ? "REQUEST_TOO_LARGE" : "INVALID_FIELD", key: key,
      values: values,
      items: field.isEmpty ? [] : [.init(field: field, rule: rule, key: key, values: values, english: rpcErrorMessage)],
      listsItems: false,
      englishMessage: rpcErrorMessage, isTranslatable: rule != "invalid")
  }
}
