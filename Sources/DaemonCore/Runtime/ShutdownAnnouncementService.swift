import Logging
import ServiceLifecycle

/// The last service of the daemon's group, so the first told to stop: it turns health
/// NOT_SERVING, ends open health watches and tells the application, before the server starts
/// draining, so long-lived streams end instead of holding the drain until the grace period.
struct ShutdownAnnouncementService: Service {
  let health: HealthStatusBoard
  let logger: Logger
  let announce: @Sendable () async -> Void

  func run() async throws {
    try? await gracefulShutdown()
    logger.info("impactd shutting down")
    health.beginShutdown()
    await announce()
  }
}
