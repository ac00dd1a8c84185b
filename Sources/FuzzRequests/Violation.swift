/// A broken invariant: which input, which RPC, what went wrong, and where its bytes were saved.
struct Violation: CustomStringConvertible {
  var input: Int
  var rpc: String
  var message: String
  var reproducer: String?

  var description: String {
    "input \(input) \(rpc): \(message)" + (reproducer.map { "\n    reproducer: \($0)" } ?? "")
  }
}
