public import Analytics
public import GRPCCore
public import ImpactAPI
public import ImpactStorage
public import ImpactStore

// Domain errors become wire errors here, one status code per kind of refusal, with a message
// that names the offending field, line or value, and an explanation (reason, values, the
// catalogue key of the text) that ``LocalizedErrorInterceptor`` sends in the caller's language.

extension StoreError: RPCErrorConvertible, ExplainedError {
  public var rpcErrorCode: RPCError.Code {
    switch self {
    case .projectNotFound, .outcomeNotFound: .notFound
    case .projectExists: .alreadyExists
    case .invalid, .invalidScheme: .invalidArgument
    case .schemeIncompatible, .frameworkIncompatible, .schemeDiffers, .revisionMismatch, .newerThanDocument,
      .largeDeletion:
      .failedPrecondition
    case .tooLarge: .resourceExhausted
    case .importStalled: .aborted
    }
  }

  public var rpcErrorMessage: String { description }
  public var rpcErrorMetadata: Metadata { explainedMetadata }

  var explanation: DaemonErrorExplanation {
    let code = rpcErrorCode
    switch self {
    case .projectNotFound(let id):
      return DaemonErrorExplanation(
        code: code, reason: "PROJECT_NOT_FOUND", key: "daemon.project.not-found", values: ["project": id])
    case .outcomeNotFound(let projectID, let outcomeID):
      return DaemonErrorExplanation(
        code: code, reason: "OUTCOME_NOT_FOUND", key: "daemon.outcome.not-found",
        values: ["project": projectID, "outcome": outcomeID])
    case .projectExists(let id):
      return DaemonErrorExplanation(
        code: code, reason: "PROJECT_ALREADY_EXISTS", key: "daemon.project.exists", values: ["project": id])
    case .invalid(let error):
      return error.explanation
    case .invalidScheme(let error):
      return error.explanation
    case .schemeIncompatible(let error):
      var explanation = error.explanation
      explanation.code = code
      explanation.reason = "SCHEME_INCOMPATIBLE"
      explanation.key = "daemon.scheme.incompatible"
      explanation.englishMessage = description
      return explanation
    case .frameworkIncompatible(let error):
      var explanation = error.explanation
      explanation.code = code
      explanation.reason = "FRAMEWORK_INCOMPATIBLE"
      explanation.key = "daemon.framework.incompatible"
      explanation.englishMessage = description
      return explanation
    case .schemeDiffers(let document, let active):
      return DaemonErrorExplanation(
        code: code, reason: "SCHEME_DIFFERS", key: "daemon.scheme.differs",
        values: ["document_scheme": document, "active_scheme": active])
    case .revisionMismatch(let expected, let actual):
      return DaemonErrorExplanation(
        code: code, reason: "REVISION_MISMATCH", key: "daemon.revision.mismatch",
        values: ["expected_revision": "\(expected)", "actual_revision": "\(actual)"])
    case .tooLarge(let message):
      return DaemonErrorExplanation(
        code: code, reason: "REQUEST_TOO_LARGE", key: "daemon.detail", values: ["detail": message],
        isTranslatable: false)
    case .newerThanDocument(let projects, let safeguards):
      return ImportRefusal.newerWork(projects, safeguards: safeguards, code: code, english: description)
    case .largeDeletion(let deleted, let stored):
      return DaemonErrorExplanation(
        code: code, reason: "LARGE_DELETION", key: "daemon.import.large-deletion",
        values: ["deleted": "\(deleted)", "stored": "\(stored)"], englishMessage: description)
    case .importStalled(let seconds):
      return DaemonErrorExplanation(
        code: code, reason: "IMPORT_STALLED", key: "daemon.import.stalled", values: ["seconds": "\(seconds)"],
        englishMessage: description)
    }
  }
}

extension ComparisonError: RPCErrorConvertible, ExplainedError {
  public var rpcErrorCode: RPCError.Code { .notFound }
  public var rpcErrorMessage: String { description }
  public var rpcErrorMetadata: Metadata { explainedMetadata }

