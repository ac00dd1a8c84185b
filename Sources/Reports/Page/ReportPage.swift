internal import Localization

/// Wraps a report's body into a self-contained HTML page: head with the inline stylesheet,
/// header, table of contents, and the footer with the revision, the scheme and the digest.
enum ReportPage {
  static func html(identity: ReportIdentity, digest: String, writer: HTMLWriter, context: ReportContext) -> String {
    let l = context.l
    let when = ReportDates.long(identity.generatedAt, context: context)
    var facts: [String] = []
    if !identity.selection.isEmpty { facts.append(l("report.identity.selection", ["selection": identity.selection])) }
    if let snapshot = identity.snapshot { facts.append(l("report.identity.snapshot", ["snapshot": snapshot])) }
    facts.append(l("report.identity.revision", ["revision": String(identity.revision)]))
    facts.append(l("report.identity.scheme", ["scheme": identity.schemeID]))
    facts.append(l("report.identity.generated", ["date": when]))
    let identityLine = facts.joined(separator: " · ")
    let printIdentity =
      "\(identity.title) · " + l("report.identity.revision", ["revision": String(identity.revision)])
      + " · " + identity.schemeID
    var html = "<!DOCTYPE html>\n<html lang=\"\(context.language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
    html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    html += "<meta name=\"generator\" content=\"impact report\">\n"
    html +=
      "<title>\(HTMLText.escape(identity.title)) — \(HTMLText.escape(l("report.identity.revision", ["revision": String(identity.revision)])))</title>\n"
    html +=
      "<style>\n\(ReportStyle.css(identity: printIdentity, pageLabel: l("report.page")))\n</style>\n</head>\n<body>\n"
    html +=
      "<header><h1>\(HTMLText.escape(identity.title))</h1><p class=\"identity\">\(HTMLText.escape(identityLine))</p></header>\n"
    if writer.contents.count > 2 {
      html +=
        "<nav aria-label=\"\(HTMLText.escape(l("report.contents")))\"><strong>\(HTMLText.escape(l("report.contents")))</strong><ol>"
      for entry in writer.contents { html += "<li><a href=\"#\(entry.id)\">\(HTMLText.escape(entry.title))</a></li>" }
      html += "</ol></nav>\n"
    }
    html += "<main>\n" + writer.parts.joined(separator: "\n") + "\n</main>\n"
    html +=
      "<footer><p>\(HTMLText.escape(identityLine))</p><p>\(HTMLText.escape(l("report.footer.digest", ["digest": digest])))</p><p>\(HTMLText.escape(l("report.footer.made_by")))</p></footer>\n"
    html += "</body>\n</html>\n"
    return html
  }
}

/// Dates as the reader writes them: `28 novembre 2026, 12:46 UTC`, `28 November 2026, 12:46 UTC`.
public enum ReportDates {
  /// `iso` (`2026-11-28T12:46:02Z`) in words; the text itself when it is not such a date.
  public static func long(_ iso: String, context: ReportContext) -> String {
    let characters = Array(iso)
    guard characters.count >= 16, let year = Int(String(characters[0..<4])), let month = Int(String(characters[5..<7])),
      let day = Int(String(characters[8..<10])), (1...12).contains(month)
    else { return iso }
    let time = String(characters[11..<16])
    let monthName = context.l("report.month.\(month)")
    return context.l("report.date", ["day": String(day), "month": monthName, "year": String(year), "time": time])
  }
}
