"""Word list numbering: the label ("1.", "(a)", "ii)") Word displays before a list paragraph."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from draftdesk.numbering import alphabetic, roman

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"

_BULLET = "•"


@dataclass(slots=True, frozen=True)
class ListLevel:
    """One level of a Word list definition."""

    start: int = 1
    fmt: str = "decimal"  # decimal, lowerLetter, upperLetter, lowerRoman, upperRoman, bullet …
    text: str = "%1."  # lvlText: "%1." or "(%2)"; a bullet character for bullets
    restart: int | None = None  # lvlRestart: restart after this (1-based) level


@dataclass(slots=True)
class ListNumbering:
    """The list definitions of a document and the running counters while reading it."""

    abstract: dict[str, dict[int, ListLevel]] = field(default_factory=dict)
    instances: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def from_xml(cls, root: Any | None) -> ListNumbering:
        """Read `w:numbering` (an lxml element, or None when the document has no lists)."""
        numbering = cls()
        if root is None:
            return numbering
        for abstract in root.iter(f"{W}abstractNum"):
            levels: dict[int, ListLevel] = {}
            for lvl in abstract.iter(f"{W}lvl"):
                ilvl = _int(lvl.get(f"{W}ilvl"), 0)
                restart = _child_val(lvl, "lvlRestart")
                levels[ilvl] = ListLevel(
                    start=_int(_child_val(lvl, "start"), 1),
                    fmt=_child_val(lvl, "numFmt") or "decimal",
                    text=_child_val(lvl, "lvlText") or "",
                    restart=_int(restart, 0) if restart is not None else None,
                )
            numbering.abstract[abstract.get(f"{W}abstractNumId", "")] = levels
        for num in root.iter(f"{W}num"):
            abstract_id = _child_val(num, "abstractNumId") or ""
            overrides: dict[int, int] = {}
            for override in num.iter(f"{W}lvlOverride"):
                start = _child_val(override, "startOverride")
                if start is not None:
                    overrides[_int(override.get(f"{W}ilvl"), 0)] = _int(start, 1)
            numbering.instances[num.get(f"{W}numId", "")] = (abstract_id, overrides)
        return numbering

    def next_label(self, num_id: str, ilvl: int) -> str:
        """Advance the counter of list `num_id` at level `ilvl` and return the label shown."""
        instance = self.instances.get(num_id)
        if instance is None:
            return ""
        abstract_id, overrides = instance
        levels = self.abstract.get(abstract_id, {})
        level = levels.get(ilvl)
        if level is None:
            return ""
        counters = self.counters.setdefault(num_id, {})
        start = overrides.get(ilvl, level.start)
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            # lvlRestart n: restart when level n (1-based) or a higher one is used; 0: never.
            restart = levels.get(deeper, ListLevel()).restart
            if restart is None or (restart > 0 and ilvl <= restart - 1):
                del counters[deeper]
        if level.fmt == "bullet":
            return _BULLET
        if level.fmt == "none":
            return ""
        label = level.text
        for index in range(9):
            placeholder = f"%{index + 1}"
            if placeholder in label:
                value = counters.get(index, levels.get(index, ListLevel()).start)
                fmt = levels.get(index, ListLevel()).fmt
                label = label.replace(placeholder, format_number(value, fmt))
        return label.strip()


def format_number(value: int, fmt: str) -> str:
    """A counter value in a Word number format."""
    if fmt == "lowerLetter":
        return alphabetic(value)
    if fmt == "upperLetter":
        return alphabetic(value).upper()
    if fmt == "lowerRoman":
        return roman(value)
    if fmt == "upperRoman":
        return roman(value).upper()
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _child_val(element: Any, name: str) -> str | None:
    child = element.find(f"{W}{name}")
    if child is None:
        return None
    value = child.get(f"{W}val")
    return str(value) if value is not None else None


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
