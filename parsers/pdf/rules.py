"""Horizontal rules of a page: what you get back are the rules as drawn, (x0, x1, y)
from pdfplumber's edges with the page's background and the sides of frames left
out (`rules_of`), and `Rule`s with the pieces of one rule joined (`merge_rules`: a
browser draws a table's rule one cell at a time, a filled bar has a top and a
bottom edge).
"""

from __future__ import annotations

from dataclasses import dataclass

SNAP = 2.5
Y_SAME = 1.5  # points within which two rule edges are one rule (a filled 1 pt bar has two)
X_TOUCH = 2.0  # rule pieces this close end to end are one rule
MIN_RULE = 40.0  # shorter rules are underlines and marks, not table rules


@dataclass
class Rule:
    x0: float
    x1: float
    y: float


def merge_rules(raw: list[tuple[float, float, float]]) -> list[Rule]:
    """Rules as drawn, top to bottom: edges at the same height merged, pieces end
    to end joined."""
    out: list[Rule] = []
    spans: list[list[float]] = []
    y = None
    for x0, x1, top in sorted(raw, key=lambda r: (r[2], r[0])) + [(0.0, 0.0, float("inf"))]:
        if y is None or top - y > Y_SAME:
            for a, b in join_spans(spans):
                if b - a >= MIN_RULE:
                    out.append(Rule(a, b, y))
            spans, y = [], top
        spans.append([x0, x1])
    return out


def join_spans(spans: list[list[float]]) -> list[tuple[float, float]]:
    """Intervals (x0, x1) with those that touch or overlap joined, left to right."""
    out: list[list[float]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1] + X_TOUCH:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


def rules_of(edges: list[dict]) -> list[tuple[float, float, float]]:
    """The horizontal rules (x0, x1, y) among a page's edges: a near-white fill
    (the page's background) draws none, and the top and bottom of a frame (a box
    whose sides run down from them: a slide's title box) are no rules."""
    sides: dict[int, list[dict]] = {}
    for e in edges:
        if e["orientation"] == "v" and e["bottom"] - e["top"] > 3:
            sides.setdefault(round(e["x0"]), []).append(e)
    out = []
    for e in edges:
        if e["orientation"] != "h" or not visible(e):
            continue
        if _side_at(sides, e["x0"], e["top"]) and _side_at(sides, e["x1"], e["top"]):
            continue
        out.append((float(e["x0"]), float(e["x1"]), float(e["top"])))
    return out


def _side_at(sides: dict[int, list[dict]], x: float, y: float) -> bool:
    return any(abs(v["top"] - y) <= SNAP or abs(v["bottom"] - y) <= SNAP
               for k in range(round(x) - 2, round(x) + 3) for v in sides.get(k, []))


def visible(edge: dict) -> bool:
    """False for the edge of a shape filled near-white and not stroked (a page's
    background), which draws no rule."""
    if edge.get("stroke"):
        return True
    colour = edge.get("non_stroking_color")
    if not isinstance(colour, (tuple, list)) or not colour or not all(isinstance(v, (int, float)) for v in colour):
        return True
    if len(colour) == 4:  # CMYK: white has no ink
        return max(colour) > 0.05
    return min(colour) < 0.95
