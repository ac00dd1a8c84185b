import Testing

@testable import Reports

@Suite("Labels that never overlap")
struct LabelLayoutTests {
  static let longFrenchNames = [
    "Accompagnement scolaire en hôtel social – Clermont-Ferrand",
    "Conseils régionaux des personnes accompagnées – Île-de-France",
    "Tiers-lieu Kaz Ansanm – Saint-Denis de La Réunion",
    "Halte-garderie à vocation d'insertion professionnelle des parents isolés – Mulhouse et communes environnantes du Haut-Rhin",
    "Épicerie",
    "Anticonstitutionnellementanticonstitutionnellementanticonstitutionnellement",
    "",
  ]

  @Test("wrapped rows of long French names never overlap and stay in their column")
  func rowsDoNotOverlap() {
    let layout = RowLayout(labels: Self.longFrenchNames, top: 20, labelWidth: 180, fontSize: 11, maxLines: 3)
    let boxes = layout.rows.map { $0.labelBox(x: 0, width: 180, lineHeight: layout.lineHeight) }
    for (index, box) in boxes.enumerated() {
      for other in boxes[(index + 1)...] { #expect(!box.overlaps(other)) }
    }
    for row in layout.rows {
      for line in row.lines { #expect(TextMeasure.width(line, fontSize: 11) <= 180) }
      #expect(row.lines.count <= 3)
    }
  }

  @Test("a name too long for its lines is shortened with an ellipsis and flagged for a tooltip")
  func truncationIsFlagged() {
    let wrapped = TextMeasure.wrap(Self.longFrenchNames[3], maxWidth: 120, fontSize: 11, maxLines: 2)
    #expect(wrapped.truncated)
    #expect(wrapped.lines.count == 2)
    #expect(wrapped.lines[1].hasSuffix("…"))
    let short = TextMeasure.wrap("Épicerie", maxWidth: 120, fontSize: 11, maxLines: 2)
    #expect(!short.truncated)
    #expect(short.lines == ["Épicerie"])
  }

  @Test("a word wider than the column is cut into pieces that fit")
  func longWord() {
    let wrapped = TextMeasure.wrap(Self.longFrenchNames[5], maxWidth: 100, fontSize: 11, maxLines: 10)
    #expect(wrapped.lines.count > 1)
    for line in wrapped.lines { #expect(TextMeasure.width(line, fontSize: 11) <= 100) }
  }

  @Test("point labels placed by the placer never overlap each other and stay inside the plot")
  func placedLabelsDoNotOverlap() {
    var placer = LabelPlacer(bounds: Box(x: 0, y: 0, width: 300, height: 200))
    var placed: [Box] = []
    // 60 points crowded into a corner: some labels must be dropped rather than overlap.
    for index in 0..<60 {
      let x = 20 + Double(index % 8) * 6
      let y = 30 + Double(index / 8) * 5
      if let box = placer.place(x: x, y: y, distance: 4, width: 14, height: 11) { placed.append(box) }
    }
    #expect(!placed.isEmpty)
    for (index, box) in placed.enumerated() {
      #expect(Box(x: 0, y: 0, width: 300, height: 200).contains(box))
      for other in placed[(index + 1)...] { #expect(!box.overlaps(other)) }
    }
  }
}
