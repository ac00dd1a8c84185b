/// Lays tables out for people in aligned columns that fit a line width.
///
/// Widths are counted in terminal columns (``DisplayWidth``), not characters or bytes. When a
/// table is wider than `maximumWidth`, it is narrowed in three steps, each widest column first,
/// until it fits: headers wrap onto several lines; then the columns whose values may wrap
/// (`truncatable`) narrow down to about their longest word; then one space separates columns
/// instead of two; then ids, and after them any text column, narrow further. Narrowed text wraps onto continuation lines, at spaces and after `-`, `/` or `_`:
/// nothing is cut, so a project's name or id is always read whole. Numbers never wrap, and the
/// first column of a key–value list keeps its width. A table marked
/// ``Table/blocksWhenNarrow`` that cannot fit even so is printed as one key–value block per
/// column after the first instead (`impact compare` of several projects on a narrow terminal);
/// any other table whose numbers alone are too wide, as one key–value block per row.
struct TextTableLayout: Sendable {
  /// The line width to fit; nil lays every column out at its full width (`--wide`).
  var maximumWidth: Int? = TerminalWidth.fallback
  var gap = "  "
  var boldHeaders = false

  /// The narrowest a text column becomes before the table is left wider than the line.
  static let narrowestText = 6
  /// Longer words do not hold a wrapping column open in the first narrowing steps.
  static let longestKeptWord = 14
  /// A table with at most this many rows that would break words is printed as blocks.
  static let mostRowsAsBlocks = 12

  /// The table as lines of text; its values are escaped first (``TerminalText``), so that
  /// no stored text can send a terminal control sequence or be cut in the middle of one.
  func render(_ table: Table) -> String {
    let table = table.escapedForTerminal
    if table.blocksWhenNarrow, table.columns.count > 1, !fits(table) { return renderBlocks(table) }
    var lines: [String] = []
    if let title = table.title { lines += Self.wrap(title, width: maximumWidth ?? Int.max).map(bold) }
    guard !table.columns.isEmpty else { return lines.joined(separator: "\n") }
    let plan = plan(for: table)
    if let maximumWidth, table.showsHeader, table.columns.count > 1,
      lineWidth(plan.widths, gap: plan.gap) > maximumWidth
        || (table.rows.count <= Self.mostRowsAsBlocks && breaksWords(table, plan.widths))
    {
      // Numbers and their headers alone are wider than the line, or a short table would
      // break its words: one block per row reads better.
      return (lines + [renderRowBlocks(table)]).joined(separator: "\n")
    }
    if table.showsHeader {
      lines += layOut(table.columns.map(\.header), plan: plan, columns: table.columns).map(bold)
    }
    for row in table.rows {
      lines += layOut(row.map(\.display), plan: plan, columns: table.columns)
    }
    return lines.joined(separator: "\n")
  }

  /// Whether `table` fits `maximumWidth` with its columns narrowed as far as they may be (a
  /// table that turns into blocks when narrow does not break its words to fit).
  func fits(_ table: Table) -> Bool {
    guard let maximumWidth else { return true }
    let plan = plan(for: table)
    return lineWidth(plan.widths, gap: plan.gap) <= maximumWidth
  }

  /// The widths of a table's columns and the space between them.
  struct Plan: Sendable {
    var widths: [Int]
    var gap: String
  }

  /// How far `widths(for:gap:narrowing:)` narrows a table.
  enum Narrowing: Sendable { case headers, values, words }

  /// How `table` is laid out: the least narrowing that fits, two spaces between columns
  /// before one (values stay on one line with one space rather than wrap with two); when
  /// values must wrap, the spacing that takes fewer lines; words break only as a last resort.
  func plan(for table: Table) -> Plan {
    guard let maximumWidth else { return Plan(widths: widths(for: table, gap: gap, narrowing: .headers), gap: gap) }
    for candidate in [gap, " "] {
      let widths = widths(for: table, gap: candidate, narrowing: .headers)
      if lineWidth(widths, gap: candidate) <= maximumWidth { return Plan(widths: widths, gap: candidate) }
    }
    // Values wrap: of two spaces and one, the layout with fewer lines.
    let wrapped = [gap, " "].map { Plan(widths: widths(for: table, gap: $0, narrowing: .values), gap: $0) }
      .filter { lineWidth($0.widths, gap: $0.gap) <= maximumWidth }
    if let best = wrapped.min(by: { lineCount(table, $0.widths) < lineCount(table, $1.widths) }) { return best }
    return Plan(widths: widths(for: table, gap: " ", narrowing: table.blocksWhenNarrow ? .values : .words), gap: " ")
  }

