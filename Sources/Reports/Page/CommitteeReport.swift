public import Localization

/// The meeting pack: the portfolio pack, a sheet per candidate, the what-if of funding every
/// candidate, and the changes since the last committee when there is history.
public enum CommitteeReport {
  public static func render(_ input: CommitteeReportInput, language: Language) -> RenderedReport {
    let context = ReportContext(language: language)
    var digestInput = input
    digestInput.portfolio.identity.generatedAt = ""
    let digest = RenderedReport.digest(of: digestInput)
    var writer = HTMLWriter(context: context)
    let l = context.l
    let scheme = input.portfolio.scheme
    if let fundingAll = input.fundingAll {
      writer.section("decision", l("report.committee.decision"))
      writer.paragraph(
        l("report.committee.candidates", ["names": input.candidates.map(\.project.name).joined(separator: " · ")]))
      ProjectSheet.writeWhatIf(fundingAll, scheme: scheme, into: &writer, caption: l("report.committee.fund_all"))
    }
    PortfolioReport.write(input.portfolio, into: &writer, idPrefix: "")
    for (index, candidate) in input.candidates.enumerated() {
      ProjectSheet.write(candidate, scheme: scheme, into: &writer, idPrefix: "c\(index + 1)-", pageBreak: true)
    }
    if !input.impactMaps.isEmpty {
      writer.section("impact-maps", l("report.committee.impact_maps"), pageBreak: true)
      writer.paragraph(l("report.committee.impact_maps.note"), className: "note")
      for map in input.impactMaps { writeMap(map, into: &writer, l: l) }
    }
    let html = ReportPage.html(identity: input.portfolio.identity, digest: digest, writer: writer, context: context)
    let data = RenderedReport.dataJSON(
      kind: "committee", identity: input.portfolio.identity, digest: digest, charts: writer.charts, context: context)
    return RenderedReport(html: html, dataJSON: data, inputsDigest: digest)
  }

  /// A programme's theory of change: one column per stage, left to right, then the
  /// assumptions and the common impacts.
  private static func writeMap(_ map: ReportImpactMap, into writer: inout HTMLWriter, l: Localizer) {
    var html =
      "<div class=\"toc-map\"><h3>\(HTMLText.escape(l("framework.map.title", ["programme": map.programme])))</h3>"
    html += "<div class=\"toc-stages\">"
    for (index, stage) in map.stages.enumerated() {
      let arrow = index == 0 ? "" : "→ "
      // The impacts, long sentences with their stakeholders, take two columns.
      let wide = stage.kind == "impacts" ? " toc-wide" : ""
      html +=
        "<div class=\"toc-stage\(wide)\"><h4>\(arrow)\(HTMLText.escape(l("framework.map.stage.\(stage.kind)")))</h4><ul>"
      for item in stage.items { html += "<li>\(HTMLText.escape(item))</li>" }
      html += "</ul></div>"
    }
    html += "</div>"
    if !map.assumptions.isEmpty {
      html +=
        "<p class=\"toc-label\">\(HTMLText.escape(l("framework.map.stage.assumptions")))</p><ul class=\"toc-assumptions\">"
      for assumption in map.assumptions { html += "<li>\(HTMLText.escape(assumption))</li>" }
      html += "</ul>"
    }
    if !map.commonImpacts.isEmpty {
      html +=
        "<p class=\"note\">\(HTMLText.escape(l("framework.map.common", ["impacts": map.commonImpacts.joined(separator: ", ")])))</p>"
    }
    writer.raw(html + "</div>")
  }
}
