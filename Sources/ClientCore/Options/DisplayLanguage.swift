import ArgumentParser

/// The language of the labels of domains and criteria in human output.
enum DisplayLanguage: String, CaseIterable, Sendable, ExpressibleByArgument {
  case en
  case fr
}
