/// Where the texts of a score explanation are in the catalogues.
///
/// The daemon names each step of an explanation, its note, its word-valued inputs and its words
/// in stable terms (`outcome.scale`, `depth_class`, `reach`, `impact_class.harm`; see
/// `impact.v1.ExplanationStep`); the CLI words them from these keys in the reader's language.
public enum ExplanationKeys {
  /// What a step computes (`outcome {outcome}: scale S`).
  public static func quantity(_ step: String) -> String { "explain.step.\(step).quantity" }

  /// The formula of a step, words translated, symbols as they are.
  public static func formula(_ step: String) -> String { "explain.step.\(step).formula" }

  /// A note (`depth class {class}`).
  public static func note(_ note: String) -> String { "explain.note.\(note)" }

  /// An input's name that is a word (`reach`, `share({id})`).
  public static func input(_ input: String) -> String { "explain.input.\(input)" }

  /// A word value: the label tables use (`enum.depth_class.moderate`) when there is one, so that
  /// a class reads the same everywhere, else `explain.word.<key>` (`yes`, `nature.mitigation`).
  public static func word(_ word: String) -> String {
    let label = "enum.\(word)"
    return known(label) ? label : "explain.word.\(word)"
  }

  /// Whether the catalogues have `key` (English is the reference: both have the same keys).
  public static func known(_ key: String) -> Bool {
    Catalogue.entries(.en)[key] != nil
  }
}
