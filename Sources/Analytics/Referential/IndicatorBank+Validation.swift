import Foundation

extension IndicatorBank {
  /// Every way the bank breaks its own format, one sentence each (empty when it is sound):
  /// a text missing in a language, an id given twice or malformed, a vocabulary id, a domain
  /// or an effect's indicator the bank or `domains` does not know, a rate (unit `%`) without
  /// numerator and denominator.
  public func problems(domains: Set<String>) -> [String] {
    var problems: [String] = []
    func text(_ value: LocalizedText?, _ path: String, required: Bool = true) {
      guard let value else {
        if required { problems.append("\(path) is missing") }
        return
      }
      if value.fr.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("\(path).fr is empty") }
      if value.en.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("\(path).en is empty") }
    }
    func unique(_ ids: [String], _ what: String) {
      var seen: Set<String> = []
      for id in ids where !seen.insert(id).inserted { problems.append("\(what) id \"\(id)\" appears more than once") }
    }
    if format != Self.formatTag { problems.append("format \"\(format)\" is not \(Self.formatTag)") }
    text(title, "title")
    let vocabularies: [(String, [BankVocabularyEntry])] = [
      ("unit", units), ("theme", themes), ("collection method", collectionMethods), ("frequency", frequencies),
      ("disaggregation", disaggregations),
    ]
    for (what, entries) in vocabularies {
      unique(entries.map(\.id), what)
      for entry in entries { text(entry.label, "\(what) \(entry.id) label") }
    }
    func known(_ id: String, _ entries: [BankVocabularyEntry], _ what: String, _ owner: String) {
      if !entries.contains(where: { $0.id == id }) { problems.append("\(owner): \(what) \"\(id)\" is not in the bank") }
    }
    unique(indicators.map(\.id), "indicator")
    for indicator in indicators {
      let owner = "indicator \(indicator.id)"
      if !IdentifierSyntax.isValid(indicator.id) { problems.append("\(owner): the id is not a valid id") }
      text(indicator.name, "\(owner) name")
      text(indicator.definition, "\(owner) definition")
      text(indicator.computation, "\(owner) computation")
      text(indicator.source, "\(owner) source")
      text(indicator.threshold?.text, "\(owner) threshold", required: false)
      if indicator.unit == "%" {
        text(indicator.numerator, "\(owner) numerator")
        text(indicator.denominator, "\(owner) denominator")
      } else if (indicator.numerator == nil) != (indicator.denominator == nil) {
        problems.append("\(owner): numerator and denominator go together")
      }
      known(indicator.unit, units, "unit", owner)
      known(indicator.theme, themes, "theme", owner)
      known(indicator.collectionMethod, collectionMethods, "collection method", owner)
      known(indicator.frequency, frequencies, "frequency", owner)
      if indicator.disaggregations.isEmpty { problems.append("\(owner): no disaggregation") }
      for id in indicator.disaggregations { known(id, disaggregations, "disaggregation", owner) }
      if indicator.domains.isEmpty { problems.append("\(owner): no domain") }
      for domain in indicator.domains where !domains.contains(domain) {
        problems.append("\(owner): domain \"\(domain)\" is not a domain of the scheme")
      }
      for reference in indicator.references ?? [] where reference.system.isEmpty || reference.id.isEmpty {
        problems.append("\(owner): a reference needs a system and an id")
      }
    }
    unique(effects.map(\.id), "effect")
    for effect in effects {
      let owner = "effect \(effect.id)"
      text(effect.name, "\(owner) name")
      if !domains.contains(effect.domain) {
        problems.append("\(owner): domain \"\(effect.domain)\" is not a domain of the scheme")
      }
      if effect.indicators.isEmpty { problems.append("\(owner): no indicator") }
      for id in effect.indicators where indicator(id) == nil {
        problems.append("\(owner): indicator \"\(id)\" is not in the bank")
      }
    }
    return problems
  }
}
