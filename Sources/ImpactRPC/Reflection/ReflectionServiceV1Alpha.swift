public import GRPCCore
public import ImpactAPI
import SwiftProtobuf

/// `grpc.reflection.v1alpha.ServerReflection`, the version older tools ask (Python's
/// `grpcio-reflection` client, older grpcurl): the answers of a ``ReflectionService``.
///
/// The two versions' messages are the same on the wire, field for field, so each message
/// crosses over as its bytes.
public struct ReflectionServiceV1Alpha: Grpc_Reflection_V1alpha_ServerReflection.ServiceProtocol {
  private let service: ReflectionService

  /// Serves the answers of `service` under v1alpha.
  public init(_ service: ReflectionService) {
    self.service = service
  }

  public func serverReflectionInfo(
    request: StreamingServerRequest<Grpc_Reflection_V1alpha_ServerReflectionRequest>,
    context: ServerContext
  ) async throws -> StreamingServerResponse<Grpc_Reflection_V1alpha_ServerReflectionResponse> {
    service.respond(to: request, context: context, reading: Self.converted, writing: Self.converted)
  }

  /// `message` as the other version's message of the same shape.
  @Sendable
  private static func converted<Other: SwiftProtobuf.Message>(_ message: some SwiftProtobuf.Message) throws -> Other {
    try Other(serializedBytes: message.serializedBytes() as [UInt8])
  }
}
