"""parsers.pdf.fills: a shaded table cell in a PDF gives the same `Cell.fill` as in the .docx."""

from parsers.pdf.fills import fill_of, hex_colour


def test_colours_in_grey_rgb_and_cmyk_read_as_hex():
    assert hex_colour((0.3098039215, 0.5058823529, 0.7411764705)) == "4F81BD"
    assert hex_colour((0.5,)) == "808080"
    assert hex_colour((0, 0, 0, 0)) == "FFFFFF"
    assert hex_colour("P0") is None  # a pattern


def test_a_rectangle_fills_a_cell_only_when_it_covers_most_of_it():
    bar = ((100.0, 50.0, 300.0, 70.0), "4F81BD")
    assert fill_of((150.0, 50.0, 200.0, 70.0), [bar]) == "4F81BD"  # one month of a longer bar
    assert fill_of((290.0, 50.0, 340.0, 70.0), [bar]) is None  # a fifth of the cell
    border = ((100.0, 69.5, 300.0, 70.0), "000000")
    assert fill_of((150.0, 50.0, 200.0, 70.0), [border]) is None
