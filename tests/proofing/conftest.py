"""Fixtures of the proofing tests: spelling with the shipped dictionaries, a checker per pack."""

from __future__ import annotations

import pytest

from draftdesk.packs.model import Pack
from draftdesk.paths import resources_dir
from draftdesk.proofing.checker import Checker
from draftdesk.proofing.rules_document import load_glossary
from draftdesk.proofing.spelling import Spelling
from draftdesk.proofing.wordlist import WordList, built_in_words

DICTIONARIES = resources_dir() / "dictionaries"


@pytest.fixture(scope="session")
def spelling() -> Spelling:
    """Spelling with the shipped dictionaries and built-in lists (loaded once: ~3 s)."""
    lists: dict[str, list[WordList]] = {
        lang: [built_in_words(DICTIONARIES, lang)] for lang in ("en", "fr")
    }
    return Spelling(DICTIONARIES, lists)


@pytest.fixture(scope="session")
def un_checker(un_pack: Pack, spelling: Spelling) -> Checker:
    """A checker of the UN pack with spelling and the built-in glossary."""
    return Checker(
        un_pack, spelling=spelling, glossary=load_glossary([DICTIONARIES / "glossary.toml"])
    )


@pytest.fixture(scope="session")
def oic_checker(oic_pack: Pack, spelling: Spelling) -> Checker:
    """A checker of the OIC pack with spelling and the built-in glossary."""
    return Checker(
        oic_pack, spelling=spelling, glossary=load_glossary([DICTIONARIES / "glossary.toml"])
    )
