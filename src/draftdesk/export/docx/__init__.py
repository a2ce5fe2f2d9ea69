"""DOCX export: a Layout drawn into a Word document with the pack's styles and real footnotes."""

from __future__ import annotations

from draftdesk.export.docx.writer import export_docx

__all__ = ["export_docx"]
