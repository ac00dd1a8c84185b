public import GRPCCore
public import ImpactStore

extension HistoryError: RPCErrorConvertible, ExplainedError {
  public var rpcErrorCode: RPCError.Code {
    switch self {
    case .snapshotNotFound: .notFound
    case .snapshotExists: .alreadyExists
    case .invalidSnapshotName, .noteTooLong, .revisionOutOfRange, .inTheFuture, .invalidDate: .invalidArgument
    }
  }

  public var rpcErrorMessage: String { explanation.message }
  public var rpcErrorMetadata: Metadata { explainedMetadata }

  var explanation: DaemonErrorExplanation {
    let code = rpcErrorCode
    switch self {
    case .snapshotNotFound(let name):
      return DaemonErrorExplanation(
        code: code, reason: "SNAPSHOT_NOT_FOUND", key: "daemon.snapshot.not-found", values: ["name": name])
    case .snapshotExists(let name):
      return DaemonErrorExplanation(
        code: code, reason: "SNAPSHOT_ALREADY_EXISTS", key: "daemon.snapshot.exists", values: ["name": name])
    case .invalidSnapshotName(let name):
      return DaemonErrorExplanation(
        code: code, reason: "INVALID_SNAPSHOT_NAME", key: "daemon.snapshot.invalid-name",
        values: ["name": name, "limit": "\(SnapshotName.maximumLength)"])
    case .noteTooLong(let length):
      return DaemonErrorExplanation(
        code: code, reason: "NOTE_TOO_LONG", key: "daemon.snapshot.note-too-long",
        values: ["length": "\(length)", "limit": "\(SnapshotName.maximumNoteLength)"])
    case .revisionOutOfRange(let requested, let current):
      return DaemonErrorExplanation(
        code: code, reason: "REVISION_OUT_OF_RANGE", key: "daemon.history.revision-out-of-range",
        values: ["revision": "\(requested)", "current_revision": "\(current)"])
    case .inTheFuture(let text):
      return DaemonErrorExplanation(
        code: code, reason: "IN_THE_FUTURE", key: "daemon.history.future", values: ["moment": text])
    case .invalidDate(let text):
      return DaemonErrorExplanation(
        code: code, reason: "INVALID_DATE", key: "daemon.history.invalid-date", values: ["value": text])
    }
  }
}
