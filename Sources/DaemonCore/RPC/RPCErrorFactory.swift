import GRPCCore

/// Errors about the shape of a request itself (not its content).
enum RPCErrorFactory {
  /// `field` is wrong for a reason given in English only (the caller gets no translation).
  static func invalid(_ field: String, _ message: String) -> RequestFieldError {
    RequestFieldError(code: .invalidArgument, field: field, rule: "invalid", values: ["detail": message], english: message)
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

  /// `field` asks for more than the daemon accepts, said in English only.
  static func tooLarge(_ field: String, _ message: String) -> RequestFieldError {
    RequestFieldError(
      code: .resourceExhausted, field: field, rule: "invalid", values: ["detail": message], english: message)
  }
}

/// A request field the daemon refuses: `field: message`, with the field in a `BadRequest`.
struct RequestFieldError: Error, RPCErrorConvertible, ExplainedError {
  var code: RPCError.Code
  var field: String
  /// The kind of problem (`required`, `negative`); `invalid` for an English-only text.
  var rule: String
  var values: [String: String] = [:]
  /// What is wrong, in English, without the field.
  var english: String

  var rpcErrorCode: RPCError.Code { code }
  var rpcErrorMessage: String { "\(field): \(english)" }
  var rpcErrorMetadata: Metadata { explainedMetadata }

  var explanation: DaemonErrorExplanation {
    let key = "daemon.field.\(rule)"
    let values = self.values.merging(["field": field]) { $1 }
    return DaemonErrorExplanation(
      code: code, reason: code == .resourceExhausted ? "REQUEST_TOO_LARGE" : "INVALID_FIELD", key: key,
      values: values,
      items: [.init(field: field, rule: rule, key: key, values: values, english: rpcErrorMessage)], listsItems: false,
      englishMessage: rpcErrorMessage, isTranslatable: rule != "invalid")
  }
}
