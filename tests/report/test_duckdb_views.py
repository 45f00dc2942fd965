"""workplan.duckdb: the SPEC tables and the dashboard views, checked against the
CSVs of the same output folder, recomputed here in plain Python."""

from __future__ import annotations

import csv
import datetime as dt
from collections import defaultdict
from pathlib import Path

import duckdb
import pytest

from ingest.schema import TABLES

LEAD, CONTRIBUTOR = ("lead", "responsible"), ("contributor",)


def read(folder: Path, name: str) -> list[dict]:
    with open(folder / f"{name}.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def db(batch_out):
    con = duckdb.connect(str(batch_out / "workplan.duckdb"), read_only=True)
    yield con
    con.close()


def test_every_spec_table_has_the_csv_rows(batch_out, db):
    for name, table in TABLES.items():
        cols = [r[0] for r in db.execute(f'DESCRIBE "{name}"').fetchall()]
        assert cols == table.column_names, name
        assert db.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] == len(read(batch_out, name)), name


def _effective(folder: Path) -> dict[tuple[str, str], dict[str, list[str]]]:
    """(doc, activity) -> {"lead": [...], "contributor": [...]}: own, else the nearest
    parent activity's, else the section's (co-chairs lead a section)."""
    people = defaultdict(lambda: {"lead": [], "contributor": []})
    for p in read(folder, "participants"):
        part = ("lead" if p["role"] in LEAD + (("co_chair",) if p["subject_type"] == "section" else ())
                else "contributor" if p["role"] in CONTRIBUTOR else None)
        if part and p["subject_type"] in ("activity", "section") and p["org_id"] not in people[
                (p["doc_id"], p["subject_type"], p["subject_id"])][part]:
            people[(p["doc_id"], p["subject_type"], p["subject_id"])][part].append(p["org_id"])
    acts = {(a["doc_id"], a["activity_id"]): a for a in read(folder, "activities")}
    out = {}
    for key, a in acts.items():
        out[key] = {}
        for part in ("lead", "contributor"):
            node, found = a, []
            while node is not None and not found:
                found = people[(a["doc_id"], "activity", node["activity_id"])][part]
                node = acts.get((a["doc_id"], node["parent_activity_id"]))
            out[key][part] = found or people[(a["doc_id"], "section", a["section_id"])][part]
    return out


def test_activity_overview_has_one_row_per_activity_with_its_people_dates_and_comments(batch_out, db):
    acts = read(batch_out, "activities")
    rows = db.execute("SELECT doc_id, activity_id, leads, contributors, start, \"end\", comment_count, "
                      "text, source_ref FROM activity_overview").fetchall()
    assert len(rows) == len(acts) and len({(r[0], r[1]) for r in rows}) == len(acts)
    people = _effective(batch_out)
    times = defaultdict(list)
    for t in read(batch_out, "timelines"):
        times[(t["doc_id"], t["subject_id"])].append(t)
    talk = defaultdict(int)
    for c in read(batch_out, "comments"):
        if c["subject_type"] == "activity":
            talk[(c["doc_id"], c["subject_id"])] += 1
    by_key = {(a["doc_id"], a["activity_id"]): a for a in acts}
    for doc_id, aid, leads, contributors, start, end, comments, text, ref in rows:
        key = (doc_id, aid)
        assert (leads or "").split("; ") == (people[key]["lead"] or [""]), key
        assert sorted((contributors or "").split("; ")) == sorted(people[key]["contributor"] or [""]), key
        starts = [t["start"] for t in times[key] if t["start"]]
        ends = [t["end"] for t in times[key] if t["end"]]
        assert (start.isoformat() if start else None) == (min(starts) if starts else None), key
        assert (end.isoformat() if end else None) == (max(ends) if ends else None), key
        assert comments == talk[key]
        assert (text, ref) == (by_key[key]["text"], by_key[key]["source_ref"])
    assert any(r[2] for r in rows) and any(r[6] for r in rows)  # the batch has leads and comments


def _months(first: str, last: str):
    y, m = int(first[:4]), int(first[5:7])
    while (y, m) <= (int(last[:4]), int(last[5:7])):
        yield dt.date(y, m, 1)
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)


def expected_months(folder: Path) -> set[tuple[str, str, dt.date]]:
    docs = {d["doc_id"]: d for d in read(folder, "documents") if d["status"] != "duplicate"}
    acts = {(a["doc_id"], a["activity_id"]) for a in read(folder, "activities")}
    out = set()
    for t in read(folder, "timelines"):
        if (t["doc_id"], t["subject_id"]) not in acts or not (t["start"] or t["end"]):
            continue
        period_end = docs[t["doc_id"]]["period_end"]
        last = t["end"] or (period_end if period_end and period_end >= t["start"] else t["start"])
        out |= {(t["doc_id"], t["subject_id"], m) for m in _months(t["start"] or t["end"], last)}
    return out


def test_timeline_months_has_one_row_per_activity_and_month(batch_out, db):
    rows = db.execute("SELECT doc_id, activity_id, month FROM timeline_months").fetchall()
    assert len(rows) == len(set(rows))
    assert set(rows) == expected_months(batch_out)
    assert rows  # the shared plans are dated


def test_org_workload_counts_activities_per_organisation_and_quarter(batch_out, db):
    people = _effective(batch_out)
    quarters = defaultdict(set)
    for doc_id, aid, month in expected_months(batch_out):
        quarters[(doc_id, aid)].add(dt.date(month.year, 3 * ((month.month - 1) // 3) + 1, 1))
    expected = defaultdict(lambda: [set(), set()])
    for key, parts in people.items():
        for i, part in enumerate(("lead", "contributor")):
            for org in parts[part]:
                for q in quarters.get(key) or {None}:
                    expected[(org, q)][i].add(key)
    got = {(org, q): (led, contributed) for org, q, led, contributed in
           db.execute("SELECT org_id, quarter_start, activities_led, activities_contributed FROM org_workload").fetchall()}
    assert got == {k: (len(v[0]), len(v[1])) for k, v in expected.items()}
    label = db.execute("SELECT quarter FROM org_workload WHERE quarter_start = DATE '2021-07-01' LIMIT 1").fetchone()
    assert label == ("2021-Q3",)


def test_the_file_is_rebuilt_from_an_output_folder_without_parquet(batch_out, tmp_path):
    # CSV alone (a folder copied without its Parquet files) gives the same tables.
    from ingest.report.duckdb_export import write_duckdb

    for path in batch_out.glob("*.csv"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    con = duckdb.connect(str(write_duckdb(tmp_path)), read_only=True)
    try:
        for name in TABLES:
            assert con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] == len(read(batch_out, name))
        assert con.execute("SELECT count(*) FROM activity_overview").fetchone()[0] == len(
            read(batch_out, "activities"))
    finally:
        con.close()
    assert not list(tmp_path.glob("*.partial*"))