  /// The width of each column: the widest of its header and values, narrowed as the type's
  /// comment says when the table is wider than `maximumWidth`.
  func widths(for table: Table, gap: String, narrowing: Narrowing) -> [Int] {
    let columns = table.columns
    let headers = table.showsHeader ? columns.map(\.header) : columns.map { _ in "" }
    let values = columns.indices.map { column in
      table.rows.map { column < $0.count ? $0[column].display : "" }
    }
    let widestValue = values.map { $0.map(Self.width).max() ?? 0 }
    var widths = columns.indices.map { max(Self.width(headers[$0]), widestValue[$0]) }
    guard let maximumWidth, lineWidth(widths, gap: gap) > maximumWidth else { return widths }
    let isKey = { (column: Int) in !table.showsHeader && column == 0 }

    let wrappedHeaders = columns.indices.map { column in
      isKey(column) ? widths[column] : max(Self.longestWord(headers[column]), widestValue[column])
    }
    narrow(&widths, to: wrappedHeaders, within: maximumWidth, gap: gap)
    guard narrowing != .headers else { return widths }

    let wrappedValues = columns.indices.map { column in
      // Ids wrap at their hyphens as names wrap at their spaces: neither is cut, and a long id
      // does not leave its name a sliver.
      let wraps = columns[column].truncatable || columns[column].alignment == .left
      guard wraps, !isKey(column) else { return wrappedHeaders[column] }
      let word = min(values[column].map(Self.longestWord).max() ?? 0, Self.longestKeptWord)
      return min(widths[column], max(Self.longestWord(headers[column]), word, Self.narrowestText))
    }
    if table.firstColumnNamesRows, !widths.isEmpty {
      // The names of the rows (compare's figures) wrap only once the other columns are narrow.
      var rowNamesWhole = wrappedValues
      rowNamesWhole[0] = widths[0]
      narrow(&widths, to: rowNamesWhole, within: maximumWidth, gap: gap)
    }
    narrow(&widths, to: wrappedValues, within: maximumWidth, gap: gap)
    guard narrowing == .words else { return widths }

    let narrowest = columns.indices.map { column in
      let isNumber = columns[column].alignment == .right && !columns[column].truncatable
      guard !isKey(column), !isNumber else { return wrappedValues[column] }
      let widestNumber = values[column].filter(Self.isNumber).map(Self.width).max() ?? 0
      return min(wrappedValues[column], max(Self.narrowestText, widestNumber))
    }
    // Ids and codes give way before the names and labels people read.
    let identifiersFirst = columns.indices.map { column in
      columns[column].truncatable ? widths[column] : max(narrowest[column], min(widths[column], Self.narrowestText + 2))
    }
    narrow(&widths, to: identifiersFirst, within: maximumWidth, gap: gap)
    narrow(&widths, to: narrowest, within: maximumWidth, gap: gap)
    return widths
  }

  /// Takes one column at a time from the widest column still above its floor.
  private func narrow(_ widths: inout [Int], to floors: [Int], within maximumWidth: Int, gap: String) {
    while lineWidth(widths, gap: gap) > maximumWidth {
      let candidates = widths.indices.filter { widths[$0] > floors[$0] }
      guard let widest = candidates.max(by: { widths[$0] < widths[$1] }) else { return }
      widths[widest] -= 1
    }
  }

  private func lineWidth(_ widths: [Int], gap: String) -> Int {
    widths.reduce(0, +) + DisplayWidth.of(gap) * max(0, widths.count - 1)
  }

  /// One row as lines: each cell wrapped to its column, the row as tall as its tallest cell.
  private func layOut(_ cells: [String], plan: Plan, columns: [Table.Column]) -> [String] {
    let widths = plan.widths
    let wrapped = widths.indices.map { Self.wrap($0 < cells.count ? cells[$0] : "", width: widths[$0]) }
    let height = wrapped.map(\.count).max() ?? 1
    return (0..<height).map { lineIndex in
      let parts = widths.indices.map { column -> String in
        let text = lineIndex < wrapped[column].count ? wrapped[column][lineIndex] : ""
        let padding = String(repeating: " ", count: max(0, widths[column] - DisplayWidth.of(text)))
        return columns[column].alignment == .right ? padding + text : text + padding
      }
      var line = parts.joined(separator: plan.gap)
      while line.hasSuffix(" ") { line.removeLast() }
      return line
    }
  }

  /// Every column after the first as a key–value list under its header, the first column's
  /// values naming the rows.
  private func renderBlocks(_ table: Table) -> String {
    var parts: [String] = []
    if let title = table.title { parts.append(bold(title)) }
    for column in table.columns.indices.dropFirst() {
      var block = Table(
        title: table.columns[column].header, columns: [.text("field"), .text("value", truncatable: true)])
      block.showsHeader = false
      block.rows = table.rows.map { row in [row.first ?? "", column < row.count ? row[column] : ""] }
      parts.append(render(block))
    }
    return parts.joined(separator: "\n\n")
  }

