"""One N.B. marker (issue 9): the words of data/timewords.json "nota_bene", read the
same by the activity's timeline text (notes left out) and by the N.B. events."""

from __future__ import annotations

import pytest

from normalize.structure.step import timeline_display
from normalize.timelines import read_timeline


@pytest.mark.parametrize(("cell", "own", "events"), [
    ("June 2021\nN.B. 3 May – 13 June: SB 54", "June 2021", 1),
    ("June 2021\nNB: 3 May – 13 June: SB 54", "June 2021", 1),
    ("June 2021\nn.b. 3 May – 13 June: SB 54", "June 2021", 1),
    ("June 2021\nN. B. 3 May – 13 June: SB 54", "June 2021", 1),
    ("June 2021\nNb of meetings: 3", "June 2021 Nb of meetings: 3", 0),  # French "nombre"
    ("June 2021\nNBA finals", "June 2021 NBA finals", 0),
])
def test_nb_notes_are_one_marker_for_display_and_events(cell, own, events):
    assert timeline_display(cell) == own
    assert len(read_timeline(cell).events) == events
