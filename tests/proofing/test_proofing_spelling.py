"""Offline spelling: tokens, elisions, hyphens, split words, suggestions and word lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from draftdesk.proofing.spelling import Spelling, SpellingUnavailableError
from draftdesk.proofing.wordlist import (
    UserDictionary,
    WordList,
    WordListError,
    split_elision,
    strip_possessive,
    tokenize,
)


def test_tokens_leave_out_symbols_numbers_acronyms_and_urls() -> None:
    text = (
        "Voir A/72/L.20, le 49e Sommet de l’OCI (OIC), https://undocs.org/fr/A/RES/70/1 et n\ufffc"
    )
    assert [t.word for t in tokenize(text)] == ["Voir", "le", "Sommet", "de", "l’OCI", "et"]


def test_token_offsets_and_superscripts_skipped() -> None:
    text = "Supplément no 53"
    tokens = list(tokenize(text, skip=[(12, 13)]))  # the raised "o" of "no"
    assert [(t.start, t.end, t.word) for t in tokens] == [(0, 10, "Supplément")]


def test_elision_and_possessive() -> None:
    assert split_elision("l’Organisation") == ("l’", "Organisation")
    assert split_elision("qu'il") == ("qu'", "il")
    assert split_elision("aujourd’hui") == ("", "aujourd’hui")
    assert strip_possessive("Secretary-General’s") == "Secretary-General"
    assert strip_possessive("States’") == "States"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "l’Organisation de la coopération islamique, jusqu’à Bosnie-Herzégovine"),
        ("fr", "qu’il ait été décidé, d’Istanbul, ONU-Femmes, contre-discours, a-t-il"),
        ("fr", "l'Organisation mondiale de la Santé et l’OCI au XXIe siècle"),
        ("en", "the Secretary-General’s report on peacebuilding and programmes of organizations"),
        ("en", "capacity-building, post-conflict rehabilitation and interreligious dialogue"),
    ],
)
def test_real_un_text_is_accepted(spelling: Spelling, lang: str, text: str) -> None:
    assert spelling.check(text, lang) == []


def test_typos_are_found_with_suggestions(spelling: Spelling) -> None:
    found = spelling.check("la coopératoin entre les organisationn", "fr")
    assert [(m.word, m.suggestions) for m in found] == [
        ("coopératoin", ("coopération",)),
        ("organisationn", ("organisation", "organisations")),
    ]
    found = spelling.check("the goverment and the recomendation", "en")
    assert [(m.word, m.suggestions[:1]) for m in found] == [
        ("goverment", ("government",)),
        ("recomendation", ("recommendation",)),
    ]


def test_words_split_by_pdf_extraction(spelling: Spelling) -> None:
    text = "les d omaines, le ur action, les objec tifs au Moyen -Orient"
    found = spelling.check(text, "fr")
    assert [(m.word, m.suggestions, m.split) for m in found] == [
        ("d omaines", ("domaines",), True),
        ("le ur", ("leur",), True),
        ("objec tifs", ("objectifs",), True),
        ("Moyen -Orient", ("Moyen-Orient",), True),
    ]
    assert [text[m.start : m.end] for m in found] == [m.word for m in found]


def test_capitalised_word_keeps_its_capital(spelling: Spelling) -> None:
    found = spelling.check("Le Secrétariatt général", "fr")
    assert found[0].suggestions[0] == "Secrétariat"


def test_missing_dictionary_is_reported(tmp_path: Path) -> None:
    with pytest.raises(SpellingUnavailableError, match=r"fr\.dic"):
        Spelling(tmp_path, {}).speller("fr")


def test_word_list_case_rules() -> None:
    words = WordList(["# comment", "biennium", "Djedda", "Sha'ban"])
    assert words.accepts("biennium") and words.accepts("Biennium") and words.accepts("BIENNIUM")
    assert words.accepts("Djedda") and words.accepts("DJEDDA")
    assert not words.accepts("djedda")
    assert words.accepts("Sha’ban") and words.accepts("Sha'ban")
    assert len(words) == 3


def test_user_dictionary_persists(tmp_path: Path, spelling: Spelling) -> None:
    path = tmp_path / "data" / "dictionary.txt"
    user = UserDictionary(path)
    bare = Spelling(spelling.folder, {"fr": [user]})
    assert [m.word for m in bare.check("à Ouagadougouville", "fr")] == ["Ouagadougouville"]
    user.add("Ouagadougouville")
    bare.forget_verdicts()
    assert bare.check("à Ouagadougouville", "fr") == []
    assert path.read_text(encoding="utf-8") == "Ouagadougouville\n"
    assert UserDictionary(path).accepts("Ouagadougouville")
    user.remove("Ouagadougouville")
    assert path.read_text(encoding="utf-8") == ""


def test_user_dictionary_refuses_phrases_and_bad_files(tmp_path: Path) -> None:
    user = UserDictionary(tmp_path / "dictionary.txt")
    with pytest.raises(WordListError, match="not a single word"):
        user.add("two words")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(WordListError, match=r"bad\.txt: cannot be read"):
        UserDictionary(bad)
