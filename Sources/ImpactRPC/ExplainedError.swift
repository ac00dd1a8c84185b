import GRPCCore
import Localization

/// An error the daemon can explain in every language of the catalogue.
///
/// Conforming types become wire errors in English by themselves (``RPCErrorConvertible``);
/// ``LocalizedErrorInterceptor`` sends them again in the language the caller asked for.
protocol ExplainedError: Error, RPCErrorConvertible {
  var explanation: DaemonErrorExplanation { get }
}

extension ExplainedError {
  /// The English status details, for a path that does not know the caller's language.
  var explainedMetadata: Metadata {
    RPCError(explanation.status(.en)).metadata
  }
}
