"""What a spreadsheet cell shows: its value through its number format, and its fill.

openpyxl gives stored values (4.1, a datetime) and the format codes, but no
formatter, so `display` renders the formats workplans use:
* numbers: fixed decimals ("0.00" shows 4.1 as "4.10", so 4.10 and 4.1 stay
  different labels), thousands separators, percentages; "General" as Excel shows it
  (integers without ".0", up to 10 significant digits);
* dates: a format without a day keeps its precision as shown ("mmm yyyy" ->
  "Mar 2025", a month and not a day; years always in full, "mmm-yy" -> "Mar-2025");
  a date with its day is written ISO ("2025-03-14") whatever its format, because
  "03/04/2025" reads differently in each locale and "14-Mar-25" reads as a range;
* text as typed; booleans TRUE / FALSE; error values ("#N/A") as they are.
Formulas give the value Excel cached when it last saved (the workbook is opened
with data_only).

`fill_colour` resolves a solid fill to six hex digits: RGB, the 64 indexed colours
(or the workbook's own palette) and theme colours (the theme's scheme, with tint).
Not resolved, so None: pattern fills other than solid, gradient fills, and
"automatic"/system colours.
"""

from __future__ import annotations

import colorsys
import datetime as dt
import re
from functools import cache

from openpyxl.styles.colors import COLOR_INDEX

# Excel shows "General" numbers with up to this many significant digits.
_GENERAL_DIGITS = 10
_WHITE = "FFFFFF"
_SECTION = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')  # quoted text, escapes, [colour], padding
_DAY = re.compile(r"d+", re.I)
_TIME = re.compile(r"[hs]", re.I)
# Theme colour index -> clrScheme element; Excel swaps the first two pairs.
_THEME_ORDER = ("lt1", "dk1", "lt2", "dk2", "accent1", "accent2", "accent3", "accent4", "accent5",
                "accent6", "hlink", "folHlink")


def display(value, data_type: str, number_format: str) -> str:
    """The text a cell shows for its stored `value` and its format code."""
    if value is None:
        return ""
    if data_type == "b" or isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return _date(value, number_format)
    if isinstance(value, dt.timedelta):
        return str(value)
    if isinstance(value, int | float):
        return _number(value, number_format)
    return str(value)


def _code(number_format: str) -> str:
    """The positive section of a format code, literals and colours taken out."""
    first = (number_format or "General").split(";")[0]
    return _SECTION.sub("", first)


def _number(value: float, number_format: str) -> str:
    code = _code(number_format)
    if code.lower() in ("general", "", "@"):
        return _general(value)
    percent = "%" in code
    if percent:
        value *= 100
    digits = code.split(".", 1)
    decimals = len(re.match(r"[0#?]*", digits[1]).group()) if len(digits) == 2 else 0
    grouped = "," in digits[0]
    text = f"{value:,.{decimals}f}" if grouped else f"{value:.{decimals}f}"
    return text + ("%" if percent else "")


def _general(value: float) -> str:
    if isinstance(value, int) or float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    text = f"{value:.{_GENERAL_DIGITS}g}"
    return text


def _date(value, number_format: str) -> str:
    code = _code(number_format).lower()
    if isinstance(value, dt.time):
        return value.isoformat(timespec="minutes")
    date = value.date() if isinstance(value, dt.datetime) else value
    has_time = isinstance(value, dt.datetime) and bool(_TIME.search(code)) and (value.hour or value.minute)
    if not _DAY.search(code):
        text = _strftime(date, code)
        if text:
            return text
    text = date.isoformat()
    return f"{text} {value:%H:%M}" if has_time else text


def _strftime(date: dt.date, code: str) -> str:
    """The date in a format code that names its month or has no day ("mmm yyyy",
    "d mmmm yyyy", "mmm-yy"); "" for codes this does not render."""
    out, i = [], 0
    # "yy" is written with four digits: the date is the same, and a two-digit year
    # would be read as a day by the timeline reader in some positions ("14-Mar-25")
    tokens = (("yyyy", "%Y"), ("yy", "%Y"), ("mmmmm", "%b"), ("mmmm", "%B"), ("mmm", "%b"), ("mm", "%m"),
              ("m", "%m"), ("dddd", "%A"), ("ddd", "%a"), ("dd", "%d"), ("d", "%d"))
    while i < len(code):
        for token, directive in tokens:
            if code.startswith(token, i):
                piece = date.strftime(directive)
                if token in ("m", "d"):
                    piece = piece.lstrip("0")
                out.append(piece)
                i += len(token)
                break
        else:
            char = code[i]
            if char.isalpha():
                return ""  # hours, AM/PM, era codes: not a plain date format
            out.append(char)
            i += 1
    return "".join(out).strip()


def fill_colour(fill, indexed: list[str] | None, theme: tuple[str, ...]) -> str | None:
    """Six hex digits of a cell's solid fill; None for no fill, white, or a colour this
    cannot resolve (see the module docstring)."""
    if fill is None or getattr(fill, "fill_type", None) != "solid":
        return None
    colour = fill.fgColor
    rgb: str | None = None
    kind = getattr(colour, "type", None)
    if kind == "rgb" and isinstance(colour.rgb, str):
        rgb = colour.rgb[-6:]
    elif kind == "indexed" and isinstance(colour.indexed, int):
        palette = indexed or COLOR_INDEX
        rgb = palette[colour.indexed][-6:] if colour.indexed < len(palette) else None
    elif kind == "theme" and isinstance(colour.theme, int) and colour.theme < len(theme):
        rgb = _tint(theme[colour.theme], colour.tint or 0.0)
    if rgb is None or not re.fullmatch(r"[0-9A-Fa-f]{6}", rgb):
        return None
    rgb = rgb.upper()
    return None if rgb == _WHITE else rgb


def _tint(rgb: str, tint: float) -> str:
    """Excel's tint: lighten (tint > 0) or darken (tint < 0) the colour's luminance."""
    if not tint:
        return rgb
    r, g, b = (int(rgb[i:i + 2], 16) / 255 for i in (0, 2, 4))
    h, lum, s = colorsys.rgb_to_hls(r, g, b)
    lum = lum * (1 + tint) if tint < 0 else lum * (1 - tint) + tint
    r, g, b = colorsys.hls_to_rgb(h, min(max(lum, 0.0), 1.0), s)
    return "".join(f"{round(v * 255):02X}" for v in (r, g, b))


@cache
def _theme_re() -> re.Pattern:
    return re.compile(rb"<a:(" + b"|".join(n.encode() for n in _THEME_ORDER) + rb")>\s*<a:(\w+)\s+(\w+)=\"(\w+)\"")


def theme_colours(theme_xml: bytes | None) -> tuple[str, ...]:
    """The theme's twelve scheme colours in the order cells index them; () without a theme.

    `<a:sysClr val="windowText" lastClr="000000"/>` gives its lastClr."""
    if not theme_xml:
        return ()
    found: dict[str, str] = {}
    for m in _theme_re().finditer(theme_xml):
        name, element, attr, val = (g.decode() for g in m.groups())
        if element == "srgbClr" and attr == "val":
            found[name] = val
        elif element == "sysClr":
            last = re.search(rf'<a:{name}>\s*<a:sysClr[^>]*lastClr="(\w+)"'.encode(), theme_xml)
            found[name] = last.group(1).decode() if last else ("000000" if name.startswith("dk") else "FFFFFF")
    if len(found) < len(_THEME_ORDER):
        return ()
    return tuple(found[name] for name in _THEME_ORDER)
