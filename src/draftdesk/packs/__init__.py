"""Template packs: house style, bodies, phrase libraries and clause templates."""

from __future__ import annotations

from draftdesk.packs.loader import load_pack
from draftdesk.packs.model import (
    Body,
    Clause,
    HouseStyle,
    OpenerStyle,
    Pack,
    Phrase,
    SlotSpec,
    SlotType,
)
from draftdesk.packs.registry import PackRegistry

__all__ = [
    "Body",
    "Clause",
    "HouseStyle",
    "OpenerStyle",
    "Pack",
    "PackRegistry",
    "Phrase",
    "SlotSpec",
    "SlotType",
    "load_pack",
]
