import Analytics
import ImpactAPI

/// The projects of a local JSON `impact-portfolio/1` document, as messages (for `whatif
/// --add` and `--replace`). Read locally so that errors name the file and JSON path.
enum PortfolioDocumentFile {
  static func projects(_ path: String) throws(CommandFailure) -> [Impact_V1_Project] {
    let data = try LocalFile.data(path)
    do {
      let document = try PortfolioJSON.decode(data, source: path)
      return document.projects.map { Impact_V1_Project($0) }
    } catch {
      throw CommandFailure(.invalidInput, "\(error)")
    }
  }
}
