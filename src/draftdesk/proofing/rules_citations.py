"""Citations of resolutions: a date at the first mention (GA and most bodies), a year (SC).

style-rules.md §1.8 and §2.3: "resolution 37/4 of 22 October 1982" / « résolution 37/4 du
22 octobre 1982 »; Security Council resolutions by number and year, "2086 (2013)". A
resolution already cited with its date earlier in the document may be named again without
it ("pursuant to General Assembly resolution 69/317"), as UN texts do. Footnotes are not
checked: "See resolution 70/1." is the standard footnote form.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any, Final

from draftdesk.model.document import Document, Paragraph
from draftdesk.packs.model import Pack, SlotType
from draftdesk.proofing.context import DocumentFacts, ParagraphContext
from draftdesk.proofing.findings import Finding, Severity, Target, editor_text

_KEYWORD: Final[dict[str, re.Pattern[str]]] = {
    "en": re.compile(r"\b[Rr]esolutions?\s+"),
    "fr": re.compile(r"\b[Rr]ésolutions?\s+"),
}
_SYMBOL: Final[re.Pattern[str]] = re.compile(
    r"(?:ES-|S-)?\d{1,4}/\d{1,4}(?:\s[A-Z](?![\w/]))?|\d{1,4}\s\([IVXLC]+\)|\d{1,4}(?![\w/])"
)
_MONTHS_FR: Final[str] = (
    "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
)
_DATE: Final[dict[str, re.Pattern[str]]] = {
    "en": re.compile(r"\ufffc?\s+of\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}"),
    "fr": re.compile(
        rf"\ufffc?\s+(?:du|en date du)\s+(?:1er|\d{{1,2}})\s+(?:{_MONTHS_FR})\s+\d{{4}}"
    ),
}
# A date given after the list: « résolutions 68/127 et 70/109 de l'Assemblée générale, en
# date respectivement du 18 décembre 2013 et du 10 décembre 2015 »; "resolutions 68/127
# and 70/109 of 18 December 2013 and 10 December 2015, respectively".
_LATE_DATE: Final[dict[str, re.Pattern[str]]] = {
    "en": re.compile(r"[^;.]{0,80}?\brespectively\b"),
    "fr": re.compile(
        rf"\ufffc?(?:\s+(?:du\s+|de la\s+|de l[’']|des\s+)[^,;()]{{1,60}})?,?\s+en date "
        rf"(?:respectivement )?du\s+(?:1er|\d{{1,2}})\s+(?:{_MONTHS_FR})\s+\d{{4}}"
    ),
}
_YEAR: Final[re.Pattern[str]] = re.compile(r"\ufffc?\s+\((?:19|20)\d{2}\)")
_SEPARATOR: Final[dict[str, re.Pattern[str]]] = {
    "en": re.compile(r"\ufffc?(?:,\s+(?:and\s+)?|\s+and\s+)"),
    "fr": re.compile(r"\ufffc?(?:,\s+(?:et\s+)?|\s+et\s+)"),
}
_SECURITY_COUNCIL: Final[dict[str, re.Pattern[str]]] = {
    "en": re.compile(r"Security Council\s+$"),
    "fr": re.compile(r"^\S*\s+du Conseil de sécurité"),
}


@dataclass(slots=True, frozen=True)
class Mention:
    """One resolution cited in a text: where, its symbol, and what accompanies it."""

    start: int
    end: int
    symbol: str
    dated: bool
    with_year: bool
    security_council: bool


def mentions(text: str, lang: str) -> Iterator[Mention]:
    """The resolutions cited in `text` ("resolutions 1996 (2011), 2046 (2012) and …")."""
    keyword, date, separator = _KEYWORD[lang], _DATE[lang], _SEPARATOR[lang]
    for match in keyword.finditer(text):
        position = match.end()
        council = (
            bool(_SECURITY_COUNCIL["en"].search(text[: match.start()])) if lang == "en" else False
        )
        found: list[Mention] = []
        while True:
            symbol = _SYMBOL.match(text, position)
            if symbol is None:
                break
            end = symbol.end()
            dated = date.match(text, end)
            year = _YEAR.match(text, end)
            bare = "/" not in symbol.group() and "(" not in symbol.group()
            if lang == "fr" and not council:
                council = bool(_SECURITY_COUNCIL["fr"].match(text[end:]))
            if not bare or len(symbol.group()) >= 3:
                found.append(
                    Mention(
                        symbol.start(),
                        end,
                        symbol.group(),
                        bool(dated),
                        bool(year),
                        council or bare,
                    )
                )
            position = (dated or year or symbol).end()
            following = separator.match(text, position)
            if following is None:
                break
            position = following.end()
        late = _LATE_DATE[lang].match(text, position)
        for mention in found:
            yield replace(mention, dated=True) if late and not mention.with_year else mention


def dated_citations(document: Document, pack: Pack, lang: str, facts: DocumentFacts) -> None:
    """Record in `facts.dated[lang]` where each resolution is first cited with its date."""
    first = facts.dated.setdefault(lang, {})
    for paragraph in document.all_paragraphs():
        order = facts.order(paragraph.id)
        for item in _slot_citations(paragraph, pack):
            if item.get("date") and isinstance(item.get("symbol"), str):
                first.setdefault(item["symbol"], (order, -1))
        for mention in mentions(editor_text(paragraph.text.get(lang, [])), lang):
            if mention.dated and (
                mention.symbol not in first or first[mention.symbol] > (order, mention.start)
            ):
                first[mention.symbol] = (order, mention.start)


class CitationRule:
    """Resolutions cited without the date (or, for the Security Council, the year)."""

    def __init__(self, pack: Pack) -> None:
        self.pack = pack

    def check(self, ctx: ParagraphContext) -> list[Finding]:
        """Findings for citations in the paragraph's text and in its citation slots."""
        findings: list[Finding] = []
        order = ctx.facts.order(ctx.paragraph.id)
        dated = ctx.facts.dated.get(ctx.lang, {})
        for mention in mentions(ctx.text, ctx.lang):
            if mention.security_council and not mention.with_year and not mention.dated:
                rule, key = "citation-year", "citation-year"
            elif not mention.security_council and not mention.dated:
                if dated.get(mention.symbol, (order + 1, 0)) < (order, mention.start):
                    continue
                rule, key = "citation-date", "citation-date"
            else:
                continue
            findings.append(
                ctx.finding(
                    rule,
                    Severity.ERROR,
                    ctx.say(key, symbol=mention.symbol),
                    start=mention.start,
                    end=mention.end,
                )
            )
        for slot, item in _slot_items(ctx.paragraph, self.pack):
            symbol = item.get("symbol")
            if not isinstance(symbol, str) or item.get("date") or item.get("year"):
                continue
            council = "/" not in symbol and "(" not in symbol
            key = "citation-year" if council else "citation-date"
            findings.append(
                ctx.finding(
                    key,
                    Severity.ERROR,
                    ctx.say(key, symbol=symbol),
                    target=Target.SLOT,
                    slot=slot,
                    excerpt=symbol,
                )
            )
        return findings


def _slot_items(paragraph: Paragraph, pack: Pack) -> Iterator[tuple[str, dict[str, Any]]]:
    clause = pack.clauses.get(paragraph.clause) if paragraph.clause else None
    if clause is None:
        return
    for name, spec in clause.slots.items():
        values = paragraph.slots.get(name)
        if spec.type is SlotType.CITATIONS and isinstance(values, list):
            for item in values:
                if isinstance(item, dict):
                    yield name, item


def _slot_citations(paragraph: Paragraph, pack: Pack) -> Iterator[dict[str, Any]]:
    for _, item in _slot_items(paragraph, pack):
        yield item
