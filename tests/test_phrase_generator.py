"""The packs' generated phrase files are exactly what scripts/build_phrases.py writes."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_phrases", ROOT / "scripts" / "build_phrases.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_phrases"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def test_generated_phrase_files_are_up_to_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Re-running the generator on the committed TSV reproduces the committed files."""
    generator = _generator()
    assert generator.main(["--templates", str(tmp_path)]) == 0
    assert "total: 132 preambular, 106 operative" in capsys.readouterr().out
    for pack in ("un-ga", "oic-cfm"):
        committed = ROOT / "templates" / pack / "phrases" / "openers.toml"
        generated = tmp_path / pack / "phrases" / "openers.toml"
        assert generated.read_text(encoding="utf-8") == committed.read_text(encoding="utf-8")
