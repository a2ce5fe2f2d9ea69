"""Masthead, sponsors and closing lines of UN and OIC resolutions, recognised and parsed."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from draftdesk.importers.datetext import (
    ORDINAL_WORD,
    fold,
    language_code,
    parse_date_range,
    parse_ordinal,
)

SYMBOL = re.compile(r"(?:[A-Z]{1,8}(?:\.\d+)?(?:/[A-Za-z0-9.\-]*[A-Za-z0-9])+(?:\s\(\d{4}\))?)")
"""A document symbol: "A/72/L.20", "A/RES/72/54", "S/RES/2223 (2015)", "A/HRC/28/2"."""

_ORG = (
    r"(?:United Nations|Nations Unies|Organi[sz]ation of Islamic Cooperation"
    r"|Organisation de la coopération islamique)"
)
_ORGANS = {
    "general assembly": "General Assembly",
    "assemblee generale": "Assemblée générale",
    "security council": "Security Council",
    "conseil de securite": "Conseil de sécurité",
    "human rights council": "Human Rights Council",
    "conseil des droits de l'homme": "Conseil des droits de l’homme",
    "economic and social council": "Economic and Social Council",
    "conseil economique et social": "Conseil économique et social",
}
_COMMITTEE = re.compile(
    r"^(?:(?:First|Second|Third|Fourth|Fifth|Sixth) Committee|Special Political and "
    r"Decolonization Committee|(?:Première|Deuxième|Troisième|Quatrième|Cinquième|Sixième) "
    r"Commission)$"
)
_DISTRIBUTION = re.compile(
    r"^Distr\.?\s*:?\s*(?P<value>general|limited|restricted|générale|limitée|restreinte)\.?$",
    re.IGNORECASE,
)
_DISTRIBUTIONS = {"general": "general", "generale": "general", "limited": "limited"}
_DISTRIBUTIONS |= {"limitee": "limited", "restricted": "restricted", "restreinte": "restricted"}
_ORIGINAL = re.compile(r"^\[?Original\s*:\s*(?P<value>[^\]]+?)\]?$", re.IGNORECASE)
# Capitalised: a wrapped line of running text ("quarante-huitième session") is not a masthead.
_SESSION = re.compile(rf"^(?P<ordinal>(?=[A-ZÀ-Þ\d]){ORDINAL_WORD})\s+[Ss]ession$")
_AGENDA_EN = re.compile(r"^Agenda items?\s+(?P<value>.+?)\.?$")
_AGENDA_FR = re.compile(r"^Points?\s+(?P<value>.+?)\s+de l['’]ordre du jour$")
_OIC_HEADING = re.compile(
    r"^(?:RESOLUTION|Resolution|RÉSOLUTION|Résolution|RESOLUTIONS|Résolutions)\s+"
    r"(?:No\.?|N[°ºo]\.?|n[°º])\s*(?P<number>\d+)\s*/\s*(?P<session>\d+)\s*-\s*"
    r"(?P<code>[A-Z]+(?:\s*\(IS\))?)\.?$"
)
_SC_HEADING = re.compile(r"^(?:Resolution|Résolution)\s+\d+\s+\(\d{4}\)$")
_ON = re.compile(r"^(?:On|ON|Sur|SUR|On the|Concerning|Relative à)$")
_ADOPTION = re.compile(
    r"^(?:\[(?:on the report|without reference|sur (?:le )?rapport|sans renvoi).*\]|"
    r"(?:Resolution )?adopted by the .*|(?:Résolution )?adoptée par .*|"
    r"Adopted by the .*|Adoptée par .*)$",
    re.IGNORECASE,
)
_JOB = re.compile(r"^(?:GE\.)?\d{2}-\d{4,6}\s*(?:\([A-Z]\))?(?:\s+\d{6})*$")
_SPONSORS = re.compile(
    r"^(?P<names>.+?)\s*(?P<mark>\*{1,3})?\s*:\s*(?P<kind>(?:revised )?draft resolution|"
    r"projet de résolution(?: révisé)?)\s*(?:\*{1,3})?$",
    re.IGNORECASE,
)
_SUBMITTED = re.compile(
    r"^(?:Draft resolution submitted by|Projet de résolution (?:présenté|déposé) par)\s.+$",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(r"^[\s*]*\*[\s*]*\*[\s*]*\*[\s*]*$")
_MEETING = re.compile(
    r"^\d{1,4}\s?(?:st|nd|rd|th|e|re)?\s+(?:plenary meeting|séance plénière)$", re.IGNORECASE
)
_REFERENCE = re.compile(r"^(?=.*\d)[A-Z][A-Z0-9]*(?:[-/.:_ ]+[A-Z0-9]+)+(?: ?:\d{2})?$")


@dataclass(slots=True, frozen=True)
class FieldMatch:
    """A recognised masthead, sponsors or closing line and the values read from it."""

    key: str
    values: dict[str, Any] = field(default_factory=dict)
    stored: bool = True  # False: recognised, but DraftDesk has no place to keep it


def masthead_field(text: str) -> FieldMatch | None:
    """Recognise one masthead line (symbol, organ, distribution, date, session …)."""
    line = " ".join(text.split())
    if not line:
        return None
    if re.fullmatch(_ORG, line):
        return FieldMatch("org")
    if SYMBOL.fullmatch(line):
        return FieldMatch("symbol", {"symbol": line})
    organ = _ORGANS.get(fold(line).replace("’", "'"))
    if organ:
        return FieldMatch("organ", {"organ": organ})
    match = _DISTRIBUTION.match(line)
    if match:
        return FieldMatch("distribution", {"distribution": _DISTRIBUTIONS[fold(match["value"])]})
    match = _ORIGINAL.match(line)
    if match and language_code(match["value"]):
        return FieldMatch("original", {"original_language": language_code(match["value"])})
    match = _SESSION.match(line)
    if match and parse_ordinal(match["ordinal"]):
        return FieldMatch("session", {"session": parse_ordinal(match["ordinal"])})
    match = _AGENDA_EN.match(line) or _AGENDA_FR.match(line)
    if match:
        return FieldMatch("agenda", {"agenda_item": agenda_item(match["value"])})
    match = _OIC_HEADING.match(line)
    if match:
        values = {
            "resolution_number": match["number"],
            "session": int(match["session"]),
            "committee_code": match["code"].replace(" ", ""),
        }
        return FieldMatch("heading", values)
    if _ON.match(line):
        return FieldMatch("on")
    if _COMMITTEE.match(line):
        return FieldMatch("committee", stored=False)
    if _SC_HEADING.match(line) or _ADOPTION.match(line) or _SUBMITTED.match(line):
        return FieldMatch("adoption", stored=False)
    if _JOB.match(line):
        return FieldMatch("job", stored=False)
    found = parse_date_range(line)
    if found and found[0] == found[1] and _covers(line, found[2]):
        return FieldMatch("date", {"date": found[0]})
    return None


def _covers(line: str, span: tuple[int, int]) -> bool:
    """The date takes up the whole line (apart from punctuation)."""
    rest = fold(line)[: span[0]] + fold(line)[span[1] :]
    return not rest.strip(" .")


def agenda_item(value: str) -> str:
    """ "126 u)" (French) and "126 (u)" both become the stored "126 (u)"."""
    value = value.strip()
    return re.sub(r"(?<=\d)\s+([a-z]{1,3})\)", r" (\1)", value)


def sponsors_field(text: str) -> FieldMatch | None:
    """ "Algeria, Bahrain and Yemen*: draft resolution" → names and the note mark."""
    line = " ".join(text.split())
    match = _SPONSORS.match(line)
    if match is None:
        return None
    names_text = match["names"]
    mark = match["mark"] or ""
    if not mark:
        glued = re.search(r"(\*{1,3})$", names_text)
        if glued:
            mark, names_text = glued.group(1), names_text[: glued.start()]
    names = split_names(names_text)
    if not names:
        return None
    return FieldMatch("sponsors", {"sponsors": names, "mark": mark})


def split_names(text: str) -> list[str]:
    """Sponsor names from "A, B and C" / "A, B et C" (a mark glued to a name is dropped)."""
    parts = re.split(r",\s*|\s+(?:and|et)\s+", text.strip())
    return [part.strip().rstrip("*").strip() for part in parts if part.strip().rstrip("*")]


def closing_field(text: str) -> FieldMatch | None:
    """Recognise a closing line: separator, plenary meeting, adoption line, date."""
    line = " ".join(text.split())
    if _SEPARATOR.match(line):
        return FieldMatch("separator")
    if _MEETING.match(line):
        return FieldMatch("meeting", stored=False)
    if re.match(r"^(?:Adopted|Adoptée) (?:by|par) ", line) and len(line) < 160:
        return FieldMatch("adoption", stored=False)
    found = parse_date_range(line)
    if found and found[0] == found[1] and _covers(line.rstrip("."), found[2]):
        return FieldMatch("meeting-date", stored=False)
    return None


def reference_line(text: str) -> str | None:
    """An OIC reference line after the separator ("RMB-CFM48-27-3-2022-11:00")."""
    line = " ".join(text.split())
    if len(line) <= 60 and _REFERENCE.match(line):
        return re.sub(r"(\d) :(\d{2})\b", r"\1:\2", line)
    return None


_FIELD_STARTS = re.compile(
    r"\s(?=Distr\.|Original\s?:)|(?<=United Nations)\s|(?<=Nations Unies)\s"
)


def split_fields(text: str) -> list[str] | None:
    """A line holding several masthead fields, as PDF extraction gives the two columns of a
    masthead ("General Assembly Distr.: General") → its fields; None when it is not one."""
    line = " ".join(text.split())
    parts = _FIELD_STARTS.split(line)
    if len(parts) < 2 or not all(masthead_field(part) for part in parts):
        return None
    return parts


def standalone_line(text: str) -> bool:
    """A line that is a paragraph on its own whatever surrounds it (masthead, closing)."""
    return (
        masthead_field(text) is not None
        or sponsors_field(text) is not None
        or closing_field(text) is not None
        or split_fields(text) is not None
    )


def body_hint(match: FieldMatch) -> str:
    """The organ named by a masthead line ("Security Council"), "" for other lines."""
    return str(match.values.get("organ", ""))
