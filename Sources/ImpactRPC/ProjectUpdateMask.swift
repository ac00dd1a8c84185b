import GRPCCore
import ImpactAPI

/// The fields of a project an update replaces, from the request's `update_mask`
/// (AIP-134: an empty mask replaces every field but the id).
struct ProjectUpdateMask {
  enum Field: String, CaseIterable {
    case name, programme, territory, status, amount
    case evidenceLevel = "evidence_level"
    case risks, ratings, outcomes
    case extraJSON = "extra_json"
  }

  let fields: Set<Field>

  init(paths: [String]) throws {
    if paths.isEmpty || paths == ["*"] {
      fields = Set(Field.allCases)
      return
    }
    var fields = Set<Field>()
    for path in paths {
      guard let field = Field(rawValue: path) else {
        let known = Field.allCases.map(\.rawValue).joined(separator: ", ")
        throw RPCErrorFactory.invalid(
          "update_mask", "unknown path '\(path)' (known: \(known))", rule: "unknown_mask_path",
          values: ["value": path, "allowed": known])
      }
      fields.insert(field)
    }
    self.fields = fields
  }

  /// Copies the masked fields of `source` onto `target`. Works on messages so that a partial
  /// update may leave the other fields of `source` empty.
  func apply(_ source: Impact_V1_Project, to target: inout Impact_V1_Project) {
    for field in fields {
      switch field {
      case .name: target.name = source.name
      case .programme: target.programme = source.programme
      case .territory: target.territory = source.territory
      case .status: target.status = source.status
      case .amount: target.amount = source.amount
      case .evidenceLevel:
        if source.hasEvidenceLevel { target.evidenceLevel = source.evidenceLevel } else { target.clearEvidenceLevel() }
      case .risks: target.risks = source.risks
      case .ratings: target.ratings = source.ratings
      case .outcomes: target.outcomes = source.outcomes
      case .extraJSON:
        if source.hasExtraJson { target.extraJson = source.extraJson } else { target.clearExtraJson() }
      }
    }
  }
}
