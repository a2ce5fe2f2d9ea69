"""The command line starts light: subcommand groups load only when the CLI is parsed."""

from __future__ import annotations

import subprocess
import sys

from draftdesk.cli import SUBCOMMANDS, build_parser, subcommand_names


def test_subcommand_names_are_in_step_with_the_groups() -> None:
    """SUBCOMMANDS lists exactly what the groups register."""
    assert subcommand_names(build_parser()) == set(SUBCOMMANDS)


def test_importing_the_cli_loads_no_subcommand_group() -> None:
    """`import draftdesk.cli` (the GUI's start path) imports no proofing, packs or import code."""
    code = (
        "import sys, draftdesk.cli; "
        "print(sorted(m for m in sys.modules if m.startswith(('draftdesk.proofing', "
        "'draftdesk.importers', 'draftdesk.cli.', 'requests', 'PySide6'))))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)  # fmt: skip
    assert result.stdout.strip() == "[]"


def test_broken_pipe_is_not_a_traceback() -> None:
    """`draftdesk export … | head -1` ends quietly."""
    from tests.conftest import UN_EXAMPLE

    command = f"{sys.executable} -m draftdesk export {UN_EXAMPLE} --lang en --format txt | head -1"
    result = subprocess.run(command, shell=True, capture_output=True, text=True, check=False)
    assert result.stdout == "United Nations\n"
    assert "Traceback" not in result.stderr
