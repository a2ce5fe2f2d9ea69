"""The export formats the command line and the GUI offer, by name."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from draftdesk.export.docx import export_docx
from draftdesk.export.text import layout_to_text
from draftdesk.packs.model import Pack
from draftdesk.render.layout import Layout


@dataclass(slots=True, frozen=True)
class Exporter:
    """One output format: draws a Layout (with its pack's styles) into bytes."""

    name: str
    suffix: str
    export: Callable[[Layout, Pack], bytes]
    is_text: bool = False


def _text(layout: Layout, pack: Pack) -> bytes:
    return layout_to_text(layout).encode("utf-8")


EXPORTERS: dict[str, Exporter] = {
    "txt": Exporter("text", ".txt", _text, is_text=True),
    "docx": Exporter("Word document", ".docx", export_docx),
}
"""Every exporter by its `--format` name."""
