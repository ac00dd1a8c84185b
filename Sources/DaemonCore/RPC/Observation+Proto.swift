import Foundation
import ImpactAPI
import SwiftProtobuf

extension Impact_V1_Observation {
  init(_ observation: Observation, revision: Int64) {
    self.init()
    projectID = observation.projectID
    outcomeID = observation.outcomeID
    value = observation.value
    period = observation.period
    source = observation.source ?? ""
    recordedBy = observation.recordedBy
    recordedAt = Google_Protobuf_Timestamp(date: observation.recordedAt)
    self.revision = revision
  }
}
