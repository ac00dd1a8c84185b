import Analytics
import Foundation
import Localization

/// The bank's indicators as tables for people, as CSV, or as the bank's own JSON.
struct IndicatorTables {
  var bank: IndicatorBank
  var renderer: Renderer

  private var language: String { renderer.language.rawValue }
  private var l: Localizer { renderer.l }

  /// One line per indicator; JSON writes the indicators as the bank holds them.
  func emitList(_ indicators: [BankIndicator]) throws {
    if renderer.format == .json { return try writeJSON(indicators) }
    var table = Table(
      title: l(
        "indicators.title.list",
        [
          "count": String(indicators.count), "total": String(bank.indicators.count), "edition": bank.edition,
        ]),
      columns: [
        .text("id", l("label.id")), .text("kind", l("label.kind")),
        .text("name", l("label.name"), truncatable: true), .text("unit", l("indicators.field.unit")),
        .text("domains", l("indicators.field.domains"), truncatable: true),
      ])
    for indicator in indicators {
      table.append([
        Cell(indicator.id), kind(indicator.kind), Cell(indicator.name.text(in: language)), unit(indicator.unit),
        domains(indicator.domains),
      ])
    }
    try emit([.table(table)])
  }

  /// Every field of one indicator, and the expected effects it measures.
  func emitDetail(_ indicator: BankIndicator) throws {
    if renderer.format == .json { return try writeJSON([indicator]) }
    func text(_ value: LocalizedText?) -> Cell { Cell(value?.text(in: language) ?? l("common.absent")) }
    let threshold = indicator.threshold.map { threshold in
      [
        threshold.value.map { renderer.number($0, $0.rounded() == $0 ? .integer : .decimals(1)).display },
        threshold.text.text(in: language),
      ]
      .compactMap { $0 }.joined(separator: " – ")
    }
    let fields = Table.fields(
      title: "\(indicator.id) · \(indicator.name.text(in: language))",
      [
        ("id", l("label.id"), Cell(indicator.id)),
        ("name", l("label.name"), Cell(indicator.name.text(in: language))),
        ("kind", l("label.kind"), kind(indicator.kind)),
        ("theme", l("indicators.field.theme"), vocabulary(indicator.theme, \.themes)),
        ("domains", l("indicators.field.domains"), domains(indicator.domains)),
        ("definition", l("indicators.field.definition"), text(indicator.definition)),
        ("unit", l("indicators.field.unit"), unit(indicator.unit)),
        ("direction", l("indicators.field.direction"), direction(indicator.direction)),
        ("computation", l("indicators.field.computation"), text(indicator.computation)),
        ("numerator", l("indicators.field.numerator"), text(indicator.numerator)),
        ("denominator", l("indicators.field.denominator"), text(indicator.denominator)),
        (
          "disaggregations", l("indicators.field.disaggregations"),
          Cell(
            display: indicator.disaggregations.map { bank.label(of: $0, in: \.disaggregations, language: language) }
              .joined(separator: ", "),
            csv: indicator.disaggregations.joined(separator: " "))
        ),
        ("source", l("indicators.field.source"), text(indicator.source)),
        (
          "collection method", l("indicators.field.collection_method"),
          vocabulary(indicator.collectionMethod, \.collectionMethods)
        ),
        ("frequency", l("indicators.field.frequency"), vocabulary(indicator.frequency, \.frequencies)),
        ("threshold", l("indicators.field.threshold"), Cell(threshold ?? l("common.absent"))),
        (
          "references", l("indicators.field.references"),
          Cell((indicator.references ?? []).map { "\($0.system): \($0.id)" }.joined(separator: "; "))
        ),
        (
          "effects", l("indicators.field.effects"),
          Cell(
            display: bank.effects(measuredBy: indicator.id).map { $0.name.text(in: language) }.joined(separator: "; "),
            csv: bank.effects(measuredBy: indicator.id).map(\.id).joined(separator: " "))
        ),
      ])
    try emit([.table(fields)])
  }

  private func emit(_ sections: [Section]) throws {
    let chosen = try renderer.chosenColumns(sections)
    StandardStreams.write(renderer.format == .csv ? renderer.csv(chosen) : renderer.text(chosen))
  }

  private func writeJSON(_ indicators: [BankIndicator]) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = try encoder.encode(indicators)
    StandardStreams.writeLine(String(decoding: data, as: UTF8.self))
  }

  private func kind(_ kind: IndicatorKind) -> Cell {
    Cell(display: l("indicators.kind.\(kind.rawValue)"), csv: kind.rawValue)
  }

  private func unit(_ id: String) -> Cell {
    Cell(display: bank.label(of: id, in: \.units, language: language), csv: id)
  }

  private func direction(_ direction: Direction) -> Cell {
    Cell(display: l("indicators.direction.\(direction.rawValue)"), csv: direction.rawValue)
  }

  private func domains(_ ids: [String]) -> Cell {
    let labels = Scheme.impactV1.domains
    return Cell(
      display: ids.map { id in labels.first { $0.id == id }?.label.text(in: language) ?? id }.joined(separator: ", "),
      csv: ids.joined(separator: " "))
  }

  private func vocabulary(_ id: String, _ list: KeyPath<IndicatorBank, [BankVocabularyEntry]>) -> Cell {
    Cell(display: bank.label(of: id, in: list, language: language), csv: id)
  }
}
