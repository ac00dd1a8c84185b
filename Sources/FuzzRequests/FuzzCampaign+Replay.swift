import Foundation
import GRPCCore

extension FuzzCampaign {
  /// Sends saved inputs, in order, each to its method (`impact.v1.ProjectService/CreateProject`)
  /// after the same seeding as a campaign, and checks the same invariants after each. A finding
  /// that depended on the state earlier inputs built may not reproduce alone: rerun the
  /// campaign with its seed, or replay the inputs that built the state first.
  mutating func replay(_ inputs: [(bytes: [UInt8], method: String)]) async throws -> CampaignReport {
    try await reseed(count: settings.projects)
    for (index, input) in inputs.enumerated() {
      try await replay(input.bytes, method: input.method, index: index)
    }
    if await checkHealth(index: inputs.count) { await checkPersistence(index: inputs.count) }
    return report
  }

  private mutating func replay(_ bytes: [UInt8], method: String, index: Int) async throws {
    let candidates = RPCCatalog.all.filter { $0.descriptor.fullyQualifiedMethod == method }
    guard let rpc = candidates.first else {
      let known = Set(RPCCatalog.all.map(\.descriptor.fullyQualifiedMethod)).sorted()
      throw FuzzFailure("unknown method \(method); one of: \(known.joined(separator: ", "))")
    }
    let before = try StoreState.capture(store)
    let result = await send(bytes, to: rpc)
    let after = try StoreState.capture(store)
    switch result {
    case .failure(let error):
      Console.line("\(method): \(CampaignReport.name(of: error.code)): \(error.message)")
      report.record(rpc: rpc.name, status: CampaignReport.name(of: error.code))
      if Self.forbiddenCodes.contains(error.code) {
        report.violations.append(
          Violation(input: index, rpc: method, message: "answered \(CampaignReport.name(of: error.code))"))
      }
      if after != before {
        report.violations.append(
          Violation(
            input: index, rpc: method, message: "refused but the state changed: \(after.differences(from: before))"))
      }
    case .success(let answer):
      Console.line("\(method): OK, \(answer.count) bytes")
      report.record(rpc: rpc.name, status: "OK")
      if let decoded = try? rpc.readAnswer(answer) {
        checkAnswered(index: index, rpc: rpc, bytes: bytes, answer: decoded, before: before, after: after)
      } else {
        report.violations.append(
          Violation(input: index, rpc: method, message: "OK answer is not a valid response message"))
      }
    }
  }
}
