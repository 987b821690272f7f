package org.proposalhandling.letter;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays a letter out on the grid of GB/T 9704-2012: the mark top right, the title centred, the document
 * number under it, the addressee flush left, the body with two-character indents, the issuing unit and the
 * date at the right (the 附件说明 between them), the 附注 under the date, the contacts at the foot of the last page, the page numbers.
 */
final class LetterLayout {

  /** What the grid adds after each 3号 glyph (a negative amount: 28 of 16 pt are a little wider than 156 mm). */
  private static final float GRID_SPACING = TypeArea.CHARACTER_PITCH - TypeArea.TYPE_SIZE;
  private static final float INDENT = 2 * TypeArea.CHARACTER_PITCH;

  private final LetterFonts fonts;
  private final LineBreaker body = new LineBreaker(GRID_SPACING);
  private final LineBreaker title = new LineBreaker(0);

  LetterLayout(LetterFonts fonts) {
    this.fonts = fonts;
  }

  LaidOutLetter lay(ReplyLetter letter) {
    List<Row> rows = new ArrayList<>();
    if (present(letter.category())) {
      List<Glyph> mark = fonts.glyphs(letter.category().strip(), Style.MARK);
      rows.add(new Row(TypeArea.LEFT + TypeArea.WIDTH - body.width(mark) + GRID_SPACING, GRID_SPACING, mark,
          false, false));
      rows.add(Row.blank(false));
    }
    titleRows(fonts.glyphs(letter.title().strip(), Style.TITLE), rows);
    if (present(letter.documentNumber())) {
      rows.add(centred(fonts.glyphs(letter.documentNumber().strip(), Style.BODY), GRID_SPACING));
    }
    rows.add(Row.blank(false));
    paragraph(List.of(new Run(addressee(letter.addressee()), Style.BODY)), 0, rows);
    Paragraphs.of(letter.body()).forEach(paragraph -> paragraph(paragraph, INDENT, rows));
    attachments(letter, rows);
    signature(letter, rows);
    Pagination pagination = new Pagination(rows);
    List<PlacedLine> lines = new ArrayList<>(pagination.lines());
    for (int page = 0; page < pagination.pages(); page++) {
      lines.add(pageNumber(page));
    }
    return new LaidOutLetter(pagination.pages(), lines);
  }

  /** 2号 title lines of about equal length (梯形 or 菱形 rather than a long line and a stub). */
  private void titleRows(List<Glyph> glyphs, List<Row> rows) {
    List<List<Glyph>> lines = title.lines(glyphs, TypeArea.WIDTH, TypeArea.WIDTH);
    float width = title.width(glyphs) / lines.size();
    List<List<Glyph>> balanced = title.lines(glyphs, width, width);
    while (balanced.size() > lines.size()) {
      width += 1;
      balanced = title.lines(glyphs, width, width);
    }
    balanced.forEach(line -> rows.add(centred(line, 0)));
  }

  private void paragraph(List<Run> runs, float indent, List<Row> rows) {
    List<Glyph> glyphs = new ArrayList<>();
    runs.forEach(run -> glyphs.addAll(fonts.glyphs(run.text(), run.style())));
    List<List<Glyph>> lines = body.lines(glyphs, TypeArea.WIDTH - indent, TypeArea.WIDTH);
    for (int i = 0; i < lines.size(); i++) {
      List<Glyph> line = lines.get(i);
      float x = TypeArea.LEFT + (i == 0 ? indent : 0);
      boolean last = i == lines.size() - 1;
      rows.add(new Row(x, last ? GRID_SPACING : justified(line, TypeArea.LEFT + TypeArea.WIDTH - x), line, false, false));
    }
  }

  /** The spacing that makes {@code line} end exactly at the right edge of the type area (撑满版心). */
  private float justified(List<Glyph> line, float width) {
    if (line.size() < 2) {
      return GRID_SPACING;
    }
    float advances = body.width(line) - line.size() * GRID_SPACING;
    return (width - advances) / (line.size() - 1);
  }

  /**
   * 附件说明 (GB/T 9704-2012 7.3.5.3): a blank line under the body, then two characters in "附件：" and the
   * attachments' names, numbered 1. 2. when there are several, each under the first's number, without a full
   * stop; a turned line aligned with the first character of its name. Kept on the page of the body's last line.
   */
  private void attachments(ReplyLetter letter, List<Row> rows) {
    if (letter.attachments().isEmpty()) {
      return;
    }
    List<Glyph> label = fonts.glyphs("附件：", Style.BODY);
    float labelX = TypeArea.LEFT + INDENT;
    float numberX = labelX + body.width(label);
    float right = TypeArea.LEFT + TypeArea.WIDTH;
    rows.add(Row.blank(true));
    List<String> names = letter.attachments();
    for (int i = 0; i < names.size(); i++) {
      List<Glyph> number = names.size() > 1 ? fonts.glyphs((i + 1) + ".", Style.BODY) : List.of();
      float nameX = numberX + body.width(number);
      List<List<Glyph>> lines = body.lines(fonts.glyphs(names.get(i).strip(), Style.BODY), right - nameX, right - nameX);
      for (int line = 0; line < lines.size(); line++) {
        List<Glyph> glyphs = new ArrayList<>(line == 0 && i == 0 ? label : List.of());
        if (line == 0) {
          glyphs.addAll(number);
        }
        glyphs.addAll(lines.get(line));
        float x = line > 0 ? nameX : i == 0 ? labelX : numberX;
        rows.add(new Row(x, GRID_SPACING, glyphs, true, false));
      }
    }
  }

