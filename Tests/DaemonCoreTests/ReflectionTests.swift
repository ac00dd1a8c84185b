import DaemonTestSupport
import Foundation
import GRPCCore
import ImpactAPI
import Localization
import SwiftProtobuf
import Testing

@testable import DaemonCore
@testable import ImpactConfiguration
@testable import ImpactRPC

/// Server reflection through a real HTTP/2 socket, with the generated reflection client, as
/// grpcurl and grpcio-reflection use it.
@Suite("Server reflection", .timeLimit(.minutes(3)))
struct ReflectionTests {
  typealias Request = Grpc_Reflection_V1_ServerReflectionRequest
  typealias Response = Grpc_Reflection_V1_ServerReflectionResponse

  /// Every service of the impact daemon.
  static let servedServices: Set<String> = [
    "impact.v1.AuditService", "impact.v1.FrameworkService", "impact.v1.HistoryService", "impact.v1.PortfolioService",
    "impact.v1.ProjectService", "impact.v1.ScoringService", "impact.v1.StatusService",
    "impact.v1.WatchService", "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection",
    "grpc.reflection.v1alpha.ServerReflection",
  ]

  @Test("list_services names every service the daemon serves, as health does, in both versions")
  func listServices() async throws {
    try await withRunningDaemon(application: ImpactApplication()) { daemon in
      try await daemon.withClient { client in
        let answers = try await client.reflect([.with { $0.listServices = "*" }])
        let listed = answers.first?.listServicesResponse.service.map(\.name) ?? []
        #expect(Set(listed) == Self.servedServices)
        #expect(listed == listed.sorted())
        #expect(answers.first?.originalRequest.listServices == "*")

        let health = try await Grpc_Health_V1_Health.Client(wrapping: client).list(.init())
        #expect(Set(health.statuses.keys) == Self.servedServices.union([""]))

        let alpha = try await Grpc_Reflection_V1alpha_ServerReflection.Client(wrapping: client)
          .serverReflectionInfo(requestProducer: { try await $0.write(.with { $0.listServices = "" }) }) { response in
            var names: [String] = []
            for try await message in response.messages { names += message.listServicesResponse.service.map(\.name) }
            return names
          }
        #expect(alpha == listed)
      }
    }
  }

  @Test("the file of impact.v1.ScoringService comes with its imports, each once per stream, and names GetProjectScore")
  func fileContainingService() async throws {
    try await withRunningDaemon(application: ImpactApplication()) { daemon in
      try await daemon.withClient { client in
        let answers = try await client.reflect([
          .with { $0.fileContainingSymbol = "impact.v1.ScoringService" },
          .with { $0.fileContainingSymbol = "impact.v1.ScoringService" },
          .with { $0.fileContainingSymbol = "impact.v1.ProjectService" },
        ])
        #expect(answers.count == 3)
        let files = try answers[0].fileDescriptorResponse.fileDescriptorProto.map {
          try Google_Protobuf_FileDescriptorProto(serializedBytes: $0)
        }
        #expect(files.first?.name == "impact/v1/scoring_service.proto")
        let service = try #require(files.first?.service.first { $0.name == "ScoringService" })
        let method = try #require(service.method.first { $0.name == "GetProjectScore" })
        #expect(method.inputType == ".impact.v1.GetProjectScoreRequest")
        #expect(method.outputType == ".impact.v1.GetProjectScoreResponse")
        Self.expectClosed(files)
        #expect(files.map(\.name).contains("google/protobuf/timestamp.proto"))
        #expect(Set(files.map(\.name)).count == files.count)

        // Asked again on the same stream: the file alone, its imports were sent.
        #expect(answers[1].fileDescriptorResponse.fileDescriptorProto.count == 1)
        let second = try answers[2].fileDescriptorResponse.fileDescriptorProto.map {
          try Google_Protobuf_FileDescriptorProto(serializedBytes: $0).name
        }
        #expect(second.first == "impact/v1/project_service.proto")
        #expect(!second.contains("impact/v1/project.proto"))
      }
    }
  }

