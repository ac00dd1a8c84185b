public import GRPCCore
public import ImpactAPI

/// gRPC server reflection (`grpc.reflection.v1.ServerReflection`): lets grpcurl, grpcui,
/// Postman or Python's `grpcio-reflection` list the daemon's services and fetch the
/// descriptors of their messages, so they can call any RPC without the `.proto` files.
///
/// Answers from the descriptor set `scripts/generate-proto.sh` embeds (``ImpactDescriptorSet``),
/// which holds `impact.v1`, health, reflection itself and the well-known types they import.
/// ``ReflectionConversation`` says what each request gets; ``ReflectionServiceV1Alpha``
/// serves the same answers under `grpc.reflection.v1alpha` for older tools.
///
/// ```swift
/// let reflection = ReflectionService(serving: ["impact.v1.ScoringService", HealthService.serviceName])
/// let services: [any RegistrableRPCService] = [reflection, ReflectionServiceV1Alpha(reflection)]
/// ```
public struct ReflectionService: Grpc_Reflection_V1_ServerReflection.ServiceProtocol {
  /// What one stream may ask.
  public struct Limits: Sendable, Hashable {
    /// The most requests one stream may send; past it the stream ends with RESOURCE_EXHAUSTED.
    /// Describing every service and type of the API takes a few hundred.
    public var maxRequestsPerStream: Int
    /// The longest file name, symbol, type or host a request may carry, in UTF-8 bytes; a
    /// longer one ends the stream with INVALID_ARGUMENT.
    public var maxNameBytes: Int

    /// Creates the limits.
    public init(maxRequestsPerStream: Int = 1_000, maxNameBytes: Int = 1_024) {
      self.maxRequestsPerStream = maxRequestsPerStream
      self.maxNameBytes = maxNameBytes
    }

    /// 1 000 requests per stream, names up to 1 KiB.
    public static var defaults: Self { Self() }
  }

  /// The fully qualified names of the reflection services, v1 and v1alpha.
  public static let serviceNames: Set<String> = [
    Grpc_Reflection_V1_ServerReflection.descriptor.fullyQualifiedService,
    Grpc_Reflection_V1alpha_ServerReflection.descriptor.fullyQualifiedService,
  ]

  let index: DescriptorIndex
  /// The services `list_services` answers, sorted.
  let services: [String]
  let limits: Limits

  /// A reflection service listing the services of `served` that the API's descriptor set
  /// describes (a service without descriptors could not be called from them).
  ///
  /// - Parameters:
  ///   - served: the fully qualified names of the services the daemon serves.
  ///   - limits: what one stream may ask.
  public init(serving served: Set<String>, limits: Limits = .defaults) {
    self.init(index: .api, serving: served, limits: limits)
  }

  init(index: DescriptorIndex, serving served: Set<String>, limits: Limits) {
    self.index = index
    self.services = served.filter(index.serviceNames.contains).sorted()
    self.limits = limits
  }

  public func serverReflectionInfo(
    request: StreamingServerRequest<Grpc_Reflection_V1_ServerReflectionRequest>,
    context: ServerContext
  ) async throws -> StreamingServerResponse<Grpc_Reflection_V1_ServerReflectionResponse> {
    respond(to: request, context: context, reading: { $0 }, writing: { $0 })
  }

  /// The answers to a stream of requests of any version of the protocol: `reading` makes a v1
  /// request of each, `writing` the client's version of each v1 response.
  func respond<Request: Sendable, Response: Sendable>(
    to request: StreamingServerRequest<Request>,
    context: ServerContext,
    reading: @escaping @Sendable (Request) throws -> Grpc_Reflection_V1_ServerReflectionRequest,
    writing: @escaping @Sendable (Grpc_Reflection_V1_ServerReflectionResponse) throws -> Response
  ) -> StreamingServerResponse<Response> {
    let language = RequestLanguage.of(request.metadata)
    return StreamingServerResponse { [index, services, limits] writer in
      // The server does not cancel the handler's task when the RPC is cancelled (deadline,
      // shutdown, a client that goes away): the answers run in a task of their own, which the
      // RPC's cancellation cancels, so that waiting for the next request ends then.
      let answering = Task {
        var conversation = ReflectionConversation(index: index, services: services, limits: limits, language: language)
        for try await message in request.messages {
          if context.cancellation.isCancelled { break }
          try await writer.write(try writing(try conversation.answer(try reading(message))))
        }
      }
      try await withRPCCancellationHandler {
        try await withTaskCancellationHandler {
          try await answering.value
        } onCancel: {
          answering.cancel()
        }
      } onCancelRPC: {
        answering.cancel()
      }
      return [:]
    }
  }
}
