import Analytics
import Synchronization

/// Holds a snapshot's ``PortfolioFigures`` once somebody asked for them.
final class LazyFigures: Sendable {
  private let figures = Mutex<PortfolioFigures?>(nil)

  func value(_ make: () -> PortfolioFigures) -> PortfolioFigures {
    if let figures = figures.withLock({ $0 }) { return figures }
    // Computed outside the lock: two first readers may both compute; both get a correct value.
    let made = make()
    figures.withLock { $0 = $0 ?? made }
    return made
  }
}
