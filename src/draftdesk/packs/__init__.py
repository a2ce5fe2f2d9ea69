"""Template packs: house style, bodies, phrase libraries and clause templates.

Installing, validating and sharing packs live in the submodules `install` (preview,
install), `catalog` (list, remove, build, export, sign), `validate`, `signing` and
`trust`; they are not imported here because they render documents, and the document
commands import this package.
"""

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
from draftdesk.packs.registry import MissingPackVersionError, PackEntry, PackRegistry, PackSource

__all__ = [
    "Body",
    "Clause",
    "HouseStyle",
    "MissingPackVersionError",
    "OpenerStyle",
    "Pack",
    "PackEntry",
    "PackRegistry",
    "PackSource",
    "Phrase",
    "SlotSpec",
    "SlotType",
    "load_pack",
]
