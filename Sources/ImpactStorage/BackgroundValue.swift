import Dispatch

/// A value computed on another thread while the caller goes on with other work; ``value``
/// waits for it. An import encodes its journal document (`impact-projects-bin/1`, ~0.8 s at
/// 100 000 projects) on the second core while the first writes the rows.
final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
  // Written once by the worker before `leave()`, read only after `wait()`: the group orders them.
  private var result: Value?
  private let group = DispatchGroup()

  init(_ body: @escaping @Sendable () -> Value) {
    group.enter()
    DispatchQueue.global(qos: .userInitiated).async {
      self.result = body()
      self.group.leave()
    }
  }

  var value: Value {
    group.wait()
    return result!
  }
}
