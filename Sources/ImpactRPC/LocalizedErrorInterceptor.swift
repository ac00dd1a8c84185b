public import GRPCCore
internal import Localization

/// Sends every refusal the daemon can explain in the caller's language (AIP-193).
///
/// The English `message` stays what it was, for scripts and logs; the `google.rpc.Status` in
/// `grpc-status-details-bin` gets a `LocalizedMessage` in the language of the request's
/// `accept-language` metadata (``RequestLanguage``), with the `ErrorInfo` reason and, for bad
/// fields, a `BadRequest`. Errors the daemon cannot explain (a transport's own) pass as
/// they are.
///
/// Install it outside ``RPCObservationInterceptor``, which turns thrown errors into failed
/// responses that keep the original error as their cause.
public struct LocalizedErrorInterceptor: ServerInterceptor {
  public init() {}

  public func intercept<Input: Sendable, Output: Sendable>(
    request: StreamingServerRequest<Input>,
    context: ServerContext,
    next: @Sendable (StreamingServerRequest<Input>, ServerContext) async throws -> StreamingServerResponse<Output>
  ) async throws -> StreamingServerResponse<Output> {
    let language = RequestLanguage.of(request.metadata)
    do {
      let response = try await next(request, context)
      switch response.accepted {
      case .failure(let error):
        if let explained = Self.explained(error, language) { return StreamingServerResponse(error: explained) }
      case .success(var contents):
        // A server-streaming handler refuses from inside its producer (a watch that cannot
        // start): explain that error too.
        let producer = contents.producer
        contents.producer = { writer in
          do {
            return try await producer(writer)
          } catch {
            throw Self.explained(error, language) ?? error
          }
        }
        return StreamingServerResponse(accepted: .success(contents))
      }
      return response
    } catch {
      throw Self.explained(error, language) ?? error
    }
  }

  /// `error` (or the error it wraps) explained in `language`, keeping the metadata it had
  /// (the request id); nil when it is not an error the daemon can explain.
  static func explained(_ error: any Error, _ language: Language) -> RPCError? {
    let original: any ExplainedError
    var kept: Metadata = [:]
    if let explained = error as? any ExplainedError {
      original = explained
    } else if let rpcError = error as? RPCError, let explained = rpcError.cause as? any ExplainedError {
      original = explained
      kept = rpcError.metadata
      kept.removeAllValues(forKey: "grpc-status-details-bin")
    } else {
      return nil
    }
    var localized = original.explanation.rpcError(language)
    localized.metadata.add(contentsOf: kept)
    return localized
  }
}
