import Foundation

/// SIGINT and SIGTERM as an async sequence, so that `impact watch` can close its stream and
/// exit 0 instead of being killed mid-line. Holding the value keeps the handlers installed.
struct TerminationSignals: ~Copyable {
  let signals: AsyncStream<Int32>
  private let sources: [any DispatchSourceSignal]

  init() {
    let (stream, continuation) = AsyncStream.makeStream(of: Int32.self)
    var sources: [any DispatchSourceSignal] = []
    for number in [SIGINT, SIGTERM] {
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler { continuation.yield(number) }
      source.resume()
      sources.append(source)
    }
    self.signals = stream
    self.sources = sources
  }

  deinit {
    for source in sources { source.cancel() }
  }
}