  /// How many lines the rows of `table` take at these widths.
  private func lineCount(_ table: Table, _ widths: [Int]) -> Int {
    table.rows.reduce(0) { total, row in
      total + (zip(row, widths).map { Self.wrap($0.display, width: $1).count }.max() ?? 1)
    }
  }

  /// Whether some header or value of `table` has a word wider than its column.
  private func breaksWords(_ table: Table, _ widths: [Int]) -> Bool {
    let rows = [table.columns.map(\.header)] + table.rows.map { $0.map(\.display) }
    return rows.contains { row in
      zip(row, widths).contains { text, width in Self.longestWord(text) > width }
    }
  }

  /// Each row as a key–value list under its first value, the headers naming the values.
  private func renderRowBlocks(_ table: Table) -> String {
    table.rows.map { row in
      var block = Table(
        title: row.first?.display, columns: [.text("field"), .text("value", truncatable: true)])
      block.showsHeader = false
      block.rows = table.columns.indices.dropFirst().map { column in
        [Cell(table.columns[column].header), column < row.count ? row[column] : ""]
      }
      return render(block)
    }.joined(separator: "\n\n")
  }

  private func bold(_ line: String) -> String {
    boldHeaders ? "\u{1B}[1m\(line)\u{1B}[0m" : line
  }

  /// The widest line of `text`, in terminal columns.
  static func width(_ text: String) -> Int {
    text.split(separator: "\n", omittingEmptySubsequences: false).map(DisplayWidth.of).max() ?? 0
  }

  /// Whether `text` is a number as ``NumberStyle`` writes it, which is never broken across
  /// lines: `1,234.5`, `-12,5 %`, `–`.
  static func isNumber(_ text: String) -> Bool {
    !text.isEmpty && text.contains(where: \.isNumber)
      && text.allSatisfy { $0.isNumber || ",. %+-–∞\u{00A0}\u{202F}".contains($0) }
  }

  /// The widest piece `wrap` never breaks unless it must.
  static func longestWord(_ text: String) -> Int {
    pieces(text).map { DisplayWidth.of($0.trimmingTrailingSpaces) }.max() ?? 0
  }

  /// `text` in lines of at most `width` columns, broken at spaces and after `-`, `/` and `_`;
  /// a piece wider than the line is broken where the line ends.
  static func wrap(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [text] }
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      guard DisplayWidth.of(paragraph) > width else {
        lines.append(String(paragraph))
        continue
      }
      var line = ""
      var used = 0
      func endLine() {
        lines.append(line.trimmingTrailingSpaces)
        line = ""
        used = 0
      }
      // Words go whole onto the next line; only a word wider than the line breaks, after a
      // `-`, `/` or `_` when it has one, else where the line ends.
      func place(_ piece: Substring, breaking: Set<Character>?) {
        let visible = DisplayWidth.of(piece.trimmingTrailingSpaces)
        if used + visible <= width {
          line += piece
          used += DisplayWidth.of(piece)
          return
        }
        if used > 0 { endLine() }
        if visible <= width {
          line = String(piece)
          used = DisplayWidth.of(piece)
          return
        }
        if let breaking {
          for part in pieces(piece, after: breaking) { place(part, breaking: nil) }
          return
        }
        for character in piece {
          let characterWidth = DisplayWidth.of(character)
          if used + characterWidth > width, used > 0, character != " " { endLine() }
          line.append(character)
          used += characterWidth
        }
      }
      for word in pieces(paragraph, after: [" "]) { place(word, breaking: ["-", "/", "_"]) }
      if !line.trimmingTrailingSpaces.isEmpty { endLine() }
    }
    return lines.isEmpty ? [""] : lines
  }

  /// `text` cut after each of `breaks` (by default a space, `-`, `/` and `_`: the places a
  /// line may end) that is followed by something other than a space.
  static func pieces(_ text: some StringProtocol, after breaks: Set<Character> = [" ", "-", "/", "_"]) -> [Substring] {
    let text = Substring(text)
    var pieces: [Substring] = []
    var start = text.startIndex
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      index = text.index(after: index)
      // French puts a space before `:`, `;`, `%`, `»`... and after `«`: never a line end.
      let keepsTogether =
        index < text.endIndex && character == " " && ":;!?%»".contains(text[index]) || character == "«"
      if breaks.contains(character), index < text.endIndex, text[index] != " ", !keepsTogether {
        pieces.append(text[start..<index])
        start = index
      }
    }
    if start < text.endIndex { pieces.append(text[start...]) }
    return pieces
  }
}

extension StringProtocol {
  fileprivate var trimmingTrailingSpaces: String {
    var text = String(self)
    while text.hasSuffix(" ") { text.removeLast() }
    return text
  }
}