  var explanation: DaemonErrorExplanation {
    DaemonErrorExplanation(
      code: rpcErrorCode, reason: "PROJECT_NOT_FOUND", key: "daemon.compare.missing",
      values: ["projects": missingProjectIDs.joined(separator: ", ")], englishMessage: description)
  }
}

extension WhatIfError: RPCErrorConvertible, ExplainedError {
  public var rpcErrorCode: RPCError.Code { reason == .notFound ? .notFound : .failedPrecondition }
  public var rpcErrorMessage: String { description }
  public var rpcErrorMetadata: Metadata { explainedMetadata }

  var explanation: DaemonErrorExplanation {
    DaemonErrorExplanation(
      code: rpcErrorCode,
      reason: reason == .notFound ? "PROJECT_NOT_FOUND" : "PROJECT_ALREADY_EXISTS",
      key: reason == .notFound ? "daemon.whatif.not-found" : "daemon.whatif.exists",
      values: ["change": "\(changeIndex)", "project": projectID], englishMessage: description)
  }
}

extension APIMappingError: RPCErrorConvertible, ExplainedError {
  public var rpcErrorCode: RPCError.Code { .invalidArgument }
  public var rpcErrorMessage: String { description }
  public var rpcErrorMetadata: Metadata { explainedMetadata }

  var explanation: DaemonErrorExplanation {
    let key = "daemon.field.\(rule)"
    let values = self.values.merging(["field": fieldPath, "detail": reason]) { $1 }
    return DaemonErrorExplanation(
      code: rpcErrorCode, reason: "INVALID_FIELD", key: key, values: values,
      items: [.init(field: fieldPath, rule: rule, key: key, values: values, english: description)], listsItems: false,
      englishMessage: description, isTranslatable: rule != APIMappingError.otherRule)
  }
}

extension FormatError: RPCErrorConvertible, ExplainedError {
  public var rpcErrorCode: RPCError.Code { .invalidArgument }
  public var rpcErrorMessage: String { description }
  public var rpcErrorMetadata: Metadata { explainedMetadata }

  var explanation: DaemonErrorExplanation {
    var values = ["source": source, "count": "\(issues.count)"]
    if let line { values["line"] = "\(line)" }
    if let column { values["column"] = "\(column)" }
    if let path { values["path"] = path }
    // A problem the readers have in the catalogue (`FormatIssue.key`) is translated; the others
    // keep their English sentence under a translated headline.
    return DaemonErrorExplanation(
      code: rpcErrorCode, reason: "DOCUMENT_UNREADABLE",
      key: issues.count == 1 ? "daemon.format.one" : "daemon.format.many", values: values,
      items: issues.map { issue in
        var location = issue.source
        if let line = issue.line {
          location += ":\(line)"
          if let column = issue.column { location += ":\(column)" }
        }
        if let path = issue.path, !path.isEmpty { location += ": \(path)" }
        return .init(
          field: issue.path ?? "", rule: issue.values["rule"] ?? "format", key: issue.key ?? "daemon.detail",
          values: issue.values.merging(["detail": issue.message]) { old, _ in old }, english: issue.description,
          location: location)
      },
      englishMessage: description)
  }
}

extension ValidationError: RPCErrorConvertible, ExplainedError {
  public var rpcErrorCode: RPCError.Code { .invalidArgument }
  public var rpcErrorMessage: String { description }
  public var rpcErrorMetadata: Metadata { explainedMetadata }

  var explanation: DaemonErrorExplanation {
    DaemonErrorExplanation(
      code: rpcErrorCode, reason: "VALIDATION_FAILED",
      key: totalCount == 1 ? "daemon.validation.one" : "daemon.validation.many",
      values: ["count": "\(totalCount)"],
      items: issues.map(\.explanationItem),
      omittedItemCount: omittedCount,
      englishMessage: description)
  }
}

