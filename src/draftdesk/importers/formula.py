"""The opening formula: "The General Assembly," / « Le Conseil de sécurité, » / OIC sessions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from draftdesk.importers.datetext import ORDINAL_WORD, fold, parse_date_range, parse_ordinal

# Organs by their accent-free lower-case names, English and French → the English name.
_UN_ORGANS = {
    "general assembly": "General Assembly",
    "assemblee generale": "General Assembly",
    "security council": "Security Council",
    "conseil de securite": "Security Council",
    "human rights council": "Human Rights Council",
    "conseil des droits de l'homme": "Human Rights Council",
    "economic and social council": "Economic and Social Council",
    "conseil economique et social": "Economic and Social Council",
}
_OIC_ORGANS = {
    "council of foreign ministers": "Council of Foreign Ministers",
    "conseil des ministres des affaires etrangeres": "Council of Foreign Ministers",
    "islamic summit": "Islamic Summit Conference",
    "sommet islamique": "Islamic Summit Conference",
    "conference islamique au sommet": "Islamic Summit Conference",
}
_UN_FORMULA = re.compile(
    r"^(?:the|l'|le |la |les )\s*(?P<organ>[^,;:.()]{3,90}?)\s*(?P<comma>[,:])?$"
)
_THEME = re.compile(r"\((?:session\s*(?:of|:|-|–)?\s*)(?P<theme>[^()]+)\)", re.IGNORECASE)
_SESSION = re.compile(
    rf"(?:(?P<ordinal>{ORDINAL_WORD})\s+(?:ordinary\s+|extraordinary\s+)?session"
    rf"|at its\s+(?P<at>{ORDINAL_WORD})\s+session)",
    re.IGNORECASE,
)
_PLACE = re.compile(
    r"(?:held in|meeting in|tenue à|réunie à|réuni à|[,)]\s+in)\s+(?P<place>[A-ZÀ-Þ].+?),?\s+"
    r"(?=(?:on|from|les?|du|the)\s+\d|\d)",
)
_HIJRI_EN = re.compile(r"\((?P<hijri>[^()]*\d{4}\s*(?:H|AH|A\.H\.)?)\)")
_HIJRI_FR = re.compile(r",\s*(?:les?|du)\s+(?P<hijri>[^,()]*?\d{4}(?:\s*H)?)\s*[.,]?$")


@dataclass(slots=True, frozen=True)
class Formula:
    """A recognised opening formula: the organ it names and, for the OIC, the session."""

    organ: str  # English name of the organ ("Security Council")
    oic: bool = False
    values: dict[str, Any] = field(default_factory=dict)
    confidence: float = 1.0


def opening_formula(text: str) -> Formula | None:
    """Recognise a paragraph as the opening formula of a resolution."""
    written = " ".join(text.split())
    line = written.replace("’", "'")
    if not line or len(line) > 600:
        return None
    oic = _oic_formula(written)
    if oic is not None:
        return oic
    folded = fold(line)
    match = _UN_FORMULA.match(folded)
    if match is None or len(line.split()) > 10:
        return None
    organ = match["organ"].strip()
    if organ in _UN_ORGANS:
        return Formula(_UN_ORGANS[organ])
    if organ in _OIC_ORGANS:
        return Formula(_OIC_ORGANS[organ], oic=True)
    if match["comma"] and line[0].isupper() and not line.rstrip(",:").endswith("."):
        # "The Conference of the Parties,": an organ DraftDesk does not know by name.
        name = line[len(line) - len(line.lstrip()) :].rstrip(",: ")
        return Formula(name.split(" ", 1)[1] if " " in name else name, confidence=0.6)
    return None


def _oic_formula(line: str) -> Formula | None:
    folded = fold(line.replace("’", "'"))
    organ = next((name for key, name in _OIC_ORGANS.items() if key in folded), "")
    if not organ or "session" not in folded:
        return None
    if not re.match(r"^(?:the|la|le|l')\b", folded):
        return None
    values: dict[str, Any] = {}
    session = _SESSION.search(line)
    if session:
        number = parse_ordinal(session["ordinal"] or session["at"])
        if number:
            values["session"] = number
    theme = _THEME.search(line)
    if theme:
        values["theme"] = theme["theme"].strip()
    place = _PLACE.search(line)
    rest = line
    if place:
        values["place"] = place["place"].strip().rstrip(",")
        rest = line[place.end() :]
    dates = parse_date_range(rest)
    if dates:
        values["start"], values["end"] = dates[0], dates[1]
        after = rest[dates[2][1] :]
        hijri = _HIJRI_EN.search(after) or _HIJRI_FR.search(after)
        if hijri:
            values["hijri"] = hijri["hijri"].strip()
    return Formula(organ, oic=True, values=values, confidence=0.95 if "session" in values else 0.7)


def organ_names() -> dict[str, str]:
    """Every organ the importer knows by name (accent-free, lower case) → English name."""
    return {**_UN_ORGANS, **_OIC_ORGANS}
