import Foundation

// libFuzzer target: the scheme document reader `SchemeJSON.decode` on arbitrary bytes. Built
// by scripts/fuzz-formats.sh.
//
// Invariants: no crash, no hang, no memory error (ASan); a refusal has a non-empty message;
// an accepted scheme breaks none of its rules (`Scheme.validate()` is empty, `checked()` does
// not throw); it builds a Validator, a scorer and an analyzer and scores a small fixed
// portfolio without trapping; it survives encode → decode unchanged and re-encodes to the same
// bytes.

/// A few projects in the shape of the default scheme, scored under every accepted scheme:
/// their domains and criteria may be unknown to it, which must give issues, not traps.
let probeProjects: [Project] = {
  var project = Project(id: "probe", name: "Probe", status: .funded, amount: 1000, evidenceLevel: 3)
  project.risks = ["external": 1, "drop_off": 2]
  project.ratings = [Rating(criterion: "what", rater: "a", value: 3)]
  var outcome = Outcome(id: "o1", domain: "employment")
  outcome.share = 1
  outcome.direction = .higherIsBetter
  outcome.baseline = 10
  outcome.threshold = 60
  outcome.target = 50
  outcome.actual = 45
  outcome.reach = 400
  outcome.durationYears = 3
  project.outcomes = [outcome]
  return [project, Project(id: "empty", name: "Empty")]
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func schemeJSONFuzzInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  let target = "SchemeJSON.decode"
  let data = start.map { Data(bytes: $0, count: count) } ?? Data()
  let scheme: Scheme
  do {
    scheme = try SchemeJSON.decode(data, source: "fuzz-scheme.json")
  } catch {
    FormatFuzzChecks.checkRefusal(error, target: target)
    return 0
  }
  let ruleIssues = scheme.validate()
  if !ruleIssues.isEmpty {
    fatalError("\(target): accepted a scheme that breaks its rules: \(ruleIssues)")
  }
  do {
    _ = try scheme.checked()
  } catch {
    fatalError("\(target): accepted a scheme that checked() refuses: \(error)")
  }
  var probes = probeProjects
  if let domain = scheme.domains.first { probes[0].outcomes[0].domain = domain.id }
  if let criterion = scheme.criteria.first { probes[0].ratings[0].criterion = criterion.id }
  _ = FormatFuzzChecks.exercise(probes, scheme: scheme, target: target)

  let encoded = SchemeJSON.encode(scheme)
  let decoded: Scheme
  do {
    decoded = try SchemeJSON.decode(encoded, source: "re-encoded-scheme.json")
  } catch {
    fatalError("\(target): refused its own encoding: \(error)\n\(String(decoding: encoded, as: UTF8.self))")
  }
  if decoded != scheme { FormatFuzzChecks.roundTripFailed(target, scheme, decoded) }
  let reencoded = SchemeJSON.encode(decoded)
  if reencoded != encoded {
    FormatFuzzChecks.roundTripFailed(
      target, String(decoding: encoded, as: UTF8.self), String(decoding: reencoded, as: UTF8.self))
  }
  return 0
}