extension ValidationIssue {
  /// The issue as a listed item: the text of its rule, or of the scheme rule a document's
  /// scheme breaks.
  var explanationItem: DaemonErrorExplanation.Item {
    var values = self.values
    values["field"] = field
    if let projectID { values["project"] = projectID }
    if let outcomeID { values["outcome"] = outcomeID }
    let key =
      if rule == .invalidScheme, let schemeRule = values["scheme_rule"] {
        "daemon.scheme-rule.\(schemeRule)"
      } else {
        "daemon.rule.\(rule.code)"
      }
    return .init(field: path, rule: rule.code, key: key, values: values, english: message)
  }
}

extension SchemeError: RPCErrorConvertible, ExplainedError {
  public var rpcErrorCode: RPCError.Code { .invalidArgument }
  public var rpcErrorMessage: String { description }
  public var rpcErrorMetadata: Metadata { explainedMetadata }

  var explanation: DaemonErrorExplanation {
    DaemonErrorExplanation(
      code: rpcErrorCode, reason: "SCHEME_INVALID", key: "daemon.scheme.refused",
      values: ["scheme": schemeID, "count": "\(issues.count)"],
      items: issues.map { issue in
        var values = issue.values
        values["field"] = issue.path
        return .init(
          field: "scheme.\(issue.path)", rule: issue.rule.code, key: "daemon.scheme-rule.\(issue.rule.code)",
          values: values, english: issue.message)
      },
      englishMessage: description)
  }
}

extension StorageError: RPCErrorConvertible, ExplainedError {
  public var rpcErrorCode: RPCError.Code {
    switch self {
    case .readOnly: .failedPrecondition
    case .duplicateProjectID, .constraintViolated: .invalidArgument
    case .databaseFull: .resourceExhausted
    case .databaseInUse, .lockUnavailable, .unreadableValue, .schemaNotCurrent, .database: .unavailable
    }
  }

  public var rpcErrorMessage: String {
    switch self {
    case .database, .unreadableValue: "the change was not saved: \(description)"
    case .databaseFull: "the change was not saved: \(description)"
    case .readOnly: "the database is open read-only; the change was not saved: \(description)"
    default: description
    }
  }

  public var rpcErrorMetadata: Metadata { explainedMetadata }

  var explanation: DaemonErrorExplanation {
    func explained(
      _ reason: String, _ key: String, _ values: [String: String], translatable: Bool = true
    )
      -> DaemonErrorExplanation
    {
      DaemonErrorExplanation(
        code: rpcErrorCode, reason: reason, key: key, values: values, englishMessage: rpcErrorMessage,
        isTranslatable: translatable)
    }
    switch self {
    case .databaseInUse, .lockUnavailable:
      return explained("DATABASE_LOCKED", "daemon.detail", ["detail": description], translatable: false)
    case .duplicateProjectID(let id):
      return explained("PROJECT_DUPLICATED", "daemon.storage.duplicate-project", ["project": id])
    case .constraintViolated(let projectID?, let detail):
      return explained("CONSTRAINT_VIOLATED", "daemon.storage.constraint", ["project": projectID, "detail": detail])
    case .constraintViolated(nil, let detail):
      return explained("CONSTRAINT_VIOLATED", "daemon.storage.constraint-without-project", ["detail": detail])
    case .unreadableValue(let table, let key, let column, let detail):
      return explained(
        "STORED_VALUE_UNREADABLE", "daemon.storage.unreadable",
        ["table": table, "key": key, "column": column, "detail": detail])
    case .databaseFull(let path, let limit?):
      return explained("DATABASE_FULL", "daemon.storage.full-limit", ["path": path, "limit_bytes": "\(limit)"])
    case .databaseFull(let path, nil):
      return explained("DATABASE_FULL", "daemon.storage.full-disk", ["path": path])
    case .readOnly(let path):
      return explained("DATABASE_READ_ONLY", "daemon.storage.read-only", ["path": path])
    case .schemaNotCurrent(let path, let missing):
      return explained(
        "SCHEMA_NOT_CURRENT", "daemon.storage.schema-not-current",
        ["path": path, "migrations": missing.joined(separator: ", ")])
    case .database(let code, let message):
      return explained("DATABASE_ERROR", "daemon.storage.database", ["sqlite_code": "\(code)", "detail": message])
    }
  }
}
