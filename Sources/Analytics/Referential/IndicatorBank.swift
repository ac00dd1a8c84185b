public import Foundation

/// The indicator bank shipped in the binaries (`impact-indicators/1`): indicators on poverty,
/// precariousness and social utility, in French and English, and the expected effects of each
/// domain with the indicators that measure them. See `docs/formats.md`, "Indicator bank".
///
/// ```swift
/// let bank = IndicatorBank.shipped
/// bank.indicator("housing.cost_effort_rate")?.threshold?.value   // 33.3
/// ```
public struct IndicatorBank: Sendable, Hashable, Codable {
  /// The format tag, `impact-indicators/1`.
  public var format: String
  /// The edition of the bank's content (`2026.1`): a new edition may add indicators and
  /// improve wording, never change what an existing id measures.
  public var edition: String
  public var title: LocalizedText
  public var units: [BankVocabularyEntry]
  public var themes: [BankVocabularyEntry]
  public var collectionMethods: [BankVocabularyEntry]
  public var frequencies: [BankVocabularyEntry]
  public var disaggregations: [BankVocabularyEntry]
  public var indicators: [BankIndicator]
  public var effects: [ExpectedEffect]

  /// The format tag this reader reads.
  public static let formatTag = "impact-indicators/1"

  enum CodingKeys: String, CodingKey {
    case format, edition, title, units, themes, frequencies, disaggregations, indicators, effects
    case collectionMethods = "collection_methods"
  }

  /// The embedded bank document, byte for byte.
  public static var shippedDocument: Data { Data(PackageResources.impact_indicators_1_json) }

  /// The bank embedded in this binary.
  public static let shipped: IndicatorBank = {
    do {
      return try decode(Data(PackageResources.impact_indicators_1_json))
    } catch {
      // The file is part of the source tree and checked by the tests: a failure here is a
      // build that shipped a broken bank.
      preconditionFailure("the embedded indicator bank does not decode: \(error)")
    }
  }()

  /// Reads a bank document; refuses any format tag other than `impact-indicators/1`.
  public static func decode(_ data: Data) throws -> IndicatorBank {
    var bank = try JSONDecoder().decode(IndicatorBank.self, from: data)
    guard bank.format == formatTag else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: [CodingKeys.format], debugDescription: "format \"\(bank.format)\" is not \(formatTag)"))
    }
    bank.indicatorIndex = Dictionary(
      bank.indicators.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    return bank
  }

  /// The indicator with this id, if the bank has one.
  public func indicator(_ id: String) -> BankIndicator? {
    if let position = indicatorIndex[id] { return indicators[position] }
    return indicatorIndex.isEmpty ? indicators.first { $0.id == id } : nil
  }

  /// Positions of the indicators by id, built once when the bank is read (outcomes are
  /// checked against the bank on every write).
  private var indicatorIndex: [String: Int] = [:]

  /// The label of a vocabulary id (unit, theme, method, frequency, disaggregation) in
  /// `language`, or the id itself when the bank does not have it.
  public func label(of id: String, in list: KeyPath<IndicatorBank, [BankVocabularyEntry]>, language: String) -> String {
    self[keyPath: list].first { $0.id == id }?.label.text(in: language) ?? id
  }

  /// The expected effects that name the indicator `id`.
  public func effects(measuredBy id: String) -> [ExpectedEffect] {
    effects.filter { $0.indicators.contains(id) }
  }
}
