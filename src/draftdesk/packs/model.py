"""A template pack as data: manifest, bodies, house style, phrases and clause templates."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from draftdesk.language import FrenchForms, agree
from draftdesk.model.document import Part


class OpenerStyle(StrEnum):
    """How a pack sets the opener of a paragraph."""

    ITALIC = "italic"
    PLAIN = "plain"
    CAPS = "caps"


class SlotType(StrEnum):
    """The typed inputs a clause template takes."""

    TEXT = "text"
    DATE = "date"
    DATE_RANGE = "date_range"
    CITATIONS = "citations"
    ORDINAL = "ordinal"
    NUMBER = "number"
    ENTITY = "entity"
    FOOTNOTE = "footnote"
    LIST = "list"


@dataclass(slots=True)
class HouseStyle:
    """The switches that make a UN text look UN and an OIC text look OIC."""

    preamble_terminator: str = ","
    preamble_last_terminator: str = ","
    operative_terminator: str = ";"
    operative_last_terminator: str = "."
    subparagraph_intro: str = ":"
    preambular_opener: OpenerStyle = OpenerStyle.ITALIC
    operative_opener: OpenerStyle = OpenerStyle.ITALIC
    italic_preposition: bool = False
    font: str = "Times New Roman"
    font_size: float = 12.0
    paper: str = "A4"

    def opener_style(self, part: Part) -> OpenerStyle:
        """The opener style of a part (annex paragraphs follow the operative part)."""
        return self.preambular_opener if part is Part.PREAMBLE else self.operative_opener


@dataclass(slots=True)
class Body:
    """An organ that adopts resolutions, with the French agreement it imposes."""

    key: str
    name: dict[str, str]
    gender: str = "f"
    number: str = "sg"
    definite: dict[str, str] = field(default_factory=dict)  # "l’Assemblée générale"


@dataclass(slots=True)
class Phrase:
    """An opener in English and French (French forms by gender and number)."""

    key: str
    part: Part
    en: str
    fr: FrenchForms
    notes: str = ""

    def form(self, lang: str, body: Body) -> str:
        """The opener as the body says it in `lang` ("Convaincue" for the Assembly)."""
        if lang == "fr":
            return agree(self.fr, body.gender, body.number)
        return self.en


@dataclass(slots=True)
class SlotSpec:
    """One typed input of a clause template."""

    name: str
    type: SlotType
    label: dict[str, str] = field(default_factory=dict)
    required: bool = True
    default: Any = None


@dataclass(slots=True)
class FieldSpec:
    """A pack-specific metadata field (OIC resolution number, session theme …)."""

    name: str
    label: dict[str, str]
    default: Any = ""
    per_language: bool = False


@dataclass(slots=True)
class Clause:
    """A clause template: a default opener, typed slots and one template per language."""

    key: str
    part: Part
    opener: str | None
    label: dict[str, str]
    slots: dict[str, SlotSpec]
    templates: dict[str, str]
    source: str = ""


@dataclass(slots=True)
class Pack:
    """A loaded template pack."""

    id: str
    name: str
    version: str
    author: str = ""
    description: str = ""
    languages: list[str] = field(default_factory=lambda: ["en", "fr"])
    min_draftdesk: str = "0.0.0"
    style: HouseStyle = field(default_factory=HouseStyle)
    bodies: dict[str, Body] = field(default_factory=dict)
    entities: dict[str, dict[str, str]] = field(default_factory=dict)
    fields: dict[str, FieldSpec] = field(default_factory=dict)
    phrases: dict[Part, dict[str, Phrase]] = field(default_factory=dict)
    clauses: dict[str, Clause] = field(default_factory=dict)
    layout: dict[str, str] = field(default_factory=dict)
    root: Path | None = None
    extends: str | None = None
    """Id of the pack this one adds to (`[pack].extends`); its content is merged in."""
    base: Pack | None = None
    """The loaded base pack when `extends` is set: what this pack adds is what it lacks."""
    reference_docx: Path | None = None
    """The Word document holding the pack's styles (the base pack's when it has none)."""

    def body(self, key: str) -> Body | None:
        """The body with this key, or None."""
        return self.bodies.get(key)

    def phrase(self, part: Part, key: str) -> Phrase | None:
        """The opener `key` of a part (annexes use the operative library)."""
        library = Part.PREAMBLE if part is Part.PREAMBLE else Part.OPERATIVE
        return self.phrases.get(library, {}).get(key)

    def field_values(self, values: dict[str, Any]) -> dict[str, Any]:
        """Document field values completed with the defaults of the fields the pack declares."""
        completed = {name: spec.default for name, spec in self.fields.items()}
        completed.update(values)
        return completed

    def layout_template(self, name: str, lang: str) -> str:
        """Source of a layout template such as "masthead" in `lang` ("" when absent)."""
        return self.layout.get(f"{name}.{lang}", "")
