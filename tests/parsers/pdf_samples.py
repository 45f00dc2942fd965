"""PDFs made on the fly with fpdf2 for the PDF parser's tests and bench: what you
get back from each function is the path of a small PDF with one known feature.

Loaded by path (tests use importlib import mode): see `load()` in the test files.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import EncryptionMethod

LOREM = ("The working group will prepare joint guidance on the implementation of the plan and "
         "report on progress to the senior officials at their next meeting in the autumn. ")


class _Paged(FPDF):
    """A page with a running header and a "Page N of M" footer."""

    def header(self):
        self.set_font("helvetica", "", 8)
        self.cell(0, 6, "Draft workplan - for internal use", align="C")
        self.ln(10)

    def footer(self):
        self.set_y(-15)
        self.set_font("helvetica", "", 8)
        self.cell(0, 8, f"Page {self.page_no()} of {{nb}}", align="C")


def _new(cls=FPDF) -> FPDF:
    pdf = cls(format="A4")
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    pdf.set_font("helvetica", "", 11)
    return pdf


def long_table(path: Path, n_rows: int = 70) -> Path:
    """A ruled table of `n_rows` rows over three pages, header repeated on each."""
    pdf = _new(_Paged)
    pdf.set_font("helvetica", "B", 14)
    pdf.cell(0, 10, "Activities and schedule", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", "", 10)
    with pdf.table(col_widths=(20, 110, 50), repeat_headings=1, line_height=6) as table:
        row = table.row()
        for head in ("No.", "Activity", "Timeline"):
            row.cell(head)
        for i in range(1, n_rows + 1):
            row = table.row()
            row.cell(str(i))
            row.cell(f"Activity number {i} of the plan")
            row.cell(f"Q{i % 4 + 1} 2022")
    pdf.output(path)
    return path


def spans_and_unruled(path: Path) -> Path:
    """A ruled table with a row span and a column span, then a table with no rules."""
    pdf = _new()
    pdf.set_font("helvetica", "", 10)
    with pdf.table(col_widths=(50, 60, 60), line_height=6) as table:
        row = table.row()
        row.cell("Output")
        row.cell("Period", colspan=2)
        row = table.row()
        row.cell("Guidance note", rowspan=2)
        row.cell("Draft")
        row.cell("June")
        row = table.row()
        row.cell("Final")
        row.cell("July")
    pdf.ln(12)
    pdf.cell(0, 8, "Key events are listed below.", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    for quarter, event in (("Q1 2021", "UNEA-5.1, HRC 46"), ("Q2 2021", "HRC 47"),
                           ("Q3 2021", "HRC 48, HLPF"), ("Q4 2021", "UNFCCC COP26")):
        y = pdf.get_y()
        pdf.set_xy(20, y)
        pdf.cell(40, 6, quarter)
        pdf.set_xy(90, y)
        pdf.cell(80, 6, event)
        pdf.ln(6)
    pdf.output(path)
    return path


def prose(path: Path) -> Path:
    """Two pages of running text with a hyphenated line break, a heading, list
    items with hanging labels, a footnote, a running header and page numbers."""
    pdf = _new(_Paged)
    pdf.set_font("helvetica", "B", 16)
    pdf.cell(0, 10, "Joint work plan", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("helvetica", "", 11)
    # a paragraph whose first line ends with a word broken by hyphenation
    pdf.cell(0, 6, "The group agrees that the implemen-", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 6, "tation of the plan starts in May and that peer-", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 6, "review of the drafts is kept.", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    _hanging_items(pdf, (("a)", "Prepare the outline of the joint guidance note with the lead agencies "
                                "and circulate it to the members for comment"),
                         ("b)", "Hold the review meeting")), text_x=30, line_h=6)
    pdf.set_x(20)
    pdf.cell(8, 6, "-")
    pdf.set_x(30)
    pdf.cell(0, 6, "A bullet item", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.write(6, "Activities are funded by the members")
    pdf.char_vpos = "SUP"
    pdf.write(6, "1")
    pdf.char_vpos = "LINE"
    pdf.write(6, " as agreed.")
    pdf.ln(8)
    for _ in range(6):
        pdf.multi_cell(0, 6, LOREM * 2, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    pdf.add_page()
    pdf.multi_cell(0, 6, "Second page text. " + LOREM, new_x="LMARGIN", new_y="NEXT")
    pdf.page = 1  # the footnote goes at the foot of page 1
    pdf.set_draw_color(0)
    pdf.line(10, 250, 60, 250)
    pdf.set_xy(10, 252)
    pdf.set_font("helvetica", "", 6)
    pdf.cell(3, 4, "1")
    pdf.set_font("helvetica", "", 8)
    pdf.cell(0, 5, "Members contribute staff time and travel.")
    pdf.page = 2
    pdf.output(path)
    return path


def annotated(path: Path, drop_rect: bool = True) -> Path:
    """A page with a Text note, a Highlight over known words (QuadPoints), a FreeText
    box, and (drop_rect) one more Text note whose /Rect key is renamed away."""
    pdf = _new()
    when = dt.datetime(2021, 5, 4, 14, 12, tzinfo=dt.UTC)
    pdf.cell(0, 8, "Introduction to the plan", new_x="LMARGIN", new_y="NEXT")
    pdf.text_annotation(150, 20, "Please check the dates", title="Gita Parihar [HOTMAIL]",
                        modification_time=when)
    pdf.ln(4)
    with pdf.highlight("Is this the right lead?", title="Ana Ruiz [OHCHR]", modification_time=when):
        pdf.cell(0, 8, "Lead agency UNDP", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.cell(0, 8, "Timeline to be confirmed", new_x="LMARGIN", new_y="NEXT")
    pdf.free_text_annotation("Add Q3 here", x=120, y=40, w=40, h=10, title="Li Wei")
    pdf.text_annotation(150, 60, "Broken note without rect", title="No Rect")
    pdf.output(path)
    if drop_rect:
        data = path.read_bytes()
        # rename /Rect of the last Text annotation to /Rext: same length, so the
        # xref offsets stay right and only that key is missing
        idx = data.rfind(b"Broken note without rect")
        start = data.rfind(b"<<", 0, idx)
        end = data.find(b">>", idx)
        chunk = re.sub(rb"/Rect", b"/Rext", data[start:end])
        path.write_bytes(data[:start] + chunk + data[end:])
    return path


def encrypted(path: Path, user_password: str) -> Path:
    """A one-page PDF encrypted with `user_password` ("" opens without asking)."""
    pdf = _new()
    pdf.set_encryption(owner_password="owner-secret", user_password=user_password,
                       encryption_method=EncryptionMethod.AES_128)
    pdf.cell(0, 8, "Encrypted workplan text", new_x="LMARGIN", new_y="NEXT")
    pdf.output(path)
    return path


def image_only(path: Path) -> Path:
    """A page that holds only a picture (a scan): no text layer."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (400, 200), "white")
    ImageDraw.Draw(img).text((20, 80), "Scanned workplan", fill="black")
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.image(img, x=10, y=10, w=150)
    pdf.output(path)
    return path


