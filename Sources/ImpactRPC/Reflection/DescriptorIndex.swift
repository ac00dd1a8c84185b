import Foundation
import ImpactAPI
import SwiftProtobuf

/// The files of a `google.protobuf.FileDescriptorSet`, looked up the ways server reflection asks
/// for them: by file name, by the full name of a symbol a file declares, by extension.
///
/// Built once from the descriptor set `scripts/generate-proto.sh` embeds
/// (``ImpactDescriptorSet``, imports included), so every file an answer needs is there. Each
/// file is serialized once, here; answering is lookups and copies.
struct DescriptorIndex: Sendable {
  /// One file of the set.
  struct File: Sendable {
    /// The file's name (`impact/v1/scoring_service.proto`).
    var name: String
    /// Its `FileDescriptorProto`, serialized.
    var serialized: Data
    /// The indexes in ``DescriptorIndex/files`` of the files it imports, in its order.
    var dependencies: [Int]
  }

  /// Every file of the set, in its order.
  private(set) var files: [File] = []
  /// The index in ``files`` of each file name.
  private var fileIndex: [String: Int] = [:]
  /// The file declaring each fully qualified symbol (no leading dot): services, methods,
  /// messages and enums at any depth, fields, oneofs, enum values and extensions.
  private var symbols: [String: Int] = [:]
  /// Every message type's full name.
  private var messageTypes: Set<String> = []
  /// The file declaring each extension, by extended message type and field number.
  private var extensions: [String: [Int32: Int]] = [:]
  /// Every service's full name.
  private(set) var serviceNames: Set<String> = []

  /// The index of the API this daemon serves, health and reflection included.
  static let api: DescriptorIndex = {
    do {
      return try DescriptorIndex(serializedDescriptorSet: ImpactDescriptorSet.serialized)
    } catch {
      // The set is generated and checked in: a failure here is a build defect.
      preconditionFailure("ImpactDescriptorSet does not decode: \(error)")
    }
  }()

  /// Reads a serialized `google.protobuf.FileDescriptorSet`.
  init(serializedDescriptorSet bytes: [UInt8]) throws {
    let set = try Google_Protobuf_FileDescriptorSet(serializedBytes: bytes)
    for (index, file) in set.file.enumerated() { fileIndex[file.name] = index }
    for (index, file) in set.file.enumerated() {
      files.append(
        File(
          name: file.name,
          serialized: try file.serializedBytes(),
          // A set built with --include_imports has every import; one that lacks some is still
          // served, without them.
          dependencies: file.dependency.compactMap { fileIndex[$0] }))
      declare(file, index: index)
    }
  }

  /// The index of the file named `name`.
  func file(named name: String) -> Int? { fileIndex[name] }

  /// The index of the file declaring `symbol` (`impact.v1.ScoringService`,
  /// `impact.v1.ScoringService.GetProjectScore`, `impact.v1.Project.amount`); a leading dot is
  /// accepted.
  func file(declaring symbol: String) -> Int? { symbols[Self.fullName(symbol)] }

  /// The index of the file declaring extension `number` of `type`.
  func file(extending type: String, number: Int32) -> Int? { extensions[Self.fullName(type)]?[number] }

  /// The field numbers of every extension of message `type`, in increasing order; `nil` when
  /// the set has no such message.
  func extensionNumbers(of type: String) -> [Int32]? {
    let name = Self.fullName(type)
    guard messageTypes.contains(name) else { return nil }
    return (extensions[name]?.keys).map { $0.sorted() } ?? []
  }

  /// The file at `index` followed by its transitive dependencies (breadth first), leaving out
  /// the dependencies in `sent` and adding what is returned to it. The file itself is always
  /// returned: a client that asks for it again gets an answer, not an empty list.
  func withDependencies(_ index: Int, skipping sent: inout Set<Int>) -> [Data] {
    var answer: [Data] = [files[index].serialized]
    sent.insert(index)
    var queue = files[index].dependencies
    var position = 0
    while position < queue.count {
      let next = queue[position]
      position += 1
      guard sent.insert(next).inserted else { continue }
      answer.append(files[next].serialized)
      queue.append(contentsOf: files[next].dependencies)
    }
    return answer
  }

  private static func fullName(_ symbol: String) -> String {
    symbol.hasPrefix(".") ? String(symbol.dropFirst()) : symbol
  }

  private static func qualified(_ scope: String, _ name: String) -> String {
    scope.isEmpty ? name : "\(scope).\(name)"
  }

  private mutating func declare(_ file: Google_Protobuf_FileDescriptorProto, index: Int) {
    let scope = file.package
    for service in file.service {
      let name = Self.qualified(scope, service.name)
      serviceNames.insert(name)
      symbols[name] = index
      for method in service.method { symbols[Self.qualified(name, method.name)] = index }
    }
    for message in file.messageType { declare(message, scope: scope, index: index) }
    for enumeration in file.enumType { declare(enumeration, scope: scope, index: index) }
    for field in file.extension { declareExtension(field, scope: scope, index: index) }
  }

  private mutating func declare(_ message: Google_Protobuf_DescriptorProto, scope: String, index: Int) {
    let name = Self.qualified(scope, message.name)
    symbols[name] = index
    messageTypes.insert(name)
    for field in message.field { symbols[Self.qualified(name, field.name)] = index }
    for oneof in message.oneofDecl { symbols[Self.qualified(name, oneof.name)] = index }
    for nested in message.nestedType { declare(nested, scope: name, index: index) }
    for enumeration in message.enumType { declare(enumeration, scope: name, index: index) }
    for field in message.extension { declareExtension(field, scope: name, index: index) }
  }

  private mutating func declare(_ enumeration: Google_Protobuf_EnumDescriptorProto, scope: String, index: Int) {
    let name = Self.qualified(scope, enumeration.name)
    symbols[name] = index
    for value in enumeration.value {
      // Protobuf scopes a value beside its enum (`impact.v1.DOMAIN_HOUSING`); tools also ask
      // for it under the enum (`impact.v1.Domain.DOMAIN_HOUSING`).
      symbols[Self.qualified(scope, value.name)] = index
      symbols[Self.qualified(name, value.name)] = index
    }
  }

  private mutating func declareExtension(_ field: Google_Protobuf_FieldDescriptorProto, scope: String, index: Int) {
    symbols[Self.qualified(scope, field.name)] = index
    extensions[Self.fullName(field.extendee), default: [:]][field.number] = index
  }
}
