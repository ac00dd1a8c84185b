import ArgumentParser
import Localization

/// The language of everything `impact` prints for people: labels, numbers, messages.
enum DisplayLanguage: String, CaseIterable, Sendable, ExpressibleByArgument {
  case en
  case fr

  /// The texts of this language, from its catalogue.
  var localizer: Localizer { Localizer(self == .fr ? .fr : .en) }
}
