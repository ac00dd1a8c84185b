public import GRPCCore
public import ImpactStore

extension FrameworkError: RPCErrorConvertible, ExplainedError {
  public var rpcErrorCode: RPCError.Code {
    switch self {
    case .noFramework(let forCheck): forCheck ? .failedPrecondition : .notFound
    case .versionNotFound: .notFound
    case .unreadable: .failedPrecondition
    }
  }

  public var rpcErrorMessage: String { explanation.message }
  public var rpcErrorMetadata: Metadata { explainedMetadata }

  var explanation: DaemonErrorExplanation {
    let code = rpcErrorCode
    switch self {
    case .noFramework:
      return DaemonErrorExplanation(code: code, reason: "NO_FRAMEWORK", key: "daemon.framework.none")
    case .versionNotFound(let version, let latest):
      return DaemonErrorExplanation(
        code: code, reason: "FRAMEWORK_VERSION_NOT_FOUND", key: "daemon.framework.version-not-found",
        values: ["version": "\(version)", "latest": "\(latest)"])
    case .unreadable(let version, let problem):
      return DaemonErrorExplanation(
        code: code, reason: "FRAMEWORK_UNREADABLE", key: "daemon.framework.unreadable",
        values: ["version": "\(version)", "problem": problem])
    }
  }
}
