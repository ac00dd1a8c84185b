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
    let html = ReportPage.html(identity: input.portfolio.identity, digest: digest, writer: writer, context: context)
    let data = RenderedReport.dataJSON(
      kind: "committee", identity: input.portfolio.identity, digest: digest, charts: writer.charts, context: context)
    return RenderedReport(html: html, dataJSON: data, inputsDigest: digest)
  }
}
