"""A generated corpus of workplan-like text files for the scale bench.

Each file is one of the shared seed workplans with its own title line, a few
activities of its own (organisations, quarters) and a closing note, so every file
has different bytes and rows; a fixed seed makes the corpus the same on every run.

    generate(folder, n) -> list of paths
"""

from __future__ import annotations

import pathlib
import random

ROOT = pathlib.Path(__file__).resolve().parents[1]
SEEDS = ROOT / ".." / "shared" / "seeds"
ORGS = ("UNEP", "OHCHR", "UNDP", "FAO", "WHO", "UNICEF", "ILO", "UNESCO")
VERBS = ("Draft", "Review", "Publish", "Convene", "Prepare", "Finalise", "Organise")
THINGS = ("guidance on e-waste", "a regional workshop", "the annual report", "a gap analysis",
          "training materials", "a policy brief", "the partners meeting")


def generate(folder: pathlib.Path, n: int, seed: int = 14) -> list[pathlib.Path]:
    """Write `n` workplans into `folder` (created) and return their paths; files already
    there with the same content are left as they are (their mtime too)."""
    folder = pathlib.Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    rng = random.Random(seed)
    paths = []
    for i in range(n):
        base = seeds[i % len(seeds)]
        year = 2018 + rng.randrange(6)
        lines = [f"Work plan {year} of team {i:05d}", "", base, "", "9. Team activities", ""]
        for j in range(rng.randrange(2, 6)):
            lines.append(f"\t{chr(97 + j)}) {rng.choice(VERBS)} {rng.choice(THINGS)}\t"
                         f"{rng.choice(ORGS)}\tQ{rng.randrange(1, 5)} {year}")
        lines += ["", f"Note {i}: prepared by the secretariat."]
        path = folder / f"team-{i // 100:03d}" / f"plan-{i:05d}.txt"
        text = "\n".join(lines) + "\n"
        path.parent.mkdir(exist_ok=True)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
