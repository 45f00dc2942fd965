"""The Gantt chart of one document: one bar per dated activity, in rows grouped by
lead organisation, as a Vega-Lite spec built with altair.

A bar runs from the earliest start to the latest end of the activity's timeline
rows (`tables.activity_dates`); its colour and outline say how firm the least
firm reading is. The page sets the `org` parameter to filter by organisation.
"""

from __future__ import annotations

import json

from .model import CERTAINTY_RANK

CERTAINTY_COLOURS = {"firm": "#2b6cb0", "tentative": "#90cdf4", "tbc": "#b794f4",
                     "assumed": "#f6ad55", "tbd": "#a0aec0"}
ROW_TEXT = 70  # characters of an activity's text shown as its row name


def gantt_rows(document: dict) -> list[dict]:
    """The chart's data: one row per dated activity of `document` (model.build)."""
    rows, names = [], set()
    for act in document["dated"]:
        name = " ".join(x for x in (act["label"], _short(act["text"])) if x) or act["activity_id"]
        while name in names:  # two rows may not share a name within a lead group
            name += " ·"
        names.add(name)
        start, end = act["span"]
        rows.append({
            "activity": name, "activity_id": act["activity_id"], "lead": act["lead_group"],
            "start": start, "end": end, "certainty": act["certainty"] or "firm",
            "timeline": " | ".join(t["raw"] for t in act["timelines"]),
            "text": act["text"], "orgs": "|" + "|".join(act["orgs"]) + "|",
            "source_ref": act["source_ref"],
        })
    return rows


def _short(text: str) -> str:
    return text if len(text) <= ROW_TEXT else text[:ROW_TEXT - 1].rstrip() + "…"


def gantt_spec(document: dict) -> dict | None:
    """A Vega-Lite spec (dict) of the document's Gantt, or None with no dated activity."""
    import altair as alt

    rows = gantt_rows(document)
    if not rows:
        return None
    org = alt.param(name="org", value="")
    domain = sorted(CERTAINTY_COLOURS, key=CERTAINTY_RANK.get)
    bars = alt.Chart().mark_bar(cornerRadius=2, strokeWidth=1.2).encode(
        x=alt.X("start:T", title=None, axis=alt.Axis(format="%b %Y", orient="top", grid=True)),
        x2="end:T",
        y=alt.Y("activity:N", sort=None, title=None, axis=alt.Axis(labelLimit=360)),
        color=alt.Color("certainty:N", title="reading",
                        scale=alt.Scale(domain=domain, range=[CERTAINTY_COLOURS[c] for c in domain])),
        stroke=alt.condition("datum.certainty == 'firm'", alt.value(None), alt.value("#4a5568")),
        strokeDash=alt.condition("datum.certainty == 'firm'", alt.value([1, 0]), alt.value([4, 3])),
        tooltip=[alt.Tooltip("text:N", title="activity"), alt.Tooltip("timeline:N", title="timeline"),
                 alt.Tooltip("start:T", title="from", format="%d %b %Y"),
                 alt.Tooltip("end:T", title="to", format="%d %b %Y"),
                 alt.Tooltip("certainty:N", title="reading"), alt.Tooltip("lead:N", title="lead"),
                 alt.Tooltip("source_ref:N", title="source")],
    ).properties(width=560, height=alt.Step(16))
    chart = alt.FacetChart(
        data=alt.Data(values=rows), spec=bars,
        facet=alt.Facet("lead:N", title=None, sort=_lead_order(rows),
                        header=alt.Header(labelAngle=0, labelAlign="left", labelAnchor="start",
                                          labelFontWeight="bold", labelOrient="top")),
        columns=1,
    ).transform_filter("org == '' || indexof(datum.orgs, '|' + org + '|') >= 0").add_params(org)
    chart = chart.resolve_scale(y="independent").configure_view(stroke=None)
    return chart.to_dict()


def _lead_order(rows: list[dict]) -> list[str]:
    # Groups in the order their first activity appears; activities without a lead last.
    order = list(dict.fromkeys(r["lead"] for r in rows))
    return sorted(order, key=lambda lead: lead.startswith("("))


def spec_json(spec: dict) -> str:
    """The spec as JSON that is safe inside a <script> element."""
    return json.dumps(spec, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
