"""report.html as written by `run` and rebuilt by `report`: what a reviewer needs is
on the page, the page needs nothing from the network, and both files are the
tool's own (replaced on a rerun, never carried over as the user's)."""

from __future__ import annotations

import csv
import html
import re
import shutil
from pathlib import Path

from typer.testing import CliRunner

from ingest.cli import app
from ingest.report import OUTPUT_NAMES
from ingest.writers.ownership import OWN_NAMES


def read(folder: Path, name: str) -> list[dict]:
    with open(folder / f"{name}.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def page_text(folder: Path) -> str:
    return html.unescape((folder / "report.html").read_text(encoding="utf-8"))


def test_run_writes_a_self_contained_report_under_5_mb(batch_out):
    page = (batch_out / "report.html").read_text(encoding="utf-8")
    assert (batch_out / "report.html").stat().st_size < 5 * 1024 * 1024
    assert not re.search(r"""<(script|link|img)[^>]+(src|href)=["']?(https?:)?//""", page)
    assert page.count("window.vegaEmbed=") == 1  # the chart runtime, inlined once
    assert not list(batch_out.glob("*.partial*"))


def test_failed_and_partial_documents_come_first_with_error_and_remedy(batch_out):
    page = page_text(batch_out)
    overview = page[page.index("Batch overview"):page.index("</table>", page.index("Batch overview"))]
    first = {name: overview.index(name) for name in
             ("broken.docx", "img-hre-draft-workplan.docx", "emg-workplan-2018.docx", "zz-copy-of-emg.docx")}
    assert min(first, key=first.get) == "broken.docx"  # failed first
    assert max(first, key=first.get) == "zz-copy-of-emg.docx"  # duplicates last
    failed = next(d for d in read(batch_out, "documents") if d["status"] == "failed")
    assert failed["error"] and " ".join(failed["error"].split()) in " ".join(overview.split())
    from ingest.codes import catalogue_rows

    code = next(d["code"] for d in read(batch_out, "diagnostics") if d["severity"] == "error")
    remedy = next(r["remedy"] for r in catalogue_rows() if r["code"] == code)
    assert remedy in overview


def test_every_record_of_the_documents_is_on_the_page_with_its_source_ref(batch_out):
    page = page_text(batch_out)
    for doc in read(batch_out, "documents"):
        if doc["status"] == "ok":
            assert doc["title"] in page and f"reference year {doc['reference_year']}" in page
    for name in ("activities", "timelines", "comments", "notes"):
        for row in read(batch_out, name):
            assert row["source_ref"] in page, (name, row["source_ref"])
    for act in read(batch_out, "activities"):
        assert act["text"] in page
    for d in read(batch_out, "diagnostics"):
        assert d["message"] in page


def test_uncertain_readings_and_gaps_are_marked(batch_out):
    page = page_text(batch_out)
    tentative = [t for t in read(batch_out, "timelines") if t["certainty"] in ("tentative", "tbc", "tbd")]
    assert tentative
    for t in tentative:
        assert re.search(r'class="uncertain" title="' + re.escape(t["certainty"]), page), t["raw"]
    gaps = page[page.index("Gaps a reviewer chases"):]
    comment = next(c for c in read(batch_out, "comments") if not c["parent_comment_id"])
    assert "open comment" in gaps and comment["text"] in gaps
    for kind in ("no lead", "no timeline", "timeline without dates"):
        assert f"<td>{kind}</td>" in gaps


def test_report_command_rebuilds_the_same_page(batch_out, tmp_path):
    copy = tmp_path / batch_out.name  # the page names its folder
    shutil.copytree(batch_out, copy)
    (copy / "report.html").unlink()
    (copy / "workplan.duckdb").unlink()
    result = CliRunner().invoke(app, ["report", str(copy)], catch_exceptions=False)
    assert result.exit_code == 0 and "report.html" in result.output
    assert (copy / "report.html").read_bytes() == (batch_out / "report.html").read_bytes()
    assert (copy / "workplan.duckdb").is_file()
    refused = CliRunner().invoke(app, ["report", str(tmp_path / "empty")])
    assert refused.exit_code == 2
    (tmp_path / "notout").mkdir()
    refused = CliRunner().invoke(app, ["report", str(tmp_path / "notout")])
    assert refused.exit_code == 2 and "documents.csv" in refused.output


def test_reruns_replace_the_report_and_keep_the_csvs_identical(batch_inputs, tmp_path):
    assert set(OUTPUT_NAMES) <= OWN_NAMES
    out = tmp_path / "out"
    args = ["run", str(batch_inputs), "--out", str(out), "--quiet", "--workers", "0"]
    runner = CliRunner()
    assert runner.invoke(app, args, catch_exceptions=False).exit_code == 0
    first = {p.name: p.read_bytes() for p in out.glob("*.csv")}
    (out / "my-notes.txt").write_text("mine", encoding="utf-8")
    assert runner.invoke(app, [*args, "--full", "--no-report"], catch_exceptions=False).exit_code == 0
    assert {p.name: p.read_bytes() for p in out.glob("*.csv")} == first
    assert not (out / "report.html").exists()  # the tool's own file, not carried over as the user's
    assert (out / "workplan.duckdb").is_file() and (out / "my-notes.txt").read_text() == "mine"


def test_a_failed_report_leaves_the_tables_and_says_how_to_rebuild(fixtures_dir, tmp_path, monkeypatch):
    import ingest.report.commands as commands

    def broken(out, html=True):
        (out / "report.html.partial").write_text("half", encoding="utf-8")
        raise RuntimeError("disk full")

    monkeypatch.setattr(commands, "write_outputs", broken)
    (tmp_path / "in").mkdir()
    shutil.copy(fixtures_dir / "img-hre-draft-workplan.docx", tmp_path / "in")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(tmp_path / "in"), "--out", str(out), "--quiet", "--workers", "0"])
    assert result.exit_code == 0
    said = " ".join(result.output.split())  # the console wraps long lines
    assert "RuntimeError: disk full" in said and f"Rebuild them with: workplan-ingest report {out}" in said
    assert (out / "activities.csv").is_file() and not list(out.glob("*.partial"))


