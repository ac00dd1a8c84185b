import Foundation
import GRPCCore
import ImpactAPI
import Localization

/// The answers of one `ServerReflectionInfo` stream, request by request.
///
/// A question the daemon cannot answer (an unknown file, symbol, type or extension, a request
/// that asks nothing) gets an `error_response` and the stream goes on, as stock clients expect.
/// A request past ``ReflectionService/Limits`` ends the stream with an error: no tool asks for
/// names that long or that many times.
///
/// A file answer holds the file asked for and those of its transitive imports not yet sent on
/// this stream, each serialized `FileDescriptorProto` once.
struct ReflectionConversation {
  typealias Request = Grpc_Reflection_V1_ServerReflectionRequest
  typealias Response = Grpc_Reflection_V1_ServerReflectionResponse

  let index: DescriptorIndex
  /// The services `list_services` names, sorted.
  let services: [String]
  let limits: ReflectionService.Limits
  /// The language of the `error_response` messages.
  let language: Language
  private var sent: Set<Int> = []
  private var requests = 0

  init(index: DescriptorIndex, services: [String], limits: ReflectionService.Limits, language: Language) {
    self.index = index
    self.services = services
    self.limits = limits
    self.language = language
  }

  /// The answer to `request`.
  /// - Throws: ``RequestFieldError`` (RESOURCE_EXHAUSTED or INVALID_ARGUMENT) when the request
  ///   is past the limits; the stream ends with it.
  mutating func answer(_ request: Request) throws -> Response {
    requests += 1
    guard requests <= limits.maxRequestsPerStream else {
      throw RequestFieldError(
        code: .resourceExhausted, field: "", rule: "too_many_reflection_requests",
        values: ["limit": "\(limits.maxRequestsPerStream)"],
        english: "at most \(limits.maxRequestsPerStream) requests per reflection stream; open a new stream")
    }
    try checkNames(of: request)

    var response = Response()
    response.validHost = request.host
    response.originalRequest = request
    switch request.messageRequest {
    case .fileByFilename(let name):
      response.messageResponse = files(
        index.file(named: name), otherwise: "daemon.reflection.file-not-found", ["file": name])
    case .fileContainingSymbol(let symbol):
      response.messageResponse = files(
        index.file(declaring: symbol), otherwise: "daemon.reflection.symbol-not-found", ["symbol": symbol])
    case .fileContainingExtension(let wanted):
      response.messageResponse = files(
        index.file(extending: wanted.containingType, number: wanted.extensionNumber),
        otherwise: "daemon.reflection.extension-not-found",
        ["type": wanted.containingType, "number": "\(wanted.extensionNumber)"])
    case .allExtensionNumbersOfType(let type):
      if let numbers = index.extensionNumbers(of: type) {
        var answer = Grpc_Reflection_V1_ExtensionNumberResponse()
        answer.baseTypeName = type.hasPrefix(".") ? String(type.dropFirst()) : type
        answer.extensionNumber = numbers
        response.messageResponse = .allExtensionNumbersResponse(answer)
      } else {
        response.messageResponse = error(.notFound, "daemon.reflection.type-not-found", ["type": type])
      }
    case .listServices:
      var answer = Grpc_Reflection_V1_ListServiceResponse()
      answer.service = services.map { name in
        var service = Grpc_Reflection_V1_ServiceResponse()
        service.name = name
        return service
      }
      response.messageResponse = .listServicesResponse(answer)
    case nil:
      response.messageResponse = error(.invalidArgument, "daemon.reflection.nothing-asked", [:])
    }
    return response
  }

  private mutating func files(
    _ file: Int?, otherwise key: String, _ values: [String: String]
  ) -> Response.OneOf_MessageResponse {
    guard let file else { return error(.notFound, key, values) }
    var answer = Grpc_Reflection_V1_FileDescriptorResponse()
    answer.fileDescriptorProto = index.withDependencies(file, skipping: &sent)
    return .fileDescriptorResponse(answer)
  }

  private func error(
    _ code: Status.Code, _ key: String, _ values: [String: String]
  ) -> Response.OneOf_MessageResponse {
    var answer = Grpc_Reflection_V1_ErrorResponse()
    answer.errorCode = Int32(code.rawValue)
    answer.errorMessage = Catalogue.text(key, language, values)
    return .errorResponse(answer)
  }

  /// Refuses a name longer than any the descriptor set has (``ReflectionService/Limits``).
  private func checkNames(of request: Request) throws {
    let names: [(field: String, value: String)]
    switch request.messageRequest {
    case .fileByFilename(let name): names = [("file_by_filename", name)]
    case .fileContainingSymbol(let symbol): names = [("file_containing_symbol", symbol)]
    case .fileContainingExtension(let wanted):
      names = [("file_containing_extension.containing_type", wanted.containingType)]
    case .allExtensionNumbersOfType(let type): names = [("all_extension_numbers_of_type", type)]
    case .listServices(let text): names = [("list_services", text)]
    case nil: names = []
    }
    for (field, value) in names + [("host", request.host)] where value.utf8.count > limits.maxNameBytes {
      throw RequestFieldError(
        code: .invalidArgument, field: field, rule: "reflection_name",
        values: ["value": "\(value.utf8.count)", "limit": "\(limits.maxNameBytes)"],
        english: "a name of \(value.utf8.count) bytes is longer than the limit of \(limits.maxNameBytes) bytes")
    }
  }
}
