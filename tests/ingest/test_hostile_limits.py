"""Limits: the time limit kills an overrunning document, the memory cap stops a runaway
one, the zip-bomb check answers from the directory alone; the batch always goes on."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from ingest.batch import run_batch
from ingest.rows import DocumentRecord
from parsers.errors import LimitExceeded, UnreadableFile
from parsers.limits import Limits, parse_size
from parsers.safety import check_zip

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("hostile_batch", Path(__file__).with_name("test_hostile_batch.py"))
hb = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(hb)


@pytest.fixture(scope="module")
def slow_and_fine(tmp_path_factory, shared_dir) -> Path:
    folder = tmp_path_factory.mktemp("limits")
    hb.big_table_docx(folder / "big.docx", 20_000)  # seconds of work, hundreds of MB
    (folder / "fine.txt").write_bytes((shared_dir / "seeds" / "emg-workplan-2018.txt").read_bytes())
    return folder


def outcome(result, name: str) -> DocumentRecord:
    return next(d for d in result.documents if Path(d.source_path).name == name)


def test_limits_timeout_kills_the_document_not_the_batch(slow_and_fine):
    result = run_batch([slow_and_fine], limits={"timeout": 1.0}, workers=1)
    big, fine = outcome(result, "big.docx"), outcome(result, "fine.txt")
    assert big.status == "failed" and "longer than 1 s" in big.error and "--timeout" in big.error
    assert [d.code for d in result.tables["diagnostics"] if d.source_path == big.source_path] == ["timeout"]
    assert fine.status == "ok" and fine.n_activities > 40


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS is enforced on Linux")
def test_limits_memory_cap_stops_a_runaway_document(slow_and_fine):
    # 50 MB on top of the loaded pipeline: the 20,000-row table needs about 150 MB.
    result = run_batch([slow_and_fine], limits={"memory_limit": parse_size("50MB"), "timeout": 60}, workers=1)
    big, fine = outcome(result, "big.docx"), outcome(result, "fine.txt")
    assert big.status == "failed" and "--memory-limit" in big.error
    assert fine.status == "ok"


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads VmHWM from /proc")
def test_limits_zip_bomb_refused_from_the_directory(tmp_path):
    bomb = hb.zip_bomb(tmp_path / "bomb.docx", inflated=130 * hb.MiB)
    assert bomb.stat().st_size < 400_000
    script = (f"import time; from parsers.safety import check_zip; from parsers.errors import LimitExceeded\n"
              f"t = time.perf_counter()\n"
              f"try:\n    check_zip({str(bomb)!r}, max_uncompressed=200 << 20, max_ratio=100, ratio_floor=1 << 20,"
              f" max_entries=10000)\nexcept LimitExceeded as e:\n    print('refused', e.message)\n"
              f"print(next(int(x.split()[1]) for x in open('/proc/self/status') if x.startswith('VmHWM')))\n")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    lines = done.stdout.splitlines()
    assert lines[0].startswith("refused") and "zip bomb" in lines[0], done.stderr
    # VmHWM (peak resident set, KiB), not ru_maxrss: the latter keeps the peak of the
    # pytest process this child was forked from.
    assert int(lines[1]) * 1024 < 100 * 1024 * 1024


def test_limits_entries_under_the_ratio_floor_and_forged_sizes(tmp_path):
    path = tmp_path / "ok.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b" " * 500_000)  # 500 KB of blanks: ratio ~1000, but small
    assert check_zip(path, max_uncompressed=1 << 30, max_ratio=100, ratio_floor=1 << 20, max_entries=10) == []
    with pytest.raises(LimitExceeded):
        check_zip(path, max_uncompressed=1 << 30, max_ratio=100, ratio_floor=1000, max_entries=10)
    forged = hb.forge_size(path, tmp_path / "forged.docx", "word/document.xml", 100)
    with pytest.raises(UnreadableFile, match="forged"):
        check_zip(forged, max_uncompressed=1 << 30, max_ratio=1e9, ratio_floor=1 << 30, max_entries=10)
    short = hb.forge_size(path, tmp_path / "short.docx", "word/document.xml", 600_000)
    with pytest.raises(UnreadableFile, match="declares"):
        check_zip(short, max_uncompressed=1 << 30, max_ratio=1e9, ratio_floor=1 << 30, max_entries=10)


def test_limits_max_file_size_and_pages(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text("Work plan\n" * 1000, encoding="utf-8")
    result = run_batch([path], limits={"max_file_size": 1000}, workers=0)
    assert result.documents[0].status == "failed" and "--max-file-size" in result.documents[0].error
    pdf = tmp_path / "two.pdf"
    pdf.write_bytes(hb.pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                            b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
                            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
                            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"]))
    result = run_batch([pdf], limits={"max_pages": 1}, workers=0)
    assert "--max-pages" in result.documents[0].error


def test_limits_resolve_and_sizes():
    assert Limits.resolve(None) == Limits()
    assert Limits.resolve({"timeout": None, "max_rows": 7}).max_rows == 7
    with pytest.raises(ValueError, match="unknown limit"):
        Limits.resolve({"max_bogus": 1})
    assert parse_size("2GB") == 2 << 30 and parse_size("512k") == 512 << 10 and parse_size("1000") == 1000
    with pytest.raises(ValueError):
        parse_size("lots")
    assert Limits().result_key() != Limits(max_rows=1).result_key()
    assert Limits().result_key() == Limits(timeout=5).result_key()
