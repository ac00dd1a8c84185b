/// The rule of every RPC the daemon serves, deny by default: an RPC without a rule is refused
/// to everyone, so a new RPC is unreachable until someone decides who may call it.
///
/// Rules are keyed by fully qualified method (`impact.v1.ProjectService/CreateProject`); a rule
/// for a whole service (`grpc.health.v1.Health`) covers its methods.
public struct AccessPolicy: Sendable {
  private var methodRules: [String: AccessRule]
  private var serviceRules: [String: AccessRule]

  /// A policy with these rules.
  ///
  /// - Parameters:
  ///   - methods: rules by fully qualified method.
  ///   - services: rules by fully qualified service, for methods without a rule of their own.
  public init(methods: [String: AccessRule] = [:], services: [String: AccessRule] = [:]) {
    self.methodRules = methods
    self.serviceRules = services
  }

  /// The rule of a method, `nil` when there is none (the call is refused).
  ///
  /// - Parameters:
  ///   - service: the fully qualified service, `impact.v1.ProjectService`.
  ///   - method: the method name, `CreateProject`.
  public func rule(service: String, method: String) -> AccessRule? {
    methodRules["\(service)/\(method)"] ?? serviceRules[service]
  }

  /// This policy with the rules of `other` added (theirs win on the same key).
  public func merging(_ other: AccessPolicy) -> AccessPolicy {
    var result = self
    result.methodRules.merge(other.methodRules) { _, new in new }
    result.serviceRules.merge(other.serviceRules) { _, new in new }
    return result
  }
}
