import Foundation
import Synchronization

/// A progress line on standard error, redrawn in place at most ten times a second, for a
/// transfer that takes more than a moment (import, export, every score). Shown only when
/// standard error is a terminal and the user did not ask for `--quiet`: a script reading
/// stderr gets no extra text.
final class ProgressDisplay: Sendable {
  private struct State {
    var done = 0
    var total: Int?
    var totalIsEstimate = false
    var bytes: Int64 = 0
    var lastDrawn: ContinuousClock.Instant?
    /// Every project is sent and the line says so: the bar is not drawn again.
    var waitingForCommit = false
    var finished = false
  }

  private let line: ProgressLine
  private let enabled: Bool
  private let start = ContinuousClock.now
  private let state = Mutex(State())

  /// A display of `line`; silent unless `enabled` and standard error is a terminal.
  init(_ line: ProgressLine, enabled: Bool, isTerminal: Bool = isatty(STDERR_FILENO) == 1) {
    self.line = line
    self.enabled = enabled && isTerminal
  }

  /// Whether anything is drawn.
  var isShown: Bool { enabled }

  /// Sets the total, when it becomes known (the header of a stream), or an estimate of it
  /// (the share of a document read so far), shown as such.
  func setTotal(_ total: Int, estimated: Bool = false) {
    state.withLock {
      $0.total = total
      $0.totalIsEstimate = estimated
    }
  }

  /// Counts `projects` more projects and `bytes` more bytes, and redraws when due.
  func advance(projects: Int, bytes: Int64) {
    guard enabled else { return }
    let now = ContinuousClock.now
    let text: String? = state.withLock { state in
      state.done += projects
      state.bytes += bytes
      guard !state.finished, !state.waitingForCommit else { return nil }
      if let last = state.lastDrawn, now - last < .milliseconds(100) { return nil }
      state.lastDrawn = now
      return render(state, now: now)
    }
    if let text { draw(text) }
  }

  /// Replaces the bar, once every project is sent, by a line saying that the daemon is
  /// committing them (a large import's last second or two, when nothing moves); ``finish(clear:)``
  /// clears it when the answer comes.
  func waitForCommit() {
    guard enabled else { return }
    let text: String? = state.withLock { state in
      guard !state.finished else { return nil }
      state.waitingForCommit = true
      return line.committing(sent: state.done, width: TerminalWidth.current())
    }
    if let text { draw(text) }
  }

  /// Draws the final state and ends the line, or clears it when `clear` (the command's own
  /// output follows on the terminal).
  func finish(clear: Bool = true) {
    guard enabled else { return }
    let text: String? = state.withLock { state in
      guard !state.finished else { return nil }
      state.finished = true
      return clear ? nil : render(state, now: .now)
    }
    if let text {
      draw(text)
      FileHandle.standardError.write(Data("\n".utf8))
    } else {
      FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
  }

  private func render(_ state: State, now: ContinuousClock.Instant) -> String {
    let elapsed = now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return line.text(
      done: state.done, total: state.total, estimated: state.totalIsEstimate, bytes: state.bytes, elapsed: seconds,
      width: TerminalWidth.current())
  }

  private func draw(_ text: String) {
    // Carriage return, the line, then erase what a longer earlier line left on the right.
    FileHandle.standardError.write(Data(("\r" + text + "\u{1B}[K").utf8))
  }
}
