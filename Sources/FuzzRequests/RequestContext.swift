import Analytics
import DaemonCore
import ImpactAPI
import ImpactStore
import SwiftProtobuf
import SyntheticData

/// What a request generator draws on: the random source, how hostile this input is, the
/// portfolio the daemon holds now (for ids that exist), and page tokens the daemon returned.
///
/// With `hostility` 0 the generators make valid requests; above 0 each field they fill is
/// replaced by a hostile value with that probability.
struct RequestContext {
  var random: SplitMix64
  /// The probability that a field gets a hostile value.
  var hostility: Double
  let snapshot: PortfolioSnapshot
  /// Tokens from earlier list responses, most recent last.
  var pageTokens: [String]
  /// The number the next generated project's id is made from.
  var nextProjectNumber: Int
  /// The largest request the daemon accepts: huge fields stay around it.
  let maximumPayload: Int
  /// Whether hostile timestamps avoid the known `Timestamp.date` overflow.
  let tameTimestamps: Bool

  /// Whether the field being filled gets a hostile value.
  mutating func hostile() -> Bool {
    hostility > 0 && random.chance(hostility)
  }

  /// A stored project, if any.
  mutating func storedProject() -> Project? {
    snapshot.projects.isEmpty ? nil : random.pick(snapshot.projects)
  }

  /// A stored project's id, or a hostile identifier.
  mutating func projectID() -> String {
    if !hostile(), let project = storedProject() { return project.id }
    return HostileValues.identifier(&random)
  }

  /// A valid project with an id no project has, under the current scheme.
  mutating func newProject() -> Project {
    defer { nextProjectNumber += 1 }
    return SyntheticPortfolio.project(number: nextProjectNumber, scheme: snapshot.scheme, random: &random)
  }

  /// `value`, or a hostile string.
  mutating func text(_ value: String) -> String {
    hostile() ? HostileValues.string(&random, maximumLength: maximumPayload / 32) : value
  }

  mutating func double(_ value: Double) -> Double {
    hostile() ? HostileValues.double(&random) : value
  }

  mutating func int32(_ value: Int32) -> Int32 {
    hostile() ? HostileValues.int32(&random) : value
  }

  /// `value`, or an enum case no version of impact.v1 defines.
  mutating func enumeration<Value: SwiftProtobuf.Enum>(_ value: Value) -> Value {
    guard hostile() else { return value }
    return Value(rawValue: HostileValues.enumValue(&random)) ?? value
  }

  /// A JSON or CSV document: `valid`, or `valid` mutated as text.
  mutating func document(_ valid: String) -> String {
    guard hostile() else { return valid }
    return TextMutator.mutate(valid, count: random.integer(1...4), random: &random)
  }

  /// The `expected_revision` of a write: unset, the current revision, or a wrong one.
  mutating func expectedRevision() -> Int64? {
    if hostile() {
      return random.pick([snapshot.revision - 1, snapshot.revision + 1, -1, .min, .max, 0] as [Int64])
    }
    return random.chance(0.5) ? nil : snapshot.revision
  }

  /// A hostile timestamp.
  mutating func timestamp() -> Google_Protobuf_Timestamp {
    HostileValues.timestamp(&random, tame: tameTimestamps)
  }

  /// A page size: the server's default, a small one, or an absurd one.
  mutating func pageSize() -> Int32 {
    hostile() ? HostileValues.int32(&random) : random.pick([0, 1, 2, 10, 1000] as [Int32])
  }

  /// A page token: none, one the daemon returned, or one it never could have.
  mutating func pageToken() -> String {
    if hostile() {
      if !pageTokens.isEmpty, random.chance(0.3) {
        return TextMutator.mutate(random.pick(pageTokens), count: 1, random: &random)
      }
      return HostileValues.pageToken(&random)
    }
    return pageTokens.isEmpty || random.chance(0.5) ? "" : random.pick(pageTokens)
  }

  /// A filter: usually empty, sometimes selecting, sometimes absurd.
  mutating func filter() -> Impact_V1_ProjectFilter {
    var filter = Impact_V1_ProjectFilter()
    guard random.chance(0.4) else { return filter }
    filter.statuses = [enumeration(.funded)]
    if let project = storedProject() {
      filter.programmes = [text(project.programme)]
      filter.territories = random.chance(0.5) ? [text(project.territory)] : []
    }
    if let domain = snapshot.scheme.domains.first, random.chance(0.5) { filter.domains = [text(domain.id)] }
    if hostile() {
      filter.programmes += (0..<random.integer(1...10_000)).map { "programme \($0)" }
    }
    return filter
  }
}
