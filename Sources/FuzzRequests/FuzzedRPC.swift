import GRPCCore
import SwiftProtobuf

/// One unary RPC of impact.v1 under fuzzing: how to make a request of it from the daemon's
/// current state, and how to read what the campaign checks from its answer.
struct FuzzedRPC: Sendable {
  /// What an OK answer says, for the invariants.
  struct Answer: Sendable {
    /// The revision the answer carries, when it carries one.
    var revision: Int64?
    /// A `next_page_token`, for later requests.
    var pageToken: String?
  }

  /// The name reports use: the method, with the variant when one method has several
  /// (`ImportPortfolio(csv)`).
  let name: String
  let descriptor: MethodDescriptor
  /// Whether an OK answer may change the stored state.
  let writes: Bool
  /// A request of this RPC, valid when the context's hostility is 0.
  let makeRequest: @Sendable (inout RequestContext) -> [UInt8]
  /// Decodes an OK answer; throws when it is not a valid message of the response type.
  let readAnswer: @Sendable ([UInt8]) throws -> Answer

  init<Request: SwiftProtobuf.Message, Response: SwiftProtobuf.Message>(
    _ method: (input: Request.Type, output: Response.Type, descriptor: MethodDescriptor),
    variant: String? = nil,
    writes: Bool,
    revision: @escaping @Sendable (Response) -> Int64? = { _ in nil },
    pageToken: @escaping @Sendable (Response) -> String? = { _ in nil },
    request: @escaping @Sendable (inout RequestContext) -> Request
  ) {
    name = method.descriptor.method + (variant.map { "(\($0))" } ?? "")
    descriptor = method.descriptor
    self.writes = writes
    makeRequest = { context in
      // Serializing a proto3 message cannot fail; an empty message is still a valid input.
      (try? request(&context).serializedBytes()) ?? []
    }
    readAnswer = { bytes in
      let response = try Response(serializedBytes: bytes)
      return Answer(revision: revision(response), pageToken: pageToken(response).flatMap { $0.isEmpty ? nil : $0 })
    }
  }
}
