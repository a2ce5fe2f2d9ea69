"""Which language a text is in, and which pack and body it belongs to."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from draftdesk.errors import PackError
from draftdesk.importers.datetext import fold
from draftdesk.importers.formula import Formula, opening_formula
from draftdesk.importers.masthead import masthead_field
from draftdesk.packs.model import Pack
from draftdesk.packs.registry import PackRegistry

_WORDS = re.compile(r"[^\W\d_]+")
# fmt: off
_FRENCH = frozenset([
    "le", "la", "les", "des", "du", "de", "et", "à", "en", "que", "qui", "dans", "pour", "sur",
    "une", "un", "est", "sont", "par", "au", "aux", "son", "ses", "sa", "leur", "leurs", "l",
    "d", "qu", "ce", "cette", "ainsi", "notamment", "entre",
])
_ENGLISH = frozenset([
    "the", "of", "and", "to", "in", "that", "for", "on", "with", "by", "is", "are", "its",
    "their", "as", "at", "from", "an", "be", "which", "this", "including", "between", "also",
    "all",
])
# fmt: on
_FALLBACK_PACKS = {True: "oic-cfm", False: "un-ga"}


@dataclass(slots=True, frozen=True)
class LanguageGuess:
    """The language of a text and how sure the guess is (0–1)."""

    lang: str
    confidence: float


def detect_language(texts: Iterable[str]) -> LanguageGuess:
    """English or French, by counting the commonest function words of each."""
    french = english = 0
    for text in texts:
        for word in _WORDS.findall(text.casefold()):
            french += word in _FRENCH
            english += word in _ENGLISH
    total = french + english
    if total == 0:
        return LanguageGuess("en", 0.0)
    lang = "fr" if french > english else "en"
    share = max(french, english) / total
    # Twenty function words are enough to tell; fewer leaves the guess weak.
    return LanguageGuess(lang, share * min(1.0, total / 20))


@dataclass(slots=True)
class Target:
    """The pack and body a text is imported into, with the reasons shown in the report."""

    pack: Pack
    body: str
    pack_reason: str
    body_reason: str
    concerns: list[str] = field(default_factory=list)


def find_formula(texts: list[str]) -> tuple[int, Formula] | None:
    """The first opening formula among the first paragraphs, with its index."""
    for index, text in enumerate(texts[:80]):
        formula = opening_formula(text)
        if formula is not None:
            return index, formula
    return None


def choose_target(
    texts: list[str], registry: PackRegistry, pack_id: str | None, body_key: str | None
) -> Target:
    """Pick the pack and body: as given, else from the opening formula and the masthead."""
    found = find_formula(texts)
    formula = found[1] if found else None
    organ = formula.organ if formula else _masthead_organ(texts)
    oic = bool(formula and formula.oic) or any(
        (m := masthead_field(t)) is not None and m.key == "heading" for t in texts[:20]
    )
    concerns: list[str] = []
    if pack_id is not None:
        pack = registry.get(pack_id)
        pack_reason = "given"
    else:
        found_pack = _pack_with_organ(registry, organ)
        if found_pack is not None:
            pack, pack_reason = found_pack, "detected"
        else:
            fallback = _FALLBACK_PACKS[oic]
            ids = registry.ids()
            if not ids:
                raise PackError("no template pack is installed: DraftDesk cannot import")
            pack = registry.get(fallback if fallback in ids else ids[0])
            pack_reason = "detected" if organ else "default"
    if body_key is not None:
        if body_key not in pack.bodies:
            raise PackError(
                f"body {body_key!r} is not defined in pack {pack.id!r} "
                f"(bodies: {', '.join(pack.bodies)})"
            )
        return Target(pack, body_key, pack_reason, "given")
    body = _body_in_pack(pack, organ)
    if body:
        return Target(pack, body, pack_reason, f"from “{organ}”")
    body = next(iter(pack.bodies))
    if organ:
        concerns.append(
            f"the text is a resolution of the {organ}, which pack {pack.id!r} does not "
            f"define: imported as {body} (its opening formula and French agreement follow "
            f"that body); import again with --pack and --body once a pack for the {organ} "
            "is installed"
        )
    return Target(pack, body, pack_reason, "default", concerns)


def _masthead_organ(texts: list[str]) -> str:
    for text in texts[:20]:
        match = masthead_field(text)
        if match is not None and match.key == "organ":
            return str(match.values["organ"])
    return ""


def _pack_with_organ(registry: PackRegistry, organ: str) -> Pack | None:
    """The first installed pack with a body called `organ`."""
    if not organ:
        return None
    for pack_id in registry.ids():
        pack = registry.get(pack_id)
        if _body_in_pack(pack, organ):
            return pack
    return None


def _body_in_pack(pack: Pack, organ: str) -> str:
    """The body of `pack` called `organ` in English or French, "" when there is none."""
    if not organ:
        return ""
    wanted = fold(organ).replace("’", "'")
    for key, body in pack.bodies.items():
        names = [*body.name.values(), *body.definite.values()]
        for name in names:
            folded = fold(name).replace("’", "'")
            folded = re.sub(r"^(?:the |l'|le |la )", "", folded)
            if folded == wanted or folded.startswith(wanted) or wanted.startswith(folded):
                return key
    return ""
