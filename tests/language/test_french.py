"""Tests for French typography, raised ordinal suffixes, agreement and prepositions."""

from __future__ import annotations

import pytest

from draftdesk.language import (
    TRAILING_PREPOSITIONS_FR,
    FrenchForms,
    LanguageError,
    agree,
    apply_french_typography,
    contract_a,
    contract_de,
    join_with_preposition,
    pluralize_agreeing,
    split_trailing_preposition,
    superscript_spans,
)

NNBSP = "\u202f"
NBSP = "\u00a0"

TYPOGRAPHY_CASES = [
    # ; ! ? take U+202F, replacing whatever space was there.
    ("Tenant compte de la Charte ;", f"Tenant compte de la Charte{NNBSP};"),
    ("la Charte;", f"la Charte{NNBSP};"),
    (f"la Charte{NBSP};", f"la Charte{NNBSP};"),
    ("Pourquoi ?", f"Pourquoi{NNBSP}?"),
    ("Enfin!", f"Enfin{NNBSP}!"),
    ("Quoi?!", f"Quoi{NNBSP}?!"),
    # Punctuation opening a run (it may follow a footnote mark) still gets its space.
    (";", f"{NNBSP};"),
    ("; et", f"{NNBSP}; et"),
    # Colon: U+00A0, except in times and URLs.
    ("Décide:", f"Décide{NBSP}:"),
    (f"Décide {NNBSP}:", f"Décide{NBSP}:"),
    (":", f"{NBSP}:"),
    ("à 11:00 heures", "à 11:00 heures"),
    ("voir https://undocs.org/fr/A/RES/37/4", "voir https://undocs.org/fr/A/RES/37/4"),
    (
        "voir https://undocs.org/fr/A/72/L.5?x=1; ok",
        f"voir https://undocs.org/fr/A/72/L.5?x=1{NNBSP}; ok",
    ),
    # Guillemets and straight quotes.
    ("« Un monde digne des enfants »", f"«{NNBSP}Un monde digne des enfants{NNBSP}»"),
    ("«Un monde»", f"«{NNBSP}Un monde{NNBSP}»"),
    ('le "Programme d\'action OCI 2025" du', f"le «{NNBSP}Programme d’action OCI 2025{NNBSP}» du"),
    ('le "', f"le «{NNBSP}"),
    ('" du 13e Sommet', f"{NNBSP}» du 13e Sommet"),
    ("l'Organisation", "l’Organisation"),
    # Ordinal suffixes.
    ("49ème session", "49e session"),
    ("XXIème siècle", "XXIe siècle"),
    ("2ième rapport", "2e rapport"),
    ("2èmes rapports", "2es rapports"),
    ("38ème SESSION", "38e SESSION"),
    ("37 ème SESSION", "37e SESSION"),
    ("1ère session", "1re session"),
    ("1ères sessions", "1res sessions"),
    ("1er mars, 1ers jours, 1res séances", "1er mars, 1ers jours, 1res séances"),
    ("dixième, MÈME, Mme", "dixième, MÈME, Mme"),
    # Spaces.
    ("trois  espaces   ici", "trois espaces ici"),
    ("", ""),
]


@pytest.mark.parametrize(("text", "expected"), TYPOGRAPHY_CASES)
def test_french_typography(text: str, expected: str) -> None:
    assert apply_french_typography(text) == expected


@pytest.mark.parametrize("text", [case[0] for case in TYPOGRAPHY_CASES])
def test_french_typography_is_idempotent(text: str) -> None:
    once = apply_french_typography(text)
    assert apply_french_typography(once) == once


def test_reference_sentence() -> None:
    text = (
        'Rappelant également le "Programme d\'action OCI 2025" du 13ème Sommet islamique '
        "(Istanbul, 14-15 avril 2016), qui appelle à la promotion des compétences en TIC ;"
    )
    assert apply_french_typography(text) == (
        f"Rappelant également le «{NNBSP}Programme d’action OCI 2025{NNBSP}» du 13e Sommet "
        f"islamique (Istanbul, 14-15 avril 2016), qui appelle à la promotion des compétences "
        f"en TIC{NNBSP};"
    )


