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
      switch response.accepted {
      case .failure(let error):
        // A refusal may come back as a response rather than be thrown.
        guard error.message.count > Self.maximumCharacters else { return response }
        return StreamingServerResponse(error: Self.clipped(error))
      case .success(var contents):
        // A streaming handler refuses from inside its producer: a streamed import when its
        // client's stream has ended (naming thousands of projects), an export or a watch.
        let producer = contents.producer
        contents.producer = { writer in
          do {
            return try await producer(writer)
          } catch let error as RPCError {
            throw Self.clipped(error)
          } catch let error as any RPCErrorConvertible {
            throw Self.clipped(RPCError(error))
          }
        }
        return StreamingServerResponse(accepted: .success(contents))
      }
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
