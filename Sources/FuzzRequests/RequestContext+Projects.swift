import Analytics
import Foundation
import ImpactAPI
import SwiftProtobuf
import SyntheticData

// Field-level corruption of the project messages requests carry.
extension RequestContext {
  /// `project` as a message, each field hostile with probability `hostility`; sometimes with
  /// far too many outcomes or ratings, or a hostile `extra_json`.
  mutating func message(_ project: Project) -> Impact_V1_Project {
    var message = Impact_V1_Project(project)
    if hostile() { message.id = HostileValues.identifier(&random) }
    message.name = text(message.name)
    message.programme = text(message.programme)
    message.territory = text(message.territory)
    message.status = enumeration(message.status)
    message.amount = double(message.amount)
    if hostile() { message.evidenceLevel = HostileValues.int32(&random) }
    if hostile() {
      message.risks[random.chance(0.5) ? HostileValues.string(&random, maximumLength: 256) : "external"] =
        HostileValues.int32(&random)
    }
    message.ratings = message.ratings.map { rating($0) }
    message.outcomes = message.outcomes.map { outcome($0) }
    if hostile() {
      switch random.integer(0...3) {
      case 0: message.outcomes = []
      case 1: message.outcomes = Array(repeating: message.outcomes.first ?? Impact_V1_Outcome(), count: 21)
      case 2:
        // Small outcomes, so that thousands of them stay within the payload limit.
        let domain = message.outcomes.first?.domain ?? "employment"
        let count = random.integer(100...max(100, maximumPayload / 64))
        message.outcomes = (0..<count).map { index in
          .with {
            $0.id = "o\(index)"
            $0.domain = domain
            $0.share = 1 / Double(count)
          }
        }
      default:
        let count = random.integer(100...max(100, maximumPayload / 100))
        message.ratings = (0..<count).map { index in
          .with {
            $0.criterion = "what"
            $0.rater = "rater-\(index)"
            $0.value = 2
          }
        }
      }
    }
    if hostile() {
      message.extraJson = random.pick([
        "", "{", "not json", "[1,2", "{\"a\":1} {\"b\":2}", String(repeating: "[", count: 100_000),
        "\"\u{0}\"", "1e999", "{\"a\":" + String(repeating: "9", count: 10_000) + "}",
        HostileValues.string(&random, maximumLength: maximumPayload / 32),
      ])
    }
    return message
  }

  mutating func outcome(_ outcome: Impact_V1_Outcome) -> Impact_V1_Outcome {
    var outcome = outcome
    if hostile() { outcome.id = HostileValues.identifier(&random) }
    outcome.domain = text(outcome.domain)
    if hostile() { outcome.share = HostileValues.double(&random) }
    if hostile() { outcome.indicator = HostileValues.string(&random, maximumLength: maximumPayload / 32) }
    if hostile() { outcome.unit = HostileValues.string(&random, maximumLength: 1024) }
    outcome.direction = enumeration(outcome.direction)
    if hostile() { outcome.baseline = HostileValues.double(&random) }
    if hostile() { outcome.threshold = HostileValues.double(&random) }
    if hostile() { outcome.target = HostileValues.double(&random) }
    if hostile() { outcome.actual = HostileValues.double(&random) }
    if hostile() {
      outcome.survey = .with {
        $0.veryMuch = HostileValues.double(&random)
        $0.slightly = HostileValues.double(&random)
      }
    }
    if hostile() { outcome.reach = HostileValues.double(&random) }
    if hostile() { outcome.durationYears = HostileValues.int32(&random) }
    if hostile() { outcome.dropOff = HostileValues.double(&random) }
    if hostile() { outcome.deadweight = HostileValues.double(&random) }
    if hostile() { outcome.attribution = HostileValues.double(&random) }
    if hostile() { outcome.displacement = HostileValues.double(&random) }
    if hostile() { outcome.financialProxy = HostileValues.double(&random) }
    if hostile() { outcome.harmful.toggle() }
    outcome.nature = enumeration(outcome.nature)
    return outcome
  }

  mutating func rating(_ rating: Impact_V1_Rating) -> Impact_V1_Rating {
    var rating = rating
    rating.criterion = text(rating.criterion)
    rating.rater = text(rating.rater)
    rating.value = double(rating.value)
    if hostile() { rating.comment = HostileValues.string(&random, maximumLength: maximumPayload / 32) }
    if hostile() { rating.ratedAt = timestamp() }
    return rating
  }
}
