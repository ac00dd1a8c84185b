import ImpactConfiguration
import Logging
import ServiceLifecycle

/// Runs a ``DaemonApplication`` inside the daemon's service group: announces the bound address,
/// loads the application while health reports NOT_SERVING, flips health to SERVING, and once
/// every later service has stopped, shuts the application down.
///
/// It is the first service of the group, so the group stops it last: after the server drained.
struct ApplicationService<Application: DaemonApplication>: Service {
  let application: Application
  let context: DaemonContext
  let listeningAddress: @Sendable () async throws -> ListenAddress
  let announce: @Sendable (Result<ListenAddress, any Error>) async -> Void

  func run() async throws {
    let address: ListenAddress
    do {
      address = try await listeningAddress()
    } catch {
      // The transport only says "no listening address"; the server service fails with the
      // reason (such as the port being in use), and that is the error the group should end
      // with. Wait for it to end the group.
      try? await gracefulShutdown()
      throw error
    }
    context.logger.info("impactd listening on \(address)")
    await announce(.success(address))

    do {
      let started = ContinuousClock.now
      try await application.load(context: context)
      context.health.setAll(.serving)
      if !context.health.isShuttingDown {
        context.logger.info("impactd serving", metadata: ["load_duration": "\(ContinuousClock.now - started)"])
      }
    } catch {
      context.logger.error("loading failed; stopping", metadata: ["error": "\(error)"])
      try? await application.shutdown(context: context)
      throw error
    }

    // Cancellation (the grace period of the whole group ran out) ends the wait too; the
    // application is shut down either way.
    try? await gracefulShutdown()
    try await application.shutdown(context: context)
    context.logger.info("impactd stopped")
  }
}
