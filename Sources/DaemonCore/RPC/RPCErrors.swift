public import Analytics
public import GRPCCore
public import ImpactAPI

// Domain errors become wire errors here, one status code per kind of refusal, with a message
// that names the offending field, line or value.

extension StoreError: RPCErrorConvertible {
  public var rpcErrorCode: RPCError.Code {
    switch self {
    case .projectNotFound, .outcomeNotFound: .notFound
    case .projectExists: .alreadyExists
    case .invalid, .invalidScheme: .invalidArgument
    case .schemeIncompatible, .schemeDiffers, .revisionMismatch: .failedPrecondition
    case .tooLarge: .resourceExhausted
    }
  }

  public var rpcErrorMessage: String { description }
}

extension ComparisonError: RPCErrorConvertible {
  public var rpcErrorCode: RPCError.Code { .notFound }
  public var rpcErrorMessage: String { description }
}

extension APIMappingError: RPCErrorConvertible {
  public var rpcErrorCode: RPCError.Code { .invalidArgument }
  public var rpcErrorMessage: String { description }
}

extension FormatError: RPCErrorConvertible {
  public var rpcErrorCode: RPCError.Code { .invalidArgument }
  public var rpcErrorMessage: String { description }
}

extension ValidationError: RPCErrorConvertible {
  public var rpcErrorCode: RPCError.Code { .invalidArgument }
  public var rpcErrorMessage: String { description }
}

extension SchemeError: RPCErrorConvertible {
  public var rpcErrorCode: RPCError.Code { .invalidArgument }
  public var rpcErrorMessage: String { description }
}

extension StorageError: RPCErrorConvertible {
  public var rpcErrorCode: RPCError.Code {
    switch self {
    case .revisionMismatch, .readOnly: .failedPrecondition
    case .projectNotFound, .outcomeNotFound: .notFound
    case .duplicateProjectID, .constraintViolated: .invalidArgument
    case .databaseFull: .resourceExhausted
    case .databaseInUse, .lockUnavailable, .unreadableValue, .schemaNotCurrent, .database: .unavailable
    }
  }

  public var rpcErrorMessage: String {
    switch self {
    case .database, .unreadableValue: "the change was not saved: \(description)"
    case .databaseFull: "the change was not saved: \(description)"
    case .readOnly: "the database is open read-only; the change was not saved: \(description)"
    default: description
    }
  }
}