  /**
   * 正文下空一行 the issuing unit, right-indented two characters, the date under it two characters further
   * in (or, when the date is the longer, the date right-indented two characters and the unit two characters
   * left of it); the 附注 under the date, indented two characters; the contacts at the foot. All of it stays
   * on one page with the last line of the body.
   */
  private void signature(ReplyLetter letter, List<Row> rows) {
    List<Glyph> unit = fonts.glyphs(letter.issuingUnit().strip(), Style.BODY);
    List<Glyph> date = fonts.glyphs(letter.date().getYear() + "年" + letter.date().getMonthValue() + "月"
        + letter.date().getDayOfMonth() + "日", Style.BODY);
    float right = TypeArea.LEFT + TypeArea.WIDTH - INDENT;
    float unitWidth = body.width(unit) - GRID_SPACING;
    float dateWidth = body.width(date) - GRID_SPACING;
    float unitX = dateWidth > unitWidth ? right - dateWidth - INDENT : right - unitWidth;
    rows.add(Row.blank(true));
    rows.add(new Row(unitX, GRID_SPACING, unit, true, false));
    rows.add(new Row(unitX + INDENT, GRID_SPACING, date, true, false));
    if (present(letter.disclosure())) {
      rows.add(new Row(TypeArea.LEFT + INDENT, GRID_SPACING,
          fonts.glyphs("（" + letter.disclosure().strip() + "）", Style.BODY), true, false));
    }
    List<String> contacts = new ArrayList<>();
    addContact(contacts, "负责人：", letter.responsibleOfficial());
    addContact(contacts, "承办人：", letter.handler());
    addContact(contacts, "联系电话：", letter.phone());
    if (!contacts.isEmpty()) {
      rows.add(Row.blank(true));
    }
    for (String contact : contacts) {
      List<Row> lines = new ArrayList<>();
      paragraph(List.of(new Run(contact, Style.BODY)), INDENT, lines);
      lines.forEach(line -> rows.add(line.kept(true)));
    }
    copies(letter, rows);
  }

  /**
   * 抄送 in the 版记 (GB/T 9704-2012 7.3.1): one character in from either edge of the type area, "抄送：" then the
   * names separated by full-width commas and closed by a full stop, a turned line aligned with the first name;
   * at the foot of the last page, below the contacts.
   */
  private void copies(ReplyLetter letter, List<Row> rows) {
    if (letter.copies().isEmpty()) {
      return;
    }
    List<Glyph> label = fonts.glyphs("抄送：", Style.BODY);
    List<Glyph> names = fonts.glyphs(String.join("，", letter.copies().stream().map(String::strip).toList()) + "。",
        Style.BODY);
    float labelX = TypeArea.LEFT + TypeArea.CHARACTER_PITCH;
    float namesX = labelX + body.width(label);
    float right = TypeArea.LEFT + TypeArea.WIDTH - TypeArea.CHARACTER_PITCH;
    List<List<Glyph>> lines = body.lines(names, right - namesX, right - namesX);
    for (int i = 0; i < lines.size(); i++) {
      List<Glyph> line = new ArrayList<>(i == 0 ? label : List.of());
      line.addAll(lines.get(i));
      float x = i == 0 ? labelX : namesX;
      boolean last = i == lines.size() - 1;
      rows.add(new Row(x, last ? GRID_SPACING : justified(line, right - x), line, true, true));
    }
  }

  private static void addContact(List<String> contacts, String label, String value) {
    if (present(value)) {
      contacts.add(label + value.strip());
    }
  }

  /**
   * "— 1 —" in 4号, its dashes 7 mm below the type area; odd pages right and even pages left, one character
   * in from the edge of the type area.
   */
  private PlacedLine pageNumber(int page) {
    List<Glyph> number = fonts.glyphs("— " + (page + 1) + " —", Style.PAGE_NUMBER);
    float size = Style.PAGE_NUMBER.size;
    float width = title.width(number);
    float x = page % 2 == 0 ? TypeArea.LEFT + TypeArea.WIDTH - size - width : TypeArea.LEFT + size;
    float dashAboveBaseline = (TypeArea.ASCENT - 0.5f) * size;
    return new PlacedLine(page, x, TypeArea.TOP + TypeArea.HEIGHT + TypeArea.PAGE_NUMBER_DROP + dashAboveBaseline, 0,
        number);
  }

  private Row centred(List<Glyph> line, float spacing) {
    float width = 0;
    for (Glyph glyph : line) {
      width += glyph.advance() + spacing;
    }
    return new Row(TypeArea.LEFT + (TypeArea.WIDTH - width + spacing) / 2, spacing, line, false, false);
  }

  private static String addressee(String addressee) {
    String name = addressee.strip().replaceAll("[:：]+$", "");
    return name + "：";
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
