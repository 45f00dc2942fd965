"""report.html and diff.html in a real browser (headless Chromium through
Playwright): they load from file:// with no console error and no network request,
the Gantt has one bar per dated activity, the organisation filter hides another
organisation's rows, and a screenshot is not blank."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[2] / "docs"


def read(folder: Path, name: str) -> list[dict]:
    with open(folder / f"{name}.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


class Visit:
    """One page opened in a fresh browser context, with what it logged and asked for."""

    def __init__(self, browser, path: Path):
        self.context = browser.new_context(viewport={"width": 1400, "height": 1000})
        self.page = self.context.new_page()
        self.errors, self.requests = [], []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type in ("error", "warning") else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.url = path.resolve().as_uri()
        self.page.goto(self.url)

    def close(self):
        self.context.close()


@pytest.fixture
def visit(browser):
    opened = []

    def open_(path: Path) -> Visit:
        opened.append(Visit(browser, path))
        return opened[-1]

    yield open_
    for v in opened:
        v.close()


def dated_activities(folder: Path) -> set[tuple[str, str]]:
    """Activities of readable, non-duplicate documents with a timeline row that has a date."""
    docs = {d["doc_id"] for d in read(folder, "documents") if d["status"] in ("ok", "partial")}
    acts = {(a["doc_id"], a["activity_id"]) for a in read(folder, "activities") if a["doc_id"] in docs}
    return {(t["doc_id"], t["subject_id"]) for t in read(folder, "timelines")
            if (t["start"] or t["end"]) and (t["doc_id"], t["subject_id"]) in acts}


def not_firm(folder: Path) -> set[tuple[str, str]]:
    """Dated activities with a dated timeline row that is not firm."""
    dated = dated_activities(folder)
    return {(t["doc_id"], t["subject_id"]) for t in read(folder, "timelines")
            if (t["start"] or t["end"]) and t["certainty"] != "firm" and (t["doc_id"], t["subject_id"]) in dated}


def not_blank(png: bytes) -> bool:
    from PIL import Image, ImageStat

    image = Image.open(io.BytesIO(png)).convert("L")
    return len(image.getcolors(1 << 16) or range(1000)) > 20 and ImageStat.Stat(image).stddev[0] > 10


def keep_screenshot(png: bytes, name: str) -> None:
    # `WPI_DOCS_SCREENSHOTS=1 make test` refreshes the README's screenshots.
    if os.environ.get("WPI_DOCS_SCREENSHOTS"):
        (DOCS / name).write_bytes(png)


def test_report_page_in_chromium(batch_out, visit):
    v = visit(batch_out / "report.html")
    page = v.page
    page.wait_for_selector("body[data-charts-ready]", state="attached", timeout=30_000)
    assert v.errors == []
    assert v.requests == [v.url]  # the page itself, nothing else
    bars = page.locator("g.mark-rect.role-mark path")
    assert bars.count() == len(dated_activities(batch_out)) > 0
    # Hovering a bar shows its activity and its timeline as written.
    bars.first.hover()
    tip = page.locator("#vg-tooltip-element")
    tip.wait_for(state="visible")
    said = " ".join(tip.inner_text().split())
    shown = [t for t in read(batch_out, "timelines") if t["raw"] and " ".join(t["raw"].split()) in said]
    texts = [a for a in read(batch_out, "activities") if " ".join(a["text"].split()) in said]
    assert shown and texts and {(t["doc_id"], t["subject_id"]) for t in shown} & {
        (a["doc_id"], a["activity_id"]) for a in texts}
    page.mouse.move(0, 0)
    # Tentative, tbc and assumed readings are drawn dashed, firm ones solid.
    dashed = page.locator('g.mark-rect.role-mark path[stroke-dasharray="4,3"]')
    assert dashed.count() == len(not_firm(batch_out)) > 0
    png = page.screenshot()
    assert not_blank(png)
    keep_screenshot(png, "report.png")

    # Filter by one organisation: another organisation's rows go, its own stay, fewer bars.
    org = "UNEP"
    rows = page.locator("table.activities tr[data-orgs]")
    mine = page.locator(f'table.activities tr[data-orgs*="|{org}|"]')
    others = page.locator(f'table.activities tr[data-orgs]:not([data-orgs*="|{org}|"])')
    assert mine.count() and others.count() and rows.count() == mine.count() + others.count()
    page.select_option("#org-filter", org)
    page.wait_for_selector(f'body[data-filtered="{org}"]', state="attached")
    assert others.first.is_hidden() and mine.first.is_visible()
    assert page.locator("table.activities tr[data-orgs]:visible").count() == mine.count()
    assert 0 < bars.count() < len(dated_activities(batch_out))
    page.select_option("#org-filter", "")
    page.wait_for_selector('body[data-filtered=""]', state="attached")
    assert others.first.is_visible() and bars.count() == len(dated_activities(batch_out))
    assert v.errors == [] and v.requests == [v.url]


def test_diff_page_in_chromium(hre_diff, visit):
    out, _ = hre_diff
    v = visit(out / "diff.html")
    page = v.page
    page.wait_for_load_state("load")
    rows = page.locator("table.changes tr[data-orgs]")
    assert rows.count() == 4  # removed, reworded, timeline moved, lead changed
    assert page.locator("table.changes del").count() and page.locator("table.changes ins").count()
    png = page.screenshot()
    assert not_blank(png)
    keep_screenshot(png, "diff.png")
    page.select_option("#org-filter", "UNEP")
    page.wait_for_selector('body[data-filtered="UNEP"]', state="attached")
    assert page.locator("table.changes tr[data-orgs]:visible").count() == 1  # the row whose lead became UNEP
    assert page.locator('table.changes tr[data-orgs*="|UNDP|"]').first.is_hidden()
    assert v.errors == [] and v.requests == [v.url]
