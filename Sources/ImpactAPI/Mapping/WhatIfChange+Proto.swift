public import Analytics

extension WhatIfChange {
  /// The change `proto` describes; a change with no case set, or whose project cannot be
  /// mapped, is refused naming `fieldPath` (`changes[1]`, `changes[1].add_project.status`).
  public init(proto: Impact_V1_WhatIfChange, fieldPath: String) throws(APIMappingError) {
    switch proto.change {
    case .addProject(let project):
      self = .add(try Project(proto: project, fieldPath: "\(fieldPath).add_project"))
    case .removeProjectID(let projectID):
      self = .remove(projectID: projectID)
    case .replaceProject(let project):
      self = .replace(try Project(proto: project, fieldPath: "\(fieldPath).replace_project"))
    case nil:
      throw APIMappingError.oneOf(fieldPath, ["add_project", "remove_project_id", "replace_project"])
    }
  }
}

extension Impact_V1_WhatIfChange {
  /// The message of `change`.
  public init(_ change: WhatIfChange) {
    self.init()
    switch change {
    case .add(let project): self.change = .addProject(Impact_V1_Project(project))
    case .remove(let projectID): self.change = .removeProjectID(projectID)
    case .replace(let project): self.change = .replaceProject(Impact_V1_Project(project))
    }
  }
}
