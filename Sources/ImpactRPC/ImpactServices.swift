public import Foundation
public import GRPCCore
public import ImpactConfiguration
public import ImpactStore

/// The impact.v1 services over one store, ready to register with a server.
public enum ImpactServices {
  /// - Parameters:
  ///   - store: the loaded portfolio store.
  ///   - limits: request limits from the configuration.
  ///   - startedAt: when the daemon started (for uptime).
  ///   - databasePath: shown by `GetStatus`.
  ///   - isServing: whether health says SERVING.
  public static func make(
    store: PortfolioStore,
    limits: DaemonConfiguration.Limits,
    startedAt: Date,
    databasePath: String,
    isServing: @escaping @Sendable () -> Bool
  ) -> [any RegistrableRPCService] {
    [
      ProjectRPCService(store: store, limits: limits),
      PortfolioRPCService(store: store, limits: limits),
      ScoringRPCService(store: store, limits: limits),
      WatchRPCService(store: store, limits: limits),
      StatusRPCService(store: store, startedAt: startedAt, databasePath: databasePath, isServing: isServing),
      AuditRPCService(store: store, limits: limits),
      HistoryRPCService(store: store, limits: limits),
      FrameworkRPCService(store: store),
    ]
  }
}