PLAN_MD = """# Work plan 2022

| Activity | Lead | Timeline |
|---|---|---|
| Draft the national roadmap | Ministry of Fisheries | Q2 2022 |
| Hold the validation workshop | UNDP | Spring 2022 |
| Publish the guidance note | UNEP | |
"""


def test_gaps_name_unlisted_bodies_assumed_readings_and_missing_timelines(tmp_path):
    # A small plan written here: a ministry that is not in the organisation list, a
    # season (whose hemisphere is assumed) and a row without a timeline.
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "plan.md").write_text(PLAN_MD, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(tmp_path / "in"), "--out", str(out), "--quiet", "--workers", "0"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    page = page_text(out)
    gaps = page[page.index("Gaps a reviewer chases"):page.index("Sections and activities")]
    rows = [" ".join(re.sub(r"<[^>]+>", " ", row).split()) for row in re.findall(r"<tr data-orgs.*?</tr>", gaps, re.S)]
    assert rows == [
        "assumed timeline Hold the validation workshop Spring 2022: season: northern hemisphere assumed (March-May) "
        "table 1, row 3, col 3 (line 6)",
        "no timeline Publish the guidance note table 1, row 4, col 1, paragraph 1 (line 7)",
        "organisation not in the list Draft the national roadmap Ministry of Fisheries (lead) "
        "table 1, row 2, col 2 (line 5)",
    ]
    assert 'class="org unlisted"' in page  # the ministry is marked where it leads, too


def test_the_chart_runtime_is_cached_and_a_damaged_cache_is_rebuilt(tmp_path, monkeypatch):
    from ingest.report import html as page

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    page.vega_bundle.cache_clear()
    try:
        cached = page._cache_dir() / f"vega-embed-{page.metadata.version('vl-convert-python')}.js"
        cached.parent.mkdir(parents=True)
        cached.write_text("half a bund", encoding="utf-8")  # a copy cut short
        js = page.vega_bundle()
        assert "window.vegaEmbed=" in js and "</script" not in js
        assert cached.read_text(encoding="utf-8") == js
    finally:
        page.vega_bundle.cache_clear()


def test_activities_without_dates_are_listed_under_the_chart(batch_out):
    page = (batch_out / "report.html").read_text(encoding="utf-8")
    docs = {d["doc_id"] for d in read(batch_out, "documents") if d["status"] in ("ok", "partial")}
    dated = {(t["doc_id"], t["subject_id"]) for t in read(batch_out, "timelines") if t["start"] or t["end"]}
    undated = [a for a in read(batch_out, "activities")
               if a["doc_id"] in docs and (a["doc_id"], a["activity_id"]) not in dated]
    tables = re.findall(r'<table class="undated">.*?</table>', page, re.S)
    assert undated and sum(t.count("<tr data-orgs") for t in tables) == len(undated)