def _raised(text: str) -> list[str]:
    return [text[start:end] for start, end in superscript_spans(text)]


def test_superscript_reference_examples() -> None:
    text = "du XXIe siècle, du 13e Sommet, lors de la 47e session, le 1er août"
    assert _raised(text) == ["e", "e", "e", "er"]
    assert superscript_spans("XXIe siècle") == [(3, 4)]
    assert superscript_spans("le 1er août") == [(4, 6)]


@pytest.mark.parametrize(
    ("text", "raised"),
    [
        ("1er", ["er"]),
        ("1re", ["re"]),
        ("1ers", ["ers"]),
        ("1res", ["res"]),
        ("2e", ["e"]),
        ("49e", ["e"]),
        ("2es", ["es"]),
        ("XIXe", ["e"]),
        ("IIe", ["e"]),
        ("4076e séance", ["e"]),
        ("Le Ce De", []),
        ("2euros", []),
        ("49ème", []),
        ("1erement", []),
        ("Ve République", []),
        ("ICe", []),
        ("A/72/L.5", []),
    ],
)
def test_superscript_spans(text: str, raised: list[str]) -> None:
    assert _raised(text) == raised


# --- Agreement -----------------------------------------------------------------------------

CONVAINCU = FrenchForms("Convaincu", "Convaincue")
SOUCIEUX = FrenchForms("Soucieux", "Soucieuse")
RAPPELANT = FrenchForms("Rappelant")


def test_agreement_with_bodies() -> None:
    assert agree(CONVAINCU, "f", "sg") == "Convaincue"  # l'Assemblée générale
    assert agree(CONVAINCU, "m", "sg") == "Convaincu"  # le Conseil de sécurité
    assert agree(SOUCIEUX, "m", "sg") == "Soucieux"  # le Conseil des ministres (OIC)
    assert agree(CONVAINCU, "m", "pl") == "Convaincus"  # les États parties
    assert agree(CONVAINCU, "f", "pl") == "Convaincues"
    assert agree(SOUCIEUX, "f", "pl") == "Soucieuses"
    assert agree(SOUCIEUX, "m", "pl") == "Soucieux"


@pytest.mark.parametrize("gender", ["m", "f"])
@pytest.mark.parametrize("number", ["sg", "pl"])
def test_present_participle_is_invariable(gender: str, number: str) -> None:
    assert agree(RAPPELANT, gender, number) == "Rappelant"
    assert agree(FrenchForms("Prenant note de"), gender, number) == "Prenant note de"


def test_explicit_plurals_win() -> None:
    forms = FrenchForms("Loyal", "Loyale", mp="Loyaux", fp="Loyales")
    assert agree(forms, "m", "pl") == "Loyaux"
    assert agree(forms, "f", "pl") == "Loyales"


@pytest.mark.parametrize(
    ("form", "counterpart", "expected"),
    [
        ("Profondément préoccupé", "Profondément préoccupée", "Profondément préoccupés"),
        ("Profondément préoccupée", "Profondément préoccupé", "Profondément préoccupées"),
        ("Soucieux de", "Soucieuse de", "Soucieux de"),
        ("Soucieuse de", "Soucieux de", "Soucieuses de"),
        ("Conscient de", "Consciente de", "Conscients de"),
        ("Consciente en outre", "Conscient en outre", "Conscientes en outre"),
        (
            "Décide de rester saisi de la question",
            "Décide de rester saisie de la question",
            "Décide de rester saisis de la question",
        ),
        ("Rappelant", "Rappelant", "Rappelant"),
    ],
)
def test_pluralize_agreeing(form: str, counterpart: str, expected: str) -> None:
    assert pluralize_agreeing(form, counterpart) == expected


def test_agree_rejects_bad_keys() -> None:
    with pytest.raises(ValueError):
        agree(CONVAINCU, "n", "sg")
    with pytest.raises(ValueError):
        agree(CONVAINCU, "m", "du")


