import DaemonCore
import GRPCCore
import ImpactCredentials
import ImpactRPC
private import Synchronization

/// An application serving ``ProbeService`` whose load waits on an optional gate.
struct ProbeApplication: DaemonApplication {
  var gate: LoadGate?
  var probe = ProbeService()

  func makeServices(context: DaemonContext) async throws -> [any RegistrableRPCService] {
    [probe]
  }

  func load(context: DaemonContext) async throws {
    await gate?.wait()
  }

  var accessPolicy: AccessPolicy { AccessPolicy(services: ["impact.test.Probe": .role(.viewer)]) }
}

/// A one-shot gate: `wait()` suspends until `open()`.
final class LoadGate: Sendable {
  private let state = Mutex<(isOpen: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

  func open() {
    let waiters = state.withLock { state in
      state.isOpen = true
      defer { state.waiters = [] }
      return state.waiters
    }
    for waiter in waiters { waiter.resume() }
  }

  func wait() async {
    await withCheckedContinuation { continuation in
      let resumeNow = state.withLock { state in
        if state.isOpen { return true }
        state.waiters.append(continuation)
        return false
      }
      if resumeNow { continuation.resume() }
    }
  }
}
