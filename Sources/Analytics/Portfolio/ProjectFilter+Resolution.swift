extension ProjectFilter {
  /// This filter as the portfolio spells its values, with the typed values that name nothing.
  ///
  /// People type `hebergement` for `Hébergement`, `sante` or `Santé` for the domain `health`:
  /// each programme and territory is replaced by every existing value equal to it ignoring
  /// case and accents (``SearchKey``), and each domain by the scheme's domain whose id or
  /// French or English label it names, or the one domain whose label starts with it. A typed value is kept as well, so that one naming
  /// nothing still selects nothing rather than lifting its axis. Matching stays exact and
  /// cheap per project; the folding happens once per distinct value.
  ///
  /// - Returns: the filter to match with, and the values that name no programme, territory or
  ///   domain, each with the nearest existing ones.
  public func resolved(
    in projects: some Sequence<Project>, scheme: Scheme
  ) -> (filter: ProjectFilter, unmatched: [UnmatchedFilterValue]) {
    guard !(programmes.isEmpty && territories.isEmpty && domains.isEmpty) else { return (self, []) }
    var programmeSpellings: [SearchKey: Set<String>] = [:]
    var territorySpellings: [SearchKey: Set<String>] = [:]
    if !programmes.isEmpty || !territories.isEmpty {
      var seenProgrammes: Set<String> = []
      var seenTerritories: Set<String> = []
      for project in projects {
        if !programmes.isEmpty, seenProgrammes.insert(project.programme).inserted {
          programmeSpellings[SearchKey(project.programme), default: []].insert(project.programme)
        }
        if !territories.isEmpty, seenTerritories.insert(project.territory).inserted {
          territorySpellings[SearchKey(project.territory), default: []].insert(project.territory)
        }
      }
    }
    var domainNames: [SearchKey: String] = [:]
    for domain in scheme.domains {
      for name in [domain.label.en, domain.label.fr, domain.id] { domainNames[SearchKey(name)] = domain.id }
    }

    var unmatched: [UnmatchedFilterValue] = []
    var resolved = self
    func resolve(
      _ typed: Set<String>, _ field: UnmatchedFilterValue.Field, _ spellings: [SearchKey: Set<String>]
    ) -> Set<String> {
      var result = typed
      for value in typed.sorted() {
        if let found = spellings[SearchKey(value)], !found.isEmpty {
          result.formUnion(found)
        } else {
          let candidates = spellings.values.flatMap { $0 }.filter { !$0.isEmpty }
          unmatched.append(
            UnmatchedFilterValue(field: field, value: value, nearest: NearestValues.nearest(to: value, in: candidates)))
        }
      }
      return result
    }
    resolved.programmes = resolve(programmes, .programmes, programmeSpellings)
    resolved.territories = resolve(territories, .territories, territorySpellings)
    var domainIDs: Set<String> = []
    for value in domains.sorted() {
      let key = SearchKey(value)
      // `santé` names `Santé et bien-être`: the start of one domain's label is enough.
      let starting = Set(domainNames.filter { !key.text.isEmpty && $0.key.hasPrefix(key) }.values)
      if let id = domainNames[key] {
        domainIDs.insert(id)
      } else if starting.count == 1, let id = starting.first {
        domainIDs.insert(id)
      } else {
        domainIDs.insert(value)
        let names = scheme.domains.flatMap { [$0.id, $0.label.en, $0.label.fr] }
        var ids: [String] = []
        for name in NearestValues.nearest(to: value, in: names, limit: 15) {
          if let id = domainNames[SearchKey(name)], !ids.contains(id) { ids.append(id) }
        }
        unmatched.append(UnmatchedFilterValue(field: .domains, value: value, nearest: Array(ids.prefix(5))))
      }
    }
    resolved.domains = domainIDs
    return (resolved, unmatched)
  }
}