def truncated(path: Path, source: Path) -> Path:
    """The first third of a real PDF's bytes."""
    data = source.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    return path


def _row(pdf: FPDF, xs: tuple[float, ...], widths: tuple[float, ...], texts: tuple[str, ...],
         line_h: float) -> None:
    """One table row with no rules: each text wrapped in its column, the row as
    tall as its tallest cell."""
    y = pdf.get_y()
    bottom = y
    for x, w, text in zip(xs, widths, texts, strict=True):
        pdf.set_xy(x, y)
        pdf.multi_cell(w, line_h, text, align="L", new_x="LMARGIN", new_y="NEXT")
        bottom = max(bottom, pdf.get_y())
    pdf.set_y(bottom)


def unruled_wrapped(path: Path) -> Path:
    """Prose that must stay prose ("Lead:" / "Partners:" set with tabs, a list with
    hanging labels), then a table with no rules whose cells wrap over several lines
    (a 2 mm gap between cell boxes: about Word's cell margins between two columns'
    text), with a "2022" heading over Q1..Q4, and a narrow first column where
    "environmentalisation" is cut without a hyphen."""
    pdf = _new()
    pdf.set_font("helvetica", "", 10)
    pdf.multi_cell(0, 5, "The group will work on the outputs listed below. " + LOREM,
                   new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    for key, value in (("Lead:", "UNDP"), ("Partners:", "FAO, WHO and UNEP")):
        y = pdf.get_y()
        pdf.set_xy(20, y)
        pdf.cell(30, 5, key)
        pdf.set_xy(60, y)
        pdf.cell(0, 5, value, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    _hanging_items(pdf, (("a)", "Prepare the outline of the joint guidance note with the lead agencies "
                                "and circulate it to the members for comment"),
                         ("b)", "Hold the review meeting with the members of the group")), text_x=32, line_h=5)
    pdf.ln(4)
    xs, widths = (20, 80, 130), (58, 48, 58)
    for texts in (("Output", "Timeframe", "Responsible"),
                  ("Guidance note on human rights in national adaptation plans", "Q1 - Q2 2022",
                   "UNDP and UNEP (to be confirmed)"),
                  ("Webinar", "June 2022", "OHCHR"),
                  ("Regional consultations with the country teams", "to be determined",
                   "Lead agency with the working group")):
        _row(pdf, xs, widths, texts, 5)
        pdf.ln(3)
    pdf.ln(3)
    pdf.multi_cell(0, 5, "The second table shows when the events take place.", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    xs, widths = (20, 47, 74, 101, 128), (25, 25, 25, 25, 25)
    for texts in (("Activity", "2022", "", "", ""), ("", "Q1", "Q2", "Q3", "Q4"),
                  ("Webinar on environmentalisation", "", "X", "X", ""),
                  ("Training of the coordinators", "", "", "", "X"),
                  ("Coordinations with teams", "X", "", "", "")):
        _row(pdf, xs, widths, texts, 5)
        pdf.ln(3)
    pdf.ln(3)
    pdf.multi_cell(0, 5, "Both tables are drafts.", new_x="LMARGIN", new_y="NEXT")
    pdf.output(path)
    return path


def _hanging_items(pdf, items, text_x: float, line_h: float) -> None:
    """Labelled items with a hanging indent: the label at x=20, the text wrapping at text_x."""
    for label, text in items:
        y = pdf.get_y()
        pdf.set_xy(20, y)
        pdf.cell(8, line_h, label)
        pdf.set_xy(text_x, y)
        pdf.multi_cell(0, line_h, text, new_x="LMARGIN", new_y="NEXT")


WRAPPED_TIMELINES = (
    ("Consultation with the country teams", "By 15 July\nN.B. 31 May - 17 June 2021: UNFCCC virtual meeting"),
    ("Webinar on the guidance note", "Webinar 3 to 13 July"),
    ("Review sessions", "Sessions 1 - 12\nReport"),
    ("Drafting of the synthesis report", "Feb - Mar 18\nMar - Apr 18"),
)


def wrapped_timelines(path: Path) -> Path:
    """A ruled table whose narrow "Timeline" column wraps date ranges on their end
    day ("N.B. 31 May - 17" / "June 2021"), beside cells of short items set on lines
    of their own (Enter pressed) that nearly fill the column: WRAPPED_TIMELINES."""
    pdf = _new()
    pdf.set_font("helvetica", "", 10)
    with pdf.table(col_widths=(70, 29), width=99, align="LEFT", padding=1, line_height=5) as table:
        row = table.row()
        row.cell("Activity")
        row.cell("Timeline")
        for activity, timeline in WRAPPED_TIMELINES:
            row = table.row()
            row.cell(activity)
            row.cell(timeline)
    pdf.output(path)
    return path


def many_pages(path: Path, n_pages: int) -> Path:
    """`n_pages` pages laid out alike: a heading, a paragraph and a ruled table of
    eight rows, each page's a little lower than the page before's, as where
    pages start with text of different heights (the bench for reading time)."""
    pdf = _new()
    words = (LOREM * 2).split()
    for page in range(1, n_pages + 1):
        if page > 1:
            pdf.add_page()
        pdf.set_y(30 + (page * 0.37) % 5)
        pdf.set_font("helvetica", "B", 13)
        pdf.cell(0, 9, f"Work package {page}", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("helvetica", "", 10)
        shift = page % len(words)  # each page's own text
        pdf.multi_cell(0, 5, " ".join(words[shift:] + words[:shift]), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
        with pdf.table(col_widths=(20, 110, 50), line_height=6) as table:
            row = table.row()
            for head in ("No.", "Task", "Lead"):
                row.cell(head)
            for i in range(1, 9):
                row = table.row()
                row.cell(f"T{page}.{i}")
                row.cell(f"Task {i} of work package {page}, with its deliverable")
                row.cell("UNDP and UNEP")
    pdf.output(path)
    return path


SLIDE_ITEMS = (
    ("Phase 1 - Testing the monitoring", ("Review of existing infrastructures", "Consultation with the estates office")),
    ("Phase 2 - Data store", ("Developing the schema", "Deploying the store")),
    ("Phase 3 - Prototype interfaces", ("Paper prototypes", "Short test deployments")),
    ("Phase 4 - Field trials", ("Pre-trial interviews", "Trial")),
)


def slides(path: Path) -> Path:
    """A slide deck: a title slide, then one slide per SLIDE_ITEMS phase, each
    with the same boxed title "Work plan" (in a ruled frame, lower than a letter's
    header), a ZapfDingbats bullet (the letter "l" drawn as a dot) before the
    phase, dash sub-items set 0.45 em before their text (narrower than the usual
    hanging-indent gap, but the same on every line), a footer "Part A - Page N of
    M" and, on two slides only, a "Draft" stamp at the top right."""
    pdf = FPDF(orientation="L", unit="pt", format=(540, 720))
    pdf.core_fonts_encoding = "windows-1252"  # the core fonts' WinAnsi has the en dash
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("helvetica", "B", 28)
    pdf.text(180, 260, "Field trial plan")
    n = len(SLIDE_ITEMS) + 1
    for k, (phase, items) in enumerate(SLIDE_ITEMS, start=2):
        pdf.add_page()
        pdf.rect(40, 22, 640, 46)  # the title's frame
        pdf.set_font("helvetica", "B", 24)
        pdf.text(60, 55, "Work plan")
        if k in (2, 3):
            pdf.set_font("helvetica", "", 10)
            pdf.text(600, 80, "Draft")
        pdf.set_font("zapfdingbats", "", 14)
        pdf.text(60, 130, "l")
        pdf.set_font("helvetica", "B", 18)
        pdf.text(84, 130, phase)
        pdf.set_font("helvetica", "", 16)
        for i, item in enumerate(items):
            y = 165 + 30 * i
            pdf.text(100, y, "\u2013")
            pdf.text(100 + pdf.get_string_width("\u2013") + 0.45 * 16, y, item)
        pdf.set_font("helvetica", "", 9)
        pdf.text(300, 525, f"Part A - Page {k} of {n}")
    pdf.output(path)
    return path


def _words_at(pdf: FPDF, x: float, y: float, words: list[str], gap: float) -> float:
    """Words drawn one by one with `gap` points of white space between them and
    no space character (as TeX sets them); returns the x after the last word."""
    for word in words:
        pdf.text(x, y, word)
        x += pdf.get_string_width(word) + gap
    return x - gap


def _superscript(pdf: FPDF, x: float, y: float, mark: str, size: float) -> None:
    """A footnote mark in small print, raised above the baseline at y."""
    style, base = pdf.font_style, pdf.font_size_pt
    pdf.set_font(pdf.font_family, style, size)
    pdf.text(x + 0.3, y - 0.4 * base, mark)
    pdf.set_font(pdf.font_family, style, base)


def tight_text(path: Path) -> Path:
    """Text as a grant form or TeX sets it: a ruled table whose 6 pt bold header
    cells have 1.1 pt word spaces and no space characters, superscript footnote
    numbers glued to them (one wrapped to a line of its own), a "Type" cell whose
    "Demonstrator" runs out over the next cell's "Public", then glyphs with no
    Unicode map: a ZapfDingbats arrow (its code, 0xD8, as "(cid:216)") and a
    Helvetica code no encoding defines (0x81, dropped)."""
    pdf = FPDF(unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    xs = (40, 110, 190, 230, 300, 350)  # column edges
    for y in (60, 90, 110):
        pdf.line(xs[0], y, xs[-1], y)
    for x in xs:
        pdf.line(x, 60, x, 110)
    pdf.set_font("helvetica", "B", 6)
    for x, words, mark in ((xs[0], ["WP", "Number"], "9"), (xs[1], ["Lead", "beneficiary"], "10"),
                           (xs[3], ["Dissemination", "level"], None), (xs[4], ["Start", "month"], None)):
        end = _words_at(pdf, x + 3, 72, words, 1.1)
        if mark:
            _superscript(pdf, end, 72, mark, 4)
    _words_at(pdf, xs[2] + 3, 72, ["Type"], 1.1)
    pdf.set_font("helvetica", "B", 4)
    pdf.text(xs[2] + 3, 80, "15")  # the mark that did not fit beside "Type"
    pdf.set_font("helvetica", "", 9)
    for x, text in ((xs[0], "WP1"), (xs[1], "1 - UPSud"), (xs[4], "1")):
        pdf.text(x + 3, 102, text)
    pdf.text(xs[2] + 3, 102, "Demonstrator")  # 53 pt wide in a 40 pt column
    pdf.text(xs[3] + 3, 102, "Public")
    pdf.set_font("zapfdingbats", "", 10)
    pdf.text(40, 150, "\u00d8")
    pdf.set_font("helvetica", "", 10)
    pdf.text(56, 150, "Arrow item")
    pdf.text(40, 170, "Lost glyph \x81 here")
    pdf.output(path)
    return path


def open_row_table(path: Path) -> Path:
    """A ruled table cut by a page break inside a row, as the EC grant forms draw
    it: on page 1 the last row's column rules run down to the page foot with no
    rule under it; page 2 repeats the caption "List of deliverables" and the
    header, then the rest of that row, closed by a rule, then one more row."""
    pdf = FPDF(unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    xs = (50, 110, 330, 420)

    def row(top: float, bottom: float, texts: tuple[str | None, ...], closed: bool = True) -> None:
        for x in xs:
            pdf.line(x, top, x, bottom)
        if closed:
            pdf.line(xs[0], bottom, xs[-1], bottom)
        for x, text in zip(xs, texts, strict=False):
            for k, line in enumerate((text or "").split("\n")):
                if line:
                    pdf.text(x + 3, top + 12 + 12 * k, line)

    for page, rows in ((1, (("D1.1", "Project website", "Public"), ("D1.2", "Data management plan", "Public"))),
                       (2, ())):
        pdf.add_page()
        pdf.set_font("helvetica", "B", 12)
        pdf.text(xs[0], 95, "List of deliverables")
        pdf.set_font("helvetica", "B", 10)
        pdf.line(xs[0], 105, xs[-1], 105)
        row(105, 125, ("Number", "Title", "Level"))
        pdf.set_font("helvetica", "", 10)
        y = 125
        for texts in rows:
            row(y, y + 20, texts)
            y += 20
        if page == 1:
            row(y, 790, ("D2.2", "Community building: impact\nof development workshops,", "Public"), closed=False)
        else:
            row(y, y + 32, (None, "dissemination and training\nactivities, year 1", None))
            row(y + 32, y + 52, ("D2.3", "Review of technologies", "Public"))
    pdf.output(path)
    return path


FORM_TEXT = ("The objective of this work package is to develop the community",
             "at the European scale, foster collaboration between the teams,",
             "spread the expertise, and engage the wider community in the",
             "definition of the requirements.",
             "Workshops are held twice a year.")


def form_fields(path: Path) -> Path:
    """A grant form's text fields: a shaded bar titled "Objectives" over a framed
    box (rules above and below, side rules) whose text was wrapped by hand at a
    narrower measure than the page's (FORM_TEXT: the sentence goes on in lower
    case), then a second bar and box, then running text over the page's full
    measure."""
    pdf = FPDF(unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("helvetica", "", 10)
    y = 100
    for title, lines in (("Objectives", FORM_TEXT), ("Description of work", FORM_TEXT[:2])):
        pdf.set_fill_color(220)
        pdf.rect(57, y, 482, 12, style="DF")
        pdf.set_font("helvetica", "B", 10)
        pdf.text(260, y + 9, title)
        pdf.set_font("helvetica", "", 10)
        top = y + 17
        for k, line in enumerate(lines):
            pdf.text(61, top + 12 + 12 * k, line)
        bottom = top + 12 * len(lines) + 8
        pdf.line(58, top, 537, top)
        pdf.line(58, bottom, 537, bottom)
        pdf.line(58, top, 58, bottom)
        pdf.line(537, top, 537, bottom)
        y = bottom + 14
    pdf.set_xy(58, y + 10)
    pdf.multi_cell(479, 12, LOREM * 3)  # the page's full measure
    pdf.output(path)
    return path


BOOKTABS_ROWS = (
    ("Guidance note on human rights in national adaptation plans",
     ("a. Draft the outline with the lead agencies and circulate it for comment",
      "b. Hold the review meeting with the members of the group"),
     "Q1 - Q2 2022"),
    ("Webinar series", ("a. Prepare three webinars on climate change and the environment",), "June 2022"),
    ("Regional consultations with the country teams on the joint guidance",
     ("a. Consult the country teams in Africa and Asia on the draft guidance and its annexes",
      "b. Report on the consultations to the senior officials at their next meeting"),
     "to be determined"),
)


DRAWN_BULLETS = ("Organize three thematic workshops for all interested staff",
                 "Draft joint strategies for engagement with the key intergovernmental negotiations on climate "
                 "change, biodiversity and land, with joint events and briefing notes")


def booktabs(path: Path) -> Path:
    """A booktabs table as browsers and LaTeX print them: rules above and under the
    header and under the table only, columns set apart by white space, cells
    wrapped over several lines, list items "a." / "b." set off by a plain space
    with a hanging indent, and the last row cut by a page break (the header not
    repeated on the next page), with prose before and after the table; before it,
    a list whose bullets are drawn as small discs (DRAWN_BULLETS), not glyphs."""
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("helvetica", "", 10)
    pdf.set_xy(20, 200)
    pdf.multi_cell(170, 5, "The outputs of the group are listed below. " + LOREM, new_x="LMARGIN", new_y="NEXT")
    for item in DRAWN_BULLETS:  # list markers drawn as small discs, as Chromium does
        y = pdf.get_y() + 2
        pdf.ellipse(24, y + 1.85, 1.3, 1.3, style="F")
        pdf.set_xy(28, y)
        pdf.multi_cell(160, 5, item, new_x="LMARGIN", new_y="NEXT")
    xs, widths, line_h = (20, 70, 150), (46, 76, 40), 5.0
    y = pdf.get_y() + 4
    pdf.set_line_width(0.3)
    pdf.line(18, y, 192, y)
    pdf.set_font("helvetica", "B", 10)
    for x, w, head in zip(xs, widths, ("Output", "Activities", "Timeline"), strict=True):
        pdf.set_xy(x, y + 2)
        pdf.cell(w, line_h, head)
    y += 2 + line_h + 2
    pdf.line(18, y, 192, y)
    pdf.set_font("helvetica", "", 10)
    y += 2
    lines_left = 9  # the page breaks after this many body lines, inside the last row
    for output, items, when in BOOKTABS_ROWS:
        cells = [pdf.multi_cell(widths[0], line_h, output, dry_run=True, output="LINES"), [],
                 pdf.multi_cell(widths[2], line_h, when, dry_run=True, output="LINES")]
        for item in items:
            label, text = item.split(" ", 1)
            for k, ln in enumerate(pdf.multi_cell(widths[1] - 6, line_h, text, dry_run=True, output="LINES")):
                cells[1].append((label if k == 0 else None, ln))
        height = max(len(cells[0]), len(cells[1]), len(cells[2]))
        for k in range(height):
            if lines_left == 0:
                pdf.add_page()
                pdf.set_font("helvetica", "", 10)
                y, lines_left = 20, 10 ** 6
            for c, x in enumerate(xs):
                if c == 1 and k < len(cells[1]):
                    label, text = cells[1][k]
                    if label:  # one space before the text, as a browser sets a list marker
                        pdf.text(x + 6 - pdf.get_string_width(label + " "), y + 4, label)
                    pdf.text(x + 6, y + 4, text)
                elif c != 1 and k < len(cells[c]):
                    pdf.text(x, y + 4, cells[c][k])
            y += line_h
            lines_left -= 1
        y += 3  # the white space between two rows
    pdf.line(18, y, 192, y)
    pdf.set_xy(20, y + 6)
    pdf.multi_cell(170, 5, "The timeline will be reviewed at the next meeting.", new_x="LMARGIN", new_y="NEXT")
    pdf.output(path)
    return path


CENTRED_ROWS = (
    ("Draft outline with key entry points developed", ("By mid-June",), "Focus area lead"),
    ("First full draft developed", ("15 June - 15 July", "N.B. 22 May:",
                                    "International Day for Biological Diversity 2021 and the events around it"),
     "Focus area lead"),
    ("Review of draft and meeting of task team", ("1-15 August",), "Task team"),
    ("Final draft developed", ("TBD", "N.B. the date follows the review"), "Focus area lead and the group"),
)


def _booktabs_head(pdf, font: str, xs, heads, baseline: float, height: float, gap: float) -> float:
    """A booktabs header at y=30 (a rule, the bold headings, a rule) in `font`; returns
    where the body starts, `gap` below the second rule, with the body font set."""
    y = 30.0
    pdf.set_line_width(0.3)
    pdf.line(18, y, 192, y)
    pdf.set_font(font, "B", 10)
    for x, head in zip(xs, heads, strict=True):
        pdf.text(x, y + baseline, head)
    y += height
    pdf.line(18, y, 192, y)
    pdf.set_font(font, "", 10)
    return y + gap


def booktabs_centred(path: Path) -> Path:
    """A booktabs table whose cells are centred vertically, as browsers set them:
    a cell of several paragraphs (white space between them) beside one-line cells
    that sit level with its middle paragraph (CENTRED_ROWS)."""
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("helvetica", "", 10)
    xs, widths, line_h, para_gap = (20, 100, 150), (74, 44, 40), 5.0, 3.0
    y = _booktabs_head(pdf, "helvetica", xs, ("Output and activities", "Timeline", "Actors responsible"),
                       baseline=6, height=9, gap=2)
    for output, timeline, actors in CENTRED_ROWS:
        cells = []
        for w, paras in zip(widths, ((output,), timeline, (actors,)), strict=True):
            cells.append([pdf.multi_cell(w, line_h, p, dry_run=True, output="LINES") for p in paras])
        heights = [sum(len(p) for p in c) * line_h + (len(c) - 1) * para_gap for c in cells]
        row_h = max(heights)
        for x, cell, h in zip(xs, cells, heights, strict=True):
            cy = y + (row_h - h) / 2
            for para in cell:
                for ln in para:
                    pdf.text(x, cy + 4, ln)
                    cy += line_h
                cy += para_gap
        y += row_h + 4
    pdf.line(18, y, 192, y)
    pdf.output(path)
    return path


def booktabs_tight(path: Path) -> Path:
    """A booktabs table as LaTeX sets it: no white space between rows beyond the
    lines' own leading, first-column cells wrapped (BOOKTABS_ROWS' outputs and
    timelines, the activities without their labels)."""
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("times", "", 10)
    xs, widths, line_h = (20, 66, 150), (40, 80, 40), 4.6
    y = _booktabs_head(pdf, "times", xs, ("Output", "Activities", "Timeline"), baseline=4.5, height=7, gap=1.5)
    for output, items, when in BOOKTABS_ROWS:
        cells = [pdf.multi_cell(w, line_h, text, dry_run=True, output="LINES")
                 for w, text in zip(widths, (output, " ".join(i.split(" ", 1)[1] for i in items), when), strict=True)]
        for x, lines in zip(xs, cells, strict=True):
            for k, ln in enumerate(lines):
                pdf.text(x, y + 3.5 + k * line_h, ln)
        y += max(len(c) for c in cells) * line_h
    pdf.line(18, y + 1, 192, y + 1)
    pdf.output(path)
    return path


def ruled_title(path: Path) -> Path:
    """A report whose title block ("Work plan 2022" and "Draft of 3 May") stands
    between two rules the width of the text, with prose under it: no table."""
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_line_width(0.3)
    pdf.line(20, 20, 190, 20)
    pdf.set_font("helvetica", "B", 12)
    pdf.text(22, 27, "Work plan 2022")
    pdf.set_font("helvetica", "", 10)
    pdf.text(160, 27, "Draft of 3 May")
    pdf.line(20, 31, 190, 31)
    pdf.set_xy(20, 36)
    pdf.multi_cell(170, 5, LOREM * 4, new_x="LMARGIN", new_y="NEXT")
    pdf.output(path)
    return path