  @Test(
    "every kind of symbol resolves to its file, as grpcurl asks for it",
    arguments: [
      ("impact.v1.ScoringService.GetProjectScore", "impact/v1/scoring_service.proto"),
      ("impact.v1.GetProjectScoreRequest", "impact/v1/scoring_service.proto"),
      ("impact.v1.GetProjectScoreRequest.id", "impact/v1/scoring_service.proto"),
      (".impact.v1.Project", "impact/v1/project.proto"),
      ("grpc.health.v1.HealthCheckResponse.ServingStatus", "grpc/health/v1/health.proto"),
      ("grpc.health.v1.HealthCheckResponse.SERVING", "grpc/health/v1/health.proto"),
      ("grpc.health.v1.HealthCheckResponse.ServingStatus.SERVING", "grpc/health/v1/health.proto"),
      ("grpc.reflection.v1.ServerReflection", "grpc/reflection/v1/reflection.proto"),
      ("grpc.reflection.v1.ServerReflectionRequest.message_request", "grpc/reflection/v1/reflection.proto"),
      ("grpc.reflection.v1alpha.ServerReflection.ServerReflectionInfo", "grpc/reflection/v1alpha/reflection.proto"),
      ("google.protobuf.Timestamp", "google/protobuf/timestamp.proto"),
    ])
  func symbols(symbol: String, file: String) async throws {
    let index = DescriptorIndex.api
    let found = try #require(index.file(declaring: symbol))
    #expect(index.files[found].name == file)
  }

