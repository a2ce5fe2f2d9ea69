"""Rendering: Document + pack + language → the format-neutral Layout."""

from __future__ import annotations

from draftdesk.render.builder import Renderer, build_layout
from draftdesk.render.layout import Block, BlockRole, Layout, Note, Run

__all__ = ["Block", "BlockRole", "Layout", "Note", "Renderer", "Run", "build_layout"]
