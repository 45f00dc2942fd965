"""The aligned-text detector (issue 10): rows of a text export whose fields line up
by position become work items nested by indentation, with lead, date and status."""

from __future__ import annotations

import parsers
from normalize.pipeline import normalize_document

PLAN = """Packaging:
   Command-line interface                       DONE
   Expressivity interrogation           Rob
   Role hierarchy queries               Rob     2008-10-01
     rewrite the query cache
   Simple ABox queries                  Ana Ruiz  2008-10-15

Supporting materials:
   Web site                                     2008-10-20
   wiki?
"""


def test_rows_nest_by_indentation_and_columns_get_roles(tmp_path):
    path = tmp_path / "roadmap.txt"
    path.write_text(PLAN, encoding="utf-8")
    records, _ = normalize_document(parsers.parse(path))
    acts = records.tables["activities"]
    by_text = {a.text: a for a in acts}
    assert [a.text for a in acts] == [
        "Packaging", "Command-line interface", "Expressivity interrogation", "Role hierarchy queries",
        "rewrite the query cache", "Simple ABox queries", "Supporting materials", "Web site", "wiki?"]
    assert {a.evidence for a in acts} == {"aligned_text"}
    assert by_text["Packaging"].kind == "output" and by_text["Web site"].kind == "activity"
    assert by_text["rewrite the query cache"].parent_activity_id == by_text["Role hierarchy queries"].activity_id
    assert by_text["Web site"].parent_activity_id == by_text["Supporting materials"].activity_id
    assert by_text["Command-line interface"].status == "DONE"
    times = {t.subject_id: (t.start, t.end) for t in records.tables["timelines"]}
    assert times[by_text["Role hierarchy queries"].activity_id] == ("2008-10-01", "2008-10-01")
    assert by_text["Command-line interface"].activity_id not in times  # a status is never a timeline


def test_real_roadmap_gives_its_forty_items(shared_dir):
    path = shared_dir / "real" / "docs" / "hermit-owl-reasoner-oxford-workplan-2008.txt"
    records, _ = normalize_document(parsers.parse(path))
    acts = records.tables["activities"]
    assert len(acts) == 40 and acts[0].text == "OWL features"
    assert sum(1 for t in records.tables["timelines"]) == 18