  @Test("file_by_filename answers the file and its transitive imports")
  func fileByName() async throws {
    try await withRunningDaemon(application: ImpactApplication()) { daemon in
      try await daemon.withClient { client in
        let answers = try await client.reflect([.with { $0.fileByFilename = "impact/v1/score.proto" }])
        let files = try (answers.first?.fileDescriptorResponse.fileDescriptorProto ?? []).map {
          try Google_Protobuf_FileDescriptorProto(serializedBytes: $0)
        }
        #expect(
          files.map(\.name) == ["impact/v1/score.proto", "impact/v1/project.proto", "google/protobuf/timestamp.proto"])
        Self.expectClosed(files)
      }
    }
  }

  @Test("what is not there is an error_response in the caller's language, and the stream goes on")
  func notFound() async throws {
    try await withRunningDaemon(application: ImpactApplication()) { daemon in
      try await daemon.withClient { client in
        let answers = try await client.reflect(
          [
            .with { $0.fileContainingSymbol = "impact.v1.NoSuchService" },
            .with { $0.fileByFilename = "impact/v1/nothing.proto" },
            .with {
              $0.fileContainingExtension = .with {
                $0.containingType = "impact.v1.Project"
                $0.extensionNumber = 100
              }
            },
            .with { $0.allExtensionNumbersOfType = "impact.v1.Project" },
            .with { $0.allExtensionNumbersOfType = "impact.v1.Nothing" },
            .with { $0.host = "localhost" },
            .with { $0.fileContainingSymbol = "impact.v1.StatusService" },
          ], metadata: ["accept-language": "fr"])
        #expect(answers.count == 7)
        let notFound = Int32(Status.Code.notFound.rawValue)
        #expect(answers[0].errorResponse.errorCode == notFound)
        #expect(answers[0].errorResponse.errorMessage == "symbole « impact.v1.NoSuchService » introuvable")
        #expect(answers[1].errorResponse.errorCode == notFound)
        #expect(answers[2].errorResponse.errorCode == notFound)
        #expect(answers[3].allExtensionNumbersResponse.baseTypeName == "impact.v1.Project")
        #expect(answers[3].allExtensionNumbersResponse.extensionNumber.isEmpty)
        #expect(answers[4].errorResponse.errorCode == notFound)
        #expect(answers[5].errorResponse.errorCode == Int32(Status.Code.invalidArgument.rawValue))
        #expect(answers[5].validHost == "localhost")
        #expect(answers[6].fileDescriptorResponse.fileDescriptorProto.count > 0)
      }
    }
  }

  @Test("a name longer than any the API has ends the stream with INVALID_ARGUMENT; the daemon goes on")
  func longName() async throws {
    try await withRunningDaemon(application: ImpactApplication()) { daemon in
      try await daemon.withClient { client in
        let long = String(repeating: "a", count: ReflectionService.Limits.defaults.maxNameBytes + 1)
        let error = await #expect(throws: RPCError.self) {
          _ = try await client.reflect([.with { $0.fileContainingSymbol = long }])
        }
        #expect(error?.code == .invalidArgument)
        #expect(error?.message.hasPrefix("file_containing_symbol:") == true)
        let after = try await client.reflect([.with { $0.listServices = "" }])
        #expect(after.first?.listServicesResponse.service.isEmpty == false)
      }
    }
  }

  @Test("a reflection stream the client keeps open does not hold a shutdown past the grace period")
  func openStreamAtShutdown() async throws {
    var configuration = DaemonConfiguration.testing
    configuration.server.gracePeriod = .milliseconds(500)
    let (answered, answer) = AsyncStream.makeStream(of: Void.self)
    // The daemon shuts down as soon as the client has its first answer, the stream still open.
    let client = try await withRunningDaemon(configuration: configuration, application: ImpactApplication()) { daemon in
      let client = Task {
        try await daemon.withClient { client in
          try await Grpc_Reflection_V1_ServerReflection.Client(wrapping: client).serverReflectionInfo(
            requestProducer: { writer in
              try await writer.write(.with { $0.listServices = "" })
              try await Task.sleep(for: .seconds(60))
            }
          ) { response in
            for try await _ in response.messages { answer.yield() }
          }
        }
      }
      for await _ in answered { break }
      return client
    }
    client.cancel()
    _ = await client.result
  }

  @Test("past the requests one stream may send, the stream ends with RESOURCE_EXHAUSTED")
  func tooManyRequests() throws {
    var conversation = ReflectionConversation(
      index: .api, services: ["impact.v1.ScoringService"],
      limits: ReflectionService.Limits(maxRequestsPerStream: 2), language: .en)
    let request = Request.with { $0.listServices = "" }
    _ = try conversation.answer(request)
    _ = try conversation.answer(request)
    let error = #expect(throws: RequestFieldError.self) { try conversation.answer(request) }
    #expect(error?.code == .resourceExhausted)
  }

  /// Expects every import of every file to be among the files.
  static func expectClosed(_ files: [Google_Protobuf_FileDescriptorProto]) {
    let names = Set(files.map(\.name))
    for file in files {
      for dependency in file.dependency {
        #expect(names.contains(dependency), "\(file.name) imports \(dependency), which the answer lacks")
      }
    }
  }
}

extension GRPCClient {
  /// Sends `requests` on one reflection stream, ends it, and returns every answer, within 30 s
  /// (generous: inside the full parallel run on two cores a call has taken over 10 s).
  func reflect(
    _ requests: [Grpc_Reflection_V1_ServerReflectionRequest], metadata: Metadata = [:]
  ) async throws -> [Grpc_Reflection_V1_ServerReflectionResponse] {
    var options = CallOptions.defaults
    options.timeout = .seconds(30)
    return try await Grpc_Reflection_V1_ServerReflection.Client(wrapping: self).serverReflectionInfo(
      metadata: metadata, options: options,
      requestProducer: { writer in try await writer.write(contentsOf: requests) }
    ) { response in
      var answers: [Grpc_Reflection_V1_ServerReflectionResponse] = []
      for try await message in response.messages { answers.append(message) }
      return answers
    }
  }
}
