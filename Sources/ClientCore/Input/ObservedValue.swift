import Analytics

/// A number as people type it on the command line (an observed value, a rating): `33.5`,
/// `33,5`, `1 250`, `-4`.
enum ObservedValue {
  /// The number `text` writes, through the shared ``DecimalText`` reader; a text that is no
  /// number, or whose meaning is unclear (`1,234`), is refused with exit 65, naming the text.
  static func parse(_ text: String) throws -> Double {
    do {
      return try DecimalText.parse(text)
    } catch {
      switch error.reason {
      case .ambiguous:
        let readings = error.readings
        throw CommandFailure(
          .invalidInput,
          .l("observe.value.ambiguous", ["value": text, "grouped": readings.grouped, "decimal": readings.decimal]))
      default:
        throw CommandFailure(.invalidInput, .l("observe.value.invalid", ["value": text]))
      }
    }
  }
}
