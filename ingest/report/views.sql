-- Views for dashboards over the SPEC tables of workplan.duckdb (ingest.report.duckdb_export).
-- Leads are participants in the role lead or responsible (co_chair too, for a section);
-- contributors, role contributor (see activity_roles for inherited ones).
-- A duplicate file shares its doc_id with the first copy, so documents are read without duplicates.

CREATE OR REPLACE VIEW certainty_rank AS
SELECT * FROM (VALUES ('firm', 0), ('tentative', 1), ('tbc', 2), ('assumed', 3), ('tbd', 4)) AS r(certainty, rank);

-- Who leads and contributes to each activity: the activity's own lead/responsible and
-- contributor rows; where it names none in a part, those of its nearest parent activity
-- that does (an output's lead leads its lettered activities), else its section's.
CREATE OR REPLACE VIEW activity_roles AS
WITH RECURSIVE chain(doc_id, activity_id, ancestor_id, depth) AS (
    SELECT doc_id, activity_id, activity_id, 0 FROM activities
    UNION ALL
    SELECT c.doc_id, c.activity_id, a.parent_activity_id, c.depth + 1
    FROM chain c JOIN activities a ON a.doc_id = c.doc_id AND a.activity_id = c.ancestor_id
    WHERE a.parent_activity_id IS NOT NULL AND c.depth < 50),
own AS (
    SELECT doc_id, subject_id AS activity_id, org_id,
           CASE WHEN role IN ('lead', 'responsible') THEN 'lead' ELSE 'contributor' END AS part,
           min(position) AS pos
    FROM participants
    WHERE subject_type = 'activity' AND role IN ('lead', 'responsible', 'contributor')
    GROUP BY ALL),
candidates AS (
    SELECT c.doc_id, c.activity_id, o.org_id, o.part, o.pos, c.depth
    FROM chain c JOIN own o ON o.doc_id = c.doc_id AND o.activity_id = c.ancestor_id
    UNION ALL
    SELECT a.doc_id, a.activity_id, p.org_id,
           CASE WHEN p.role IN ('lead', 'responsible', 'co_chair') THEN 'lead' ELSE 'contributor' END,
           min(p.position), 1000000
    FROM activities a
    JOIN participants p ON p.doc_id = a.doc_id AND p.subject_type = 'section' AND p.subject_id = a.section_id
    WHERE p.role IN ('lead', 'responsible', 'co_chair', 'contributor')
    GROUP BY ALL),
nearest AS (SELECT doc_id, activity_id, part, min(depth) AS depth FROM candidates GROUP BY ALL)
SELECT c.doc_id, c.activity_id, c.org_id, c.part, min(c.pos) AS pos, c.depth > 0 AS inherited
FROM candidates c JOIN nearest n USING (doc_id, activity_id, part, depth)
GROUP BY ALL;

-- One row per activity: where it sits, who leads and contributes, the dates read
-- (earliest start, latest end of its timeline rows), the least firm certainty, comments.
CREATE OR REPLACE VIEW activity_overview AS
WITH docs AS (SELECT * FROM documents WHERE status <> 'duplicate'),
people AS (
    SELECT doc_id, activity_id,
           string_agg(org_id, '; ' ORDER BY pos) FILTER (WHERE part = 'lead') AS leads,
           string_agg(org_id, '; ' ORDER BY pos) FILTER (WHERE part = 'contributor') AS contributors
    FROM activity_roles GROUP BY ALL),
times AS (
    SELECT t.doc_id, t.subject_id AS activity_id, min(t.start) AS start, max(t."end") AS "end",
           arg_max(t.certainty, r.rank) AS certainty,
           string_agg(t.raw, ' | ' ORDER BY t.position) AS timeline_raw
    FROM timelines t JOIN certainty_rank r USING (certainty)
    GROUP BY ALL),
talk AS (
    SELECT doc_id, subject_id AS activity_id, count(*) AS comment_count
    FROM comments WHERE subject_type = 'activity' GROUP BY ALL)
SELECT a.doc_id, d.title AS document_title, d.file_name, a.activity_id, a.position,
       s.label AS section_label, s.title AS section_title,
       a.label, a.kind, a.text, p.leads, p.contributors,
       tm.start, tm."end", tm.certainty, tm.timeline_raw,
       coalesce(c.comment_count, 0) AS comment_count, a.source_ref
FROM activities a
LEFT JOIN docs d USING (doc_id)
LEFT JOIN sections s ON s.doc_id = a.doc_id AND s.section_id = a.section_id
LEFT JOIN people p ON p.doc_id = a.doc_id AND p.activity_id = a.activity_id
LEFT JOIN times tm ON tm.doc_id = a.doc_id AND tm.activity_id = a.activity_id
LEFT JOIN talk c ON c.doc_id = a.doc_id AND c.activity_id = a.activity_id
ORDER BY a.doc_id, a.position;

-- One row per activity and month its timeline covers (for heat maps). A deadline
-- counts in its month; an open end runs to the plan's period_end (else its start month).
-- Where rows overlap, the month keeps the least firm certainty.
CREATE OR REPLACE VIEW timeline_months AS
WITH docs AS (SELECT * FROM documents WHERE status <> 'duplicate'),
spans AS (
    SELECT t.doc_id, t.subject_id AS activity_id, t.certainty,
           CAST(date_trunc('month', coalesce(t.start, t."end")) AS TIMESTAMP) AS first_month,
           CAST(date_trunc('month', coalesce(t."end",
                CASE WHEN d.period_end >= t.start THEN d.period_end END, t.start)) AS TIMESTAMP) AS last_month
    FROM timelines t
    JOIN activities a ON a.doc_id = t.doc_id AND a.activity_id = t.subject_id
    LEFT JOIN docs d ON d.doc_id = t.doc_id
    WHERE t.start IS NOT NULL OR t."end" IS NOT NULL),
months AS (
    SELECT doc_id, activity_id, certainty, CAST(m.month AS DATE) AS month
    FROM spans, unnest(generate_series(first_month, last_month, INTERVAL 1 MONTH)) AS m(month))
SELECT m.doc_id, m.activity_id, m.month, arg_max(m.certainty, r.rank) AS certainty
FROM months m JOIN certainty_rank r USING (certainty)
GROUP BY m.doc_id, m.activity_id, m.month
ORDER BY m.doc_id, m.activity_id, m.month;

-- Per organisation and quarter: activities it leads and contributes to. An activity
-- counts once in every quarter its timeline touches; undated ones have quarter null.
CREATE OR REPLACE VIEW org_workload AS
WITH roles AS (
    SELECT DISTINCT doc_id, activity_id, org_id,
           CASE WHEN part = 'lead' THEN 'led' ELSE 'contributed' END AS part
    FROM activity_roles),
names AS (SELECT org_id, min(org_name) AS org_name FROM participants GROUP BY org_id),
quarters AS (
    SELECT DISTINCT doc_id, activity_id, CAST(date_trunc('quarter', month) AS DATE) AS quarter_start
    FROM timeline_months)
SELECT r.org_id, n.org_name, q.quarter_start,
       CASE WHEN q.quarter_start IS NULL THEN NULL
            ELSE strftime(q.quarter_start, '%Y') || '-Q' || CAST(quarter(q.quarter_start) AS VARCHAR) END AS quarter,
       count(DISTINCT CASE WHEN r.part = 'led' THEN r.doc_id || '/' || r.activity_id END) AS activities_led,
       count(DISTINCT CASE WHEN r.part = 'contributed' THEN r.doc_id || '/' || r.activity_id END)
           AS activities_contributed
FROM roles r
LEFT JOIN quarters q ON q.doc_id = r.doc_id AND q.activity_id = r.activity_id
LEFT JOIN names n ON n.org_id = r.org_id
GROUP BY r.org_id, n.org_name, q.quarter_start
ORDER BY r.org_id, q.quarter_start NULLS LAST;
