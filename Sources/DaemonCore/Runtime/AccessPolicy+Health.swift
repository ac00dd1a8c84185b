public import ImpactRPC

extension AccessPolicy {
  /// Health checks answer anyone: load balancers and probes carry no credentials.
  public static let health = AccessPolicy(services: [HealthService.serviceName: .open])
}
