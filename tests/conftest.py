"""Shared pytest fixtures: where the read-only shared folder and its samples are."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared").resolve()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the clone")
    return SHARED


@pytest.fixture(scope="session")
def fixtures_dir(shared_dir: Path) -> Path:
    return shared_dir / "fixtures"


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    return shared_dir / "seeds"


@pytest.fixture(scope="session")
def external_dir(shared_dir: Path) -> Path:
    return shared_dir / "external"


@pytest.fixture(scope="session")
def pdf_samples():
    """tests/parsers/pdf_samples.py (fpdf2 generators of test PDFs), loaded by path
    since tests are not a package; skips when the fpdf2 test extra is missing."""
    pytest.importorskip("fpdf", reason="fpdf2 (test extra) makes the sample PDFs")
    import importlib.util

    spec = importlib.util.spec_from_file_location("pdf_samples", ROOT / "tests" / "parsers" / "pdf_samples.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
