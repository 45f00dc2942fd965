"""Helpers several test modules share: scoring one file against a shared gold, a
stand-in for LibreOffice, and the fuzzers' parse-and-normalize step."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

from typer.testing import CliRunner

import parsers
from ingest.cli import app
from normalize.pipeline import normalize_document
from parsers.errors import IngestError
from parsers.limits import Limits


def score_with_shared_gold(tmp_path: Path, shared_dir: Path, source: Path, gold_name: str) -> dict:
    """`source` (a rendering of a shared plan by another tool) through `workplan-ingest
    run` and ../shared/eval/score.py against ../shared/gold/<gold_name>.gold.json: the
    scorer's row for the file."""
    inputs, gold = tmp_path / "in", tmp_path / "gold"
    inputs.mkdir()
    gold.mkdir()
    (inputs / source.name).write_bytes(source.read_bytes())
    expected = json.loads((shared_dir / "gold" / f"{gold_name}.gold.json").read_text(encoding="utf-8"))
    expected["also_applies_to"] = [source.name]
    (gold / f"{gold_name}.gold.json").write_text(json.dumps(expected), encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(inputs), "--out", str(out), "--quiet", "--no-report"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    report = tmp_path / "score.json"
    subprocess.run([sys.executable, str(shared_dir / "eval" / "score.py"), "--pred", str(out), "--gold", str(gold),
                    "--json", str(report)], check=True, capture_output=True)
    (row,) = json.loads(report.read_text(encoding="utf-8"))["documents"]
    return row


def fake_soffice(folder: Path, made: Path) -> Path:
    """A folder holding a `soffice` that "converts" by copying the prepared file `made`
    where LibreOffice would write it (same stem, `made`'s suffix), and records its
    arguments in args.txt; put the folder on PATH."""
    folder.mkdir()
    script = folder / "soffice"
    script.write_text(f"#!{sys.executable}\nimport shutil, sys\nfrom pathlib import Path\n"
                      "args = sys.argv[1:]\nout = Path(args[args.index('--outdir') + 1])\n"
                      "out.mkdir(parents=True, exist_ok=True)\n"
                      f"Path({str(folder / 'args.txt')!r}).write_text(' '.join(args))\n"
                      f"shutil.copy({str(made)!r}, out / (Path(args[-1]).stem + {made.suffix!r}))\n")
    script.chmod(0o755)
    return folder


def ingest_bytes(tmp_path: Path, name: str, data: bytes, limits: Limits) -> None:
    """Parse and normalize `data` saved as `name`: pass, or raise only IngestError."""
    path = tmp_path / name
    path.write_bytes(data)
    try:
        doc = parsers.parse(path, limits)
    except IngestError as e:
        assert e.message and isinstance(e.remedy, str)
        return
    normalize_document(doc, "f" * 16)


def rezip(parts: dict[str, bytes]) -> bytes:
    """A zip (deflated) of `parts`, name -> bytes, in their order."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return buf.getvalue()
