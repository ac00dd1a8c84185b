internal import SwiftProtobuf

/// The shape of the API's messages on the wire, read from the descriptor set that
/// `scripts/generate-proto.sh` embeds (``ImpactDescriptorSet``): for each message, which field
/// numbers hold a message (and of which type), a text, bytes or scalars.
///
/// It lets the daemon judge what a request message will cost to decode from its bytes alone
/// (``DecodeEstimate``), before SwiftProtobuf builds anything.
public struct WireSchema: Sendable {
  /// What a field holds.
  public enum FieldKind: Sendable, Equatable {
    /// A message of the type at this index of ``WireSchema/messages``.
    case message(Int)
    /// A `string`.
    case text
    /// `bytes`.
    case bytes
    /// Numbers, booleans and enums (packed when repeated and length-delimited).
    case scalar
  }

  /// One field of a message.
  public struct Field: Sendable, Equatable {
    public var name: String
    public var kind: FieldKind
    public var isRepeated: Bool
  }

  /// One message type.
  public struct Message: Sendable {
    /// The fully qualified name, without a leading dot (`impact.v1.Project`).
    public var name: String
    /// The fields by number.
    public var fields: [Int: Field]
    /// Whether this is the entry type of a map field (decoded into a dictionary).
    public var isMapEntry: Bool
  }

  /// Every message type of the descriptor set.
  public private(set) var messages: [Message] = []
  /// The index in ``messages`` of each message's full name.
  public private(set) var messageIndex: [String: Int] = [:]
  /// The index in ``messages`` of each method's request type, by `package.Service/Method`.
  public private(set) var requestTypes: [String: Int] = [:]

  /// The schema of the API this module was generated from.
  public static let api: WireSchema = {
    do {
      return try WireSchema(serializedDescriptorSet: ImpactDescriptorSet.serialized)
    } catch {
      // The set is generated and checked in: a failure here is a build defect.
      preconditionFailure("ImpactDescriptorSet does not decode: \(error)")
    }
  }()

  /// Reads a serialized `google.protobuf.FileDescriptorSet`.
  public init(serializedDescriptorSet bytes: [UInt8]) throws {
    let set = try Google_Protobuf_FileDescriptorSet(serializedBytes: bytes)
    var declared: [(name: String, descriptor: Google_Protobuf_DescriptorProto)] = []
    func collect(_ message: Google_Protobuf_DescriptorProto, prefix: String) {
      let name = prefix.isEmpty ? message.name : "\(prefix).\(message.name)"
      declared.append((name, message))
      for nested in message.nestedType { collect(nested, prefix: name) }
    }
    for file in set.file {
      for message in file.messageType { collect(message, prefix: file.package) }
    }
    for (index, entry) in declared.enumerated() { messageIndex[entry.name] = index }
    messages = declared.map { entry in
      var fields: [Int: Field] = [:]
      for field in entry.descriptor.field {
        let kind: FieldKind
        switch field.type {
        case .message, .group:
          let typeName = field.typeName.hasPrefix(".") ? String(field.typeName.dropFirst()) : field.typeName
          kind = messageIndex[typeName].map(FieldKind.message) ?? .bytes
        case .string: kind = .text
        case .bytes: kind = .bytes
        default: kind = .scalar
        }
        fields[Int(field.number)] = Field(name: field.name, kind: kind, isRepeated: field.label == .repeated)
      }
      return Message(name: entry.name, fields: fields, isMapEntry: entry.descriptor.options.mapEntry)
    }
    for file in set.file {
      for service in file.service {
        let serviceName = file.package.isEmpty ? service.name : "\(file.package).\(service.name)"
        for method in service.method {
          let input = method.inputType.hasPrefix(".") ? String(method.inputType.dropFirst()) : method.inputType
          if let index = messageIndex[input] { requestTypes["\(serviceName)/\(method.name)"] = index }
        }
      }
    }
  }
}
