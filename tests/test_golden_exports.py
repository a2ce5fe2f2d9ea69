"""Text exports of the examples match the reviewed golden files exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from draftdesk.main_job import export_examples
from draftdesk.packs.registry import PackRegistry

GOLDEN = Path(__file__).parent / "golden"
NAMES = [
    "un-oic-cooperation-2017.en.txt",
    "un-oic-cooperation-2017.fr.txt",
    "oic-cfm-48-digital-transformation.en.txt",
    "oic-cfm-48-digital-transformation.fr.txt",
]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The examples exported once by the same code path as `make run`."""
    out = tmp_path_factory.mktemp("out")
    written = export_examples(out, PackRegistry())
    assert sorted(p.name for p in written) == sorted(NAMES)
    return out


@pytest.mark.parametrize("name", NAMES)
def test_export_matches_golden(exported: Path, name: str) -> None:
    """Byte-for-byte equal to tests/golden/NAME (edit the golden file only after review)."""
    actual = (exported / name).read_text(encoding="utf-8")
    expected = (GOLDEN / name).read_text(encoding="utf-8")
    assert actual.splitlines() == expected.splitlines()
    assert actual == expected