# --- Prepositions --------------------------------------------------------------------------


def test_trailing_prepositions_constant() -> None:
    assert TRAILING_PREPOSITIONS_FR == ("de", "d’", "à")


@pytest.mark.parametrize(
    ("prep", "following", "expected"),
    [
        ("de", "le rapport", "du rapport"),
        ("de", "les résultats", "des résultats"),
        ("de", "l’adoption", "de l’adoption"),
        ("de", "la Charte", "de la Charte"),
        ("de", "un mémorandum", "d’un mémorandum"),
        ("de", "maintenir", "de maintenir"),
        ("de", "Organisation", "d’Organisation"),
        ("de", "haut niveau", "de haut niveau"),
        ("de", "Hongrie", "de Hongrie"),
        ("de", "habitude", "d’habitude"),
        ("de", "élever le niveau", "d’élever le niveau"),
        ("de", "Le Caire", "du Caire"),
        ("de", "du rapport", "du rapport"),
        ("de", "des résultats", "des résultats"),
        ("de", "de la Charte", "de la Charte"),
        ("de", "d’autres", "d’autres"),
        ("d’", "les États", "des États"),
        ("à", "le Secrétaire général", "au Secrétaire général"),
        ("à", "les États membres", "aux États membres"),
        ("à", "la Charte", "à la Charte"),
        ("à", "l’initiative", "à l’initiative"),
        ("à", "au Secrétaire général", "au Secrétaire général"),
        ("à", "aux États membres", "aux États membres"),
        ("à", "à la Charte", "à la Charte"),
        ("à", "encourager", "à encourager"),
    ],
)
def test_join_with_preposition(prep: str, following: str, expected: str) -> None:
    assert join_with_preposition(prep, following) == expected


def test_opener_already_followed_by_contracted_form() -> None:
    # "Prend note avec satisfaction de" + "du rapport" must not become "de du rapport".
    opener, prep = split_trailing_preposition("Prend note avec satisfaction de", "fr")
    assert (opener, prep) == ("Prend note avec satisfaction", "de")
    assert join_with_preposition("de", "du rapport") == "du rapport"


def test_contract_filters() -> None:
    assert contract_de("le rapport") == "du rapport"
    assert contract_a("les États membres") == "aux États membres"


def test_other_prepositions_join_without_contraction() -> None:
    assert join_with_preposition("par", "le rapport") == "par le rapport"
    assert join_with_preposition("par", "par le rapport") == "par le rapport"
    assert join_with_preposition("que", "il ait été décidé") == "qu’il ait été décidé"
    assert join_with_preposition("que", "qu’il ait été décidé") == "qu’il ait été décidé"
    assert join_with_preposition("que", "les deux organisations") == "que les deux organisations"
    assert join_with_preposition("que", "haut") == "que haut"


@pytest.mark.parametrize(
    ("opener", "lang", "expected"),
    [
        ("Prenant note de", "fr", ("Prenant note", "de")),
        ("Se référant à", "fr", ("Se référant", "à")),
        ("Rappelant", "fr", ("Rappelant", None)),
        ("Guidé par", "fr", ("Guidé", "par")),
        ("Considérant que", "fr", ("Considérant", "que")),
        ("Prenant acte d'", "fr", ("Prenant acte", "d’")),
        ("Conscient en outre", "fr", ("Conscient en outre", None)),
        ("Taking note of", "en", ("Taking note", "of")),
        ("Aware of", "en", ("Aware", "of")),
        ("Decides", "en", ("Decides", None)),
        ("Decides that", "en", ("Decides", "that")),
        ("Calls upon", "en", ("Calls upon", None)),
        ("de", "fr", ("de", None)),
    ],
)
def test_split_trailing_preposition(
    opener: str, lang: str, expected: tuple[str, str | None]
) -> None:
    assert split_trailing_preposition(opener, lang) == expected


def test_split_bad_language() -> None:
    with pytest.raises(LanguageError):
        split_trailing_preposition("Aware of", "de")
