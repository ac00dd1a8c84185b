import Analytics
import Foundation
import Testing

@Suite("The indicator bank shipped in the binaries")
struct IndicatorBankTests {
  let bank = IndicatorBank.shipped
  let domains = Set(Scheme.impactV1.domains.map(\.id))

  @Test("the bank is sound: every text in both languages, ids unique, every reference known")
  func bankIsSound() {
    #expect(bank.format == "impact-indicators/1")
    #expect(bank.problems(domains: domains) == [])
  }

  @Test("at least 80 indicators, outputs and outcomes both")
  func size() {
    #expect(bank.indicators.count >= 80)
    #expect(bank.indicators.contains { $0.kind == .output })
    #expect(bank.indicators.filter { $0.kind == .outcome }.count >= 50)
  }

  @Test("every precariousness theme and every default domain has indicators and expected effects")
  func coverage() {
    for theme in [
      "housing", "food", "energy", "health", "income_budget", "isolation", "access_to_rights", "employment",
      "education_digital", "mobility",
    ] {
      #expect(bank.indicators.filter { $0.theme == theme }.count >= 5, "theme \(theme)")
    }
    for domain in domains {
      #expect(bank.indicators(domain: domain).count >= 3, "domain \(domain)")
      #expect(bank.effects.contains { $0.domain == domain }, "effects of \(domain)")
    }
  }

  @Test("public thresholds: the housing cost ratio above one third, the poverty line at 60 % of the median")
  func thresholds() throws {
    let housing = try #require(bank.indicator("housing.cost_effort_rate"))
    #expect(housing.threshold?.value == 33.3)
    #expect(housing.direction == .lowerIsBetter)
    #expect(housing.numerator != nil && housing.denominator != nil)
    let poverty = try #require(bank.indicator("income.below_poverty_line"))
    #expect(poverty.threshold?.text.fr.contains("60 %") == true)
    #expect(poverty.references?.contains(IndicatorReference(system: "insee", id: "Seuil de pauvreté")) == true)
  }

  @Test("the checks find what a broken bank gets wrong, naming it")
  func brokenBank() throws {
    var broken = bank
    broken.indicators[0].name.fr = " "
    broken.indicators[1].id = broken.indicators[2].id
    broken.indicators[3].domains = ["housing_first"]
    broken.indicators[4].unit = "furlongs"
    broken.effects[0].indicators.append("food.caviar")
    broken.effects[1].domain = "luck"
    let problems = broken.problems(domains: domains)
    #expect(problems.contains("indicator \(bank.indicators[0].id) name.fr is empty"))
    #expect(problems.contains("indicator id \"\(bank.indicators[2].id)\" appears more than once"))
    #expect(
      problems.contains("indicator \(bank.indicators[3].id): domain \"housing_first\" is not a domain of the scheme"))
    #expect(problems.contains("indicator \(bank.indicators[4].id): unit \"furlongs\" is not in the bank"))
    #expect(problems.contains("effect \(bank.effects[0].id): indicator \"food.caviar\" is not in the bank"))
    #expect(problems.contains("effect \(bank.effects[1].id): domain \"luck\" is not a domain of the scheme"))
  }

  @Test("a rate without numerator or denominator is refused")
  func rateNeedsNumerator() throws {
    var broken = bank
    let position = try #require(broken.indicators.firstIndex { $0.unit == "%" })
    broken.indicators[position].denominator = nil
    #expect(broken.problems(domains: domains) == ["indicator \(broken.indicators[position].id) denominator is missing"])
  }

  @Test("search: by words in either language, accents ignored, with domain and kind filters")
  func search() {
    let rent = bank.indicators(matching: "loyer")
    #expect(rent.contains { $0.id == "housing.rent_arrears" })
    #expect(bank.indicators(matching: "HEBERGEMENT d'urgence").first?.id == "housing.shelter_nights")
    #expect(bank.indicators(matching: "nuitées").map(\.id) == ["housing.shelter_nights"])
    #expect(bank.indicators(matching: "poverty line").contains { $0.id == "income.below_poverty_line" })
    let outputs = bank.indicators(domain: "basic_needs", kind: .output)
    #expect(!outputs.isEmpty && outputs.allSatisfy { $0.kind == .output && $0.domains.contains("basic_needs") })
    #expect(bank.indicators(matching: "zzzz").isEmpty)
  }

  @Test("an outcome's unit agrees with the bank's by id or by label in either language")
  func unitAgreement() throws {
    let people = try #require(bank.indicator("social.collective_activity_participants"))
    #expect(bank.unitAgrees("people", with: people))
    #expect(bank.unitAgrees("Personnes", with: people))
    #expect(!bank.unitAgrees("%", with: people))
  }

  @Test("another format tag is refused")
  func otherFormat() {
    #expect(throws: DecodingError.self) {
      try IndicatorBank.decode(Data(#"{"format": "impact-indicators/2"}"#.utf8))
    }
  }
}
