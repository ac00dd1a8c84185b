import GRPCCore
import ImpactStore

/// A watch stream ended because the shared database went back under the daemon (a backup
/// restored into it): its revisions no longer follow on from what the watcher saw. ABORTED,
/// reason `DATABASE_RESTORED`: the client watches again, from the revision the daemon now has.
struct DatabaseRestored: Error, RPCErrorConvertible, ExplainedError {
  var rewound: StoreRewound

  var rpcErrorCode: RPCError.Code { .aborted }
  var rpcErrorMessage: String { explanation.message }
  var rpcErrorMetadata: Metadata { explainedMetadata }

  var explanation: DaemonErrorExplanation {
    // Back to the same revision number with another change there: said as such.
    DaemonErrorExplanation(
      code: .aborted, reason: "DATABASE_RESTORED",
      key: rewound.from == rewound.to ? "daemon.database-restored-other-history" : "daemon.database-restored",
      values: ["from": "\(rewound.from)", "to": "\(rewound.to)"])
  }
}
