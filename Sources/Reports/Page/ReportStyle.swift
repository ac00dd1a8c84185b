/// The report's inline stylesheet: the system font stack (nothing is fetched), a layout for
/// screens, and print rules for A4 with the report's identity and page numbers on every page.
enum ReportStyle {
  /// `text` as a CSS string literal: quotes, backslashes and line breaks escaped, and `<`
  /// written as an escape so that no text can close the `<style>` element.
  static func cssString(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "<": result += "\\3C "
      case "\n", "\r": result += " "
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }

  static func css(identity: String, pageLabel: String) -> String {
    """
    :root{--ink:#222;--muted:#555;--line:#ddd;--accent:#0072B2;--warn:#D55E00}
    *{box-sizing:border-box}
    html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue","Noto Sans","Liberation Sans",Arial,sans-serif;color:var(--ink);background:#fff;font-size:15px;line-height:1.45}
    body{margin:0 auto;max-width:1000px;padding:24px 28px}
    h1{font-size:1.8rem;margin:0 0 .2rem}
    h2{font-size:1.35rem;margin:2.2rem 0 .6rem;padding-bottom:.25rem;border-bottom:2px solid var(--accent)}
    h3{font-size:1.05rem;margin:0 0 .2rem}
    .identity{color:var(--muted);margin:0 0 1rem}
    nav ol{columns:2;padding-left:1.2rem;margin:.4rem 0 1rem}
    a{color:var(--accent)}
    .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:10px;margin:.8rem 0}
    .card{border:1px solid var(--line);border-radius:6px;padding:8px 10px;break-inside:avoid}
    .card .label{color:var(--muted);font-size:.85rem}
    .card .value{font-size:1.35rem;font-weight:600;font-variant-numeric:tabular-nums}
    .card .change{font-size:.85rem;color:var(--muted)}
    figure.chart-block{margin:1.2rem 0 1.6rem;break-inside:avoid;page-break-inside:avoid}
    figure.chart-block svg{display:block;max-width:100%;height:auto}
    figcaption p{margin:.1rem 0 .5rem;color:var(--muted)}
    .note{color:var(--muted);font-style:italic;margin:.3rem 0}
    details{margin:.4rem 0}
    summary{cursor:pointer;color:var(--accent)}
    table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem;font-variant-numeric:tabular-nums}
    th,td{border-bottom:1px solid var(--line);padding:3px 8px;text-align:left;vertical-align:top;overflow-wrap:anywhere}
    td.n,th.n{text-align:right;white-space:nowrap}
    .flag{color:var(--warn);font-weight:600}
    .sheet{break-before:page;page-break-before:always}
    .toc-map{margin:1rem 0 1.6rem;break-inside:avoid;page-break-inside:avoid}
    .toc-stages{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:8px;margin:.4rem 0}
    .toc-stage{border:1px solid var(--line);border-top:3px solid var(--accent);border-radius:4px;padding:6px 8px;font-size:.88rem;overflow-wrap:break-word;hyphens:auto}
    .toc-stage h4{margin:0 0 .3rem;font-size:.9rem;color:var(--accent)}
    .toc-stage.toc-wide{grid-column:span 2}
    .toc-stage ul,.toc-assumptions{margin:0;padding-left:1.1rem}
    .toc-stage li{margin:.15rem 0}
    .toc-label{margin:.5rem 0 .1rem;font-weight:600;font-size:.9rem}
    .toc-assumptions{font-size:.88rem;color:var(--muted)}
    footer{margin-top:2.5rem;padding-top:.6rem;border-top:1px solid var(--line);color:var(--muted);font-size:.8rem;overflow-wrap:anywhere}
    .print-only{display:none}
    @page{size:A4;margin:16mm 12mm 16mm 12mm;
      @top-left{content:\(cssString(identity));font-size:8pt;color:#555}
      @bottom-right{content:\(cssString(pageLabel)) " " counter(page) " / " counter(pages);font-size:8pt;color:#555}}
    @media print{
      html{font-size:10.5pt}
      body{max-width:none;padding:0}
      nav,details>summary{display:none}
      a{color:inherit;text-decoration:none}
      h2{break-after:avoid;page-break-after:avoid}
      figure.chart-block svg{width:auto;max-width:100%;max-height:225mm}
      .cards{grid-template-columns:repeat(4,1fr)}
      .toc-stages{grid-template-columns:repeat(auto-fit,minmax(105px,1fr));gap:5px}
      .toc-stage{font-size:.74rem;padding:4px 5px}
      .toc-stage ul{padding-left:.8rem}
    }
    """
  }
}
