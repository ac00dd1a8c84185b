import Foundation

// libFuzzer target: the portfolio document reader `PortfolioJSON.decode` (and the one-project
// reader `decodeProject`) on arbitrary bytes. Built by scripts/fuzz-formats.sh.
//
// Invariants: no crash, no hang, no memory error (ASan); a refusal has a non-empty message;
// an accepted document validates, scores and summarises without trapping; a document the
// Validator accepts survives encode → decode unchanged (the documented contract of
// `PortfolioJSON.encode`), and its re-encoding is byte-identical. With FUZZ_ROUNDTRIP_ALL set,
// the round trip is required of every accepted document, valid or not.

/// Whether every accepted document must round-trip, not only valid ones.
let roundTripEveryDocument = ProcessInfo.processInfo.environment["FUZZ_ROUNDTRIP_ALL"] != nil

@_cdecl("LLVMFuzzerTestOneInput")
public func portfolioJSONFuzzInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  let data = start.map { Data(bytes: $0, count: count) } ?? Data()
  checkDocument(data)
  checkProject(data)
  return 0
}

func checkDocument(_ data: Data) {
  let target = "PortfolioJSON.decode"
  let document: PortfolioDocument
  do {
    document = try PortfolioJSON.decode(data, source: "fuzz.json")
  } catch {
    FormatFuzzChecks.checkRefusal(error, target: target)
    return
  }
  if let scheme = document.scheme, !scheme.validate().isEmpty {
    fatalError("\(target): accepted a scheme that breaks its rules: \(scheme.validate())")
  }
  let issues = FormatFuzzChecks.exercise(
    document.projects, scheme: document.scheme ?? .impactV1, target: target)
  _ = Validator(scheme: .impactV1).validate(document)
  let mustRoundTrip = issues.isEmpty || roundTripEveryDocument

  let encoded = PortfolioJSON.encode(document)
  let decoded: PortfolioDocument
  do {
    decoded = try PortfolioJSON.decode(encoded, source: "re-encoded.json")
  } catch {
    guard mustRoundTrip else { return }
    fatalError("\(target): refused its own encoding of a valid document: \(error)\n\(String(decoding: encoded, as: UTF8.self))")
  }
  guard mustRoundTrip else { return }
  if decoded != document { FormatFuzzChecks.roundTripFailed(target, document, decoded) }
  let reencoded = PortfolioJSON.encode(decoded)
  if reencoded != encoded {
    FormatFuzzChecks.roundTripFailed(
      target, String(decoding: encoded, as: UTF8.self), String(decoding: reencoded, as: UTF8.self))
  }
}

func checkProject(_ data: Data) {
  let target = "PortfolioJSON.decodeProject"
  let project: Project
  do {
    project = try PortfolioJSON.decodeProject(data, source: "fuzz-project.json")
  } catch {
    FormatFuzzChecks.checkRefusal(error, target: target)
    return
  }
  let issues = FormatFuzzChecks.exercise([project], scheme: .impactV1, target: target)
  let mustRoundTrip = issues.isEmpty || roundTripEveryDocument
  let encoded = PortfolioJSON.encodeProject(project)
  do {
    let decoded = try PortfolioJSON.decodeProject(encoded, source: "re-encoded-project.json")
    if mustRoundTrip && decoded != project { FormatFuzzChecks.roundTripFailed(target, project, decoded) }
  } catch {
    if mustRoundTrip {
      fatalError("\(target): refused its own encoding of a valid project: \(error)")
    }
  }
}
