extension ConfigurationLayer {
  /// Reads the `IMPACTD_*` variables of ``DaemonSetting/all``; an empty variable counts as unset.
  ///
  /// - Throws: ``ConfigurationError`` naming the variable whose value cannot be parsed.
  public init(environment: [String: String]) throws {
    self.init()
    for setting in DaemonSetting.all {
      guard let name = setting.environment, let text = environment[name], !text.isEmpty else { continue }
      try setting.readText(text, name, &self)
    }
  }
}
