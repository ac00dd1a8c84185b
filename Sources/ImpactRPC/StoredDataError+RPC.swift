public import GRPCCore
public import ImpactStorage

extension StoredDataError: RPCErrorConvertible, ExplainedError {
  /// DATA_LOSS for a damaged file, INTERNAL for another failed read: neither is worth a retry.
  public var rpcErrorCode: RPCError.Code {
    switch kind {
    case .damaged: .dataLoss
    case .readFailed: .internalError
    }
  }

  public var rpcErrorMessage: String { description }
  public var rpcErrorMetadata: Metadata { explainedMetadata }

  var explanation: DaemonErrorExplanation {
    switch kind {
    case .damaged:
      DaemonErrorExplanation(
        code: rpcErrorCode, reason: "STORED_DATA_DAMAGED", key: "daemon.storage.stored-data-damaged",
        values: ["path": path, "detail": detail], englishMessage: description)
    case .readFailed:
      DaemonErrorExplanation(
        code: rpcErrorCode, reason: "STORED_DATA_READ_FAILED", key: "daemon.storage.stored-data-read-failed",
        values: ["path": path, "detail": detail], englishMessage: description)
    }
  }
}
