import Foundation
import ImpactAPI
import ImpactCredentials
import ImpactStorage
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
    forced = observation.forced
  }

  /// The role that may read who recorded an observation: the audit trail's
  /// (``Impact_V1_ChangeEvent/auditRole``), since `recorded_by` is a token name or a
  /// certificate subject.
  static let recorderRole = Impact_V1_ChangeEvent.auditRole

  /// The observation without `recorded_by` for a caller below ``recorderRole``.
  func visible(to caller: Principal) -> Impact_V1_Observation {
    guard caller.role < Self.recorderRole else { return self }
    var observation = self
    observation.recordedBy = ""
    return observation
  }
}

extension ProjectRPCService {
  /// Who recorded an observation: always the caller's identity, never a name the request
  /// chooses. A request may leave `recorded_by` empty or repeat the caller's own identity;
  /// any other name is refused, so that no editor can record a value in someone else's name.
  /// Who observed the value (a person, a report) belongs in the free-text `source`.
  ///
  /// - Throws: INVALID_ARGUMENT on `observation.recorded_by` (rule `recorded_by_not_caller`).
  static func recorder(claimed: String, caller: String) throws -> String {
    guard claimed.isEmpty || claimed == caller else {
      throw RPCErrorFactory.invalid(
        "observation.recorded_by",
        "is set by the daemon to the caller's identity (\(caller)), not to \"\(claimed)\"; name who observed the value in source",
        rule: "recorded_by_not_caller", values: ["caller": caller, "value": claimed])
    }
    return caller
  }
}
