"""Cell shading: what you get back is the solid colour a table cell is filled with, as
six hex digits ("4F81BD"), the way the .docx reader gives `Cell.fill`, so that a Gantt
bar drawn as shaded cells reads the same from a PDF as from the .docx it was printed from.

A PDF draws a shaded cell as a filled rectangle under the cell's text. A rectangle is
the cell's fill when it covers most of the cell (a border drawn as a thin filled
rectangle covers almost none of it); white is the paper and gives no fill.
"""

from __future__ import annotations

# Share of a cell's area a filled rectangle must cover to be the cell's fill
COVER = 0.8

Box = tuple[float, float, float, float]


def filled_rects(rects: list[dict]) -> list[tuple[Box, str]]:
    """(box, colour) of the page's filled, non-white rectangles (pdfplumber `page.rects`)."""
    out = []
    for r in rects:
        if not r.get("fill"):
            continue
        colour = hex_colour(r.get("non_stroking_color"))
        if colour is None or colour == "FFFFFF":
            continue
        out.append(((float(r["x0"]), float(r["top"]), float(r["x1"]), float(r["bottom"])), colour))
    return out


def hex_colour(color) -> str | None:
    """"RRGGBB" for a pdfplumber colour: one (grey), three (RGB) or four (CMYK) numbers
    from 0 to 1; None for a pattern or anything else."""
    if color is None:
        return None
    if isinstance(color, (int, float)):
        color = (color,)
    try:
        values = [float(v) for v in color]
    except (TypeError, ValueError):
        return None  # a pattern, named rather than given as numbers
    if len(values) == 1:
        rgb = values * 3
    elif len(values) == 3:
        rgb = values
    elif len(values) == 4:
        c, m, y, k = values
        rgb = [(1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)]
    else:
        return None
    return "".join(f"{round(max(0.0, min(1.0, v)) * 255):02X}" for v in rgb)


def fill_of(bbox: Box, fills: list[tuple[Box, str]]) -> str | None:
    """The colour of the filled rectangle that covers most of the cell `bbox`, or None."""
    area = (bbox[2] - bbox[0]) * (bbox[3] - bbox[1])
    if area <= 0:
        return None
    for (x0, top, x1, bottom), colour in fills:
        width = min(x1, bbox[2]) - max(x0, bbox[0])
        height = min(bottom, bbox[3]) - max(top, bbox[1])
        if width > 0 and height > 0 and width * height >= COVER * area:
            return colour
    return None
