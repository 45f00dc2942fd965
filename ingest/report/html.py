"""Render the report and diff pages from the Jinja2 templates in `templates/`, with
the Vega-Lite runtime (vega, vega-lite, vega-embed, bundled by vl-convert) inlined
once per page, so a page opens from file:// with no network."""

from __future__ import annotations

import functools
import os
from importlib import metadata
from pathlib import Path

TEMPLATES = Path(__file__).with_name("templates")


@functools.cache
def environment():
    import jinja2

    return jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                              trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)


@functools.cache
def vega_bundle() -> str:
    """vega + vega-lite + vega-embed as one script (globals vegaEmbed, vega, vegaLite).

    vl-convert takes seconds to bundle them, so the bundle is kept in the user's
    cache folder, one file per vl-convert version (rebuilt when unreadable).
    """
    import vl_convert

    cache = _cache_dir() / f"vega-embed-{metadata.version('vl-convert-python')}.js"
    try:
        js = cache.read_text(encoding="utf-8")
        if "window.vegaEmbed=" in js:
            return js
    except OSError:
        pass
    # Inside a <script> element "</script" would end it early.
    js = vl_convert.javascript_bundle().replace("</script", "<\\/script")
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(cache, js)
    except OSError:
        pass  # no cache folder: bundle again next time
    return js


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "workplan-ingest"


def render(template: str, charts: bool = True, **context) -> str:
    """The page `template` filled with `context`; `charts` inlines the chart runtime."""
    import markupsafe

    try:
        version = metadata.version("workplan-ingest")
    except metadata.PackageNotFoundError:
        version = "?"
    base = {
        "css": markupsafe.Markup((TEMPLATES / "style.css").read_text(encoding="utf-8")),
        "page_js": markupsafe.Markup((TEMPLATES / "report.js").read_text(encoding="utf-8")),
        "vega_js": markupsafe.Markup(vega_bundle()) if charts else "",
        "version": version,
    }
    return environment().get_template(template).render(**base, **context)


def write_atomic(path: Path, text: str) -> Path:
    """Write `text` to `path` through a `.partial` file renamed into place."""
    path = Path(path)
    partial = path.with_name(path.name + ".partial")
    with open(partial, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(partial, path)
    return path
