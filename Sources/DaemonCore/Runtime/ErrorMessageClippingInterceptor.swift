public import GRPCCore

/// Keeps every error message short enough for its HTTP/2 trailer.
///
/// A message that quotes a long client value (a 20 000-character id) or lists thousands of
/// validation problems would make the `grpc-message` trailer exceed the peer's header-list
/// limit, and the client would see the stream reset (UNAVAILABLE) instead of the refusal. The
/// message is cut at ``maximumCharacters`` and says how much was left out.
public struct ErrorMessageClippingInterceptor: ServerInterceptor {
  /// The longest message sent, in characters (at most four UTF-8 bytes each, before the
  /// percent-encoding of the trailer).
  public static let maximumCharacters = 1_500

  public init() {}

  public func intercept<Input: Sendable, Output: Sendable>(
    request: StreamingServerRequest<Input>,
    context: ServerContext,
    next: @Sendable (StreamingServerRequest<Input>, ServerContext) async throws -> StreamingServerResponse<Output>
  ) async throws -> StreamingServerResponse<Output> {
    do {
      let response = try await next(request, context)
      // A refusal may come back as a response rather than be thrown.
      if case .failure(let error) = response.accepted, error.message.count > Self.maximumCharacters {
        return StreamingServerResponse(error: Self.clipped(error))
      }
      return response
    } catch let error as RPCError {
      throw Self.clipped(error)
    } catch let error as any RPCErrorConvertible {
      throw Self.clipped(RPCError(error))
    }
  }

  static func clipped(_ error: RPCError) -> RPCError {
    guard error.message.count > maximumCharacters else { return error }
    var clipped = error
    let left = error.message.count - maximumCharacters
    clipped.message = String(error.message.prefix(maximumCharacters)) + "… (\(left) more characters)"
    return clipped
  }
}
