"""Structure: a parsed Document into its outline, the plan's sections and work items.

Reads, bottom up: `labels` (list labels, items and their nesting), `headings`
(the words that announce sections, roles and activity lists; data/structure.json),
`columns` (what each column of a table holds), `outline` (the section and
activity nodes and the builder that numbers them), `tables` (activity tables,
row by row), `flow` (the document top to bottom) and `step` (the pipeline step
that writes the sections and activities rows). Later steps read the outline.
"""
