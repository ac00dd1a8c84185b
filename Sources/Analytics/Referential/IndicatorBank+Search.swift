extension IndicatorBank {
  /// The indicators of `domain` and `kind` (nil: any) whose id, name or definition, in either
  /// language, contains every word of `query` (case and accents ignored), in the bank's order.
  ///
  /// ```swift
  /// IndicatorBank.shipped.indicators(domain: "basic_needs", kind: .outcome, matching: "loyer")
  /// ```
  public func indicators(
    domain: String? = nil, kind: IndicatorKind? = nil, matching query: String? = nil
  )
    -> [BankIndicator]
  {
    let words = query.map { SearchKey($0).words.map { SearchKey(String($0)) } } ?? []
    return indicators.filter { indicator in
      if let domain, !indicator.domains.contains(domain) { return false }
      if let kind, indicator.kind != kind { return false }
      guard !words.isEmpty else { return true }
      let haystack = SearchKey(
        [
          indicator.id, indicator.name.fr, indicator.name.en, indicator.definition.fr, indicator.definition.en,
          indicator.theme, label(of: indicator.theme, in: \.themes, language: "fr"),
        ].joined(separator: " "))
      return words.allSatisfy { haystack.contains($0) }
    }
  }

  /// Whether an outcome's `unit` names the indicator's unit: its id or its label in either
  /// language, case and accents ignored (`personnes`, `people`, `%`).
  public func unitAgrees(_ unit: String, with indicator: BankIndicator) -> Bool {
    let given = SearchKey(unit)
    let names = [indicator.unit] + (units.first { $0.id == indicator.unit }.map { [$0.label.fr, $0.label.en] } ?? [])
    return names.contains { SearchKey($0) == given }
  }
}
