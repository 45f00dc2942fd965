"""Fixtures of the report tests: one batch of the shared fixtures (with a broken file
and a duplicate) run through the command line, a later draft of the IMG plan, and a
headless Chromium (Debian's /usr/bin/chromium: browsers cannot be downloaded here)."""

from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ingest.cli import app

CHROMIUM = Path(os.environ.get("WPI_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def run_cli(*args: str) -> object:
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="session")
def drafts():
    """tests/report/drafts.py, loaded by path (tests are not a package)."""
    spec = importlib.util.spec_from_file_location("report_drafts", Path(__file__).with_name("drafts.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def batch_inputs(tmp_path_factory, fixtures_dir: Path) -> Path:
    folder = tmp_path_factory.mktemp("report-in")
    for name in ("img-hre-draft-workplan.docx", "emg-workplan-2018.docx"):
        shutil.copy(fixtures_dir / name, folder / name)
    shutil.copy(fixtures_dir / "emg-workplan-2018.docx", folder / "zz-copy-of-emg.docx")  # a duplicate
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 this is not a zip archive")  # fails
    return folder


@pytest.fixture(scope="session")
def batch_out(tmp_path_factory, batch_inputs: Path) -> Path:
    """An output folder written by `workplan-ingest run` (report and DuckDB included)."""
    out = tmp_path_factory.mktemp("report-out") / "out"
    run_cli("run", str(batch_inputs), "--out", str(out), "--quiet", "--workers", "0")
    return out


@pytest.fixture(scope="session")
def hre_second_draft(tmp_path_factory, fixtures_dir: Path, drafts) -> Path:
    folder = tmp_path_factory.mktemp("drafts")
    return drafts.img_hre_second_draft(fixtures_dir / "img-hre-draft-workplan.docx", folder / "img-hre-v2.docx")


@pytest.fixture(scope="session")
def hre_diff(tmp_path_factory, fixtures_dir: Path, hre_second_draft: Path) -> tuple[Path, str]:
    """`diff` of the IMG plan (as an output folder of its own) and its second draft
    (as a document file): the folder written and what the command printed."""
    base = tmp_path_factory.mktemp("diff")
    (base / "v1").mkdir()
    shutil.copy(fixtures_dir / "img-hre-draft-workplan.docx", base / "v1")
    run_cli("run", str(base / "v1"), "--out", str(base / "old"), "--quiet", "--workers", "0", "--no-report")
    result = run_cli("diff", str(base / "old"), str(hre_second_draft), "--out", str(base / "changes"))
    return base / "changes", result.output


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium through Playwright, with no network."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (test extra) drives the browser")
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: .ci/run installs Debian's chromium package")
        pytest.skip(f"{CHROMIUM} is missing (apt-get install -y chromium)")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
