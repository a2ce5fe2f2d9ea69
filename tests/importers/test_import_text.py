"""Plain text as PDF extraction and typing leave it: furniture, footnotes, wraps, encodings."""

from __future__ import annotations

from pathlib import Path

import pytest

from draftdesk.importers.importer import ImportOptions
from draftdesk.importers.result import ChangeKind, ItemKind
from draftdesk.packs.registry import PackRegistry
from tests.importers.support import run_import, write_text

# Two pages of an English draft as pdftotext gives them: the masthead in two columns, job
# number and barcode, a note cut at the foot of page 1 that goes on at the foot of page 2,
# a links line, the running head and page number of page 2, a word hyphenated at a line
# end, marks glued after punctuation, "Please recycle".
TWO_PAGES = """\
United Nations A/72/L.99
General Assembly Distr.: Limited
20 November 2017
Original: English
17-20999 (E) 211117
*1720999*
Seventy-second session
Agenda item 126 (u)
Cooperation between the United Nations and regional and other organizations
Algeria, Bahrain and Yemen*: draft resolution
Cooperation between the United Nations and the Organization of
Islamic Cooperation
The General Assembly,
Recalling its resolutions 37/4 of 22 October 1982 and 38/4 of 28
October 1983,
Having examined the report of the Secretary-General on the organi-
zation of the cooperation,1
Noting the cooperation in the fields of peace and security, at the
__________________
* On behalf of the States Members of the United Nations that are members of the
Organization of Islamic Cooperation.
1 A/71/160-S/2016/621, para. 3, on the work of the
https://undocs.org/A/71/160
A/72/L.99
17-20999 2/3
organization in the regions and the cooperation of the Sawt al-
Hikma centre,
1. Takes note of the report of the Secretary-General;1
2. Requests the Secretary-General to report on the cooperation,
including on the organization of meetings;2
__________________
Secretariat and the specialized agencies.
2 See resolution 70/1.
Please recycle
"""

FRENCH = """\
L’Assemblée générale,
Convaincu que la coopération est utile¹,
Prenant note des résultats de la réunion²,
Inquiète de la situation,
1) Prie le Secrétaire général de faire rapport :
a) sur la coopération ;
b) sur les domaines suivants :
i) la paix ;
ii) le développement ;
2) Décide de rester saisie de la question.
__________________
¹ Voir A/72/1.
² Voir A/72/2.
"""


def test_two_pages_of_extracted_text(tmp_path: Path, registry: PackRegistry) -> None:
    imported = run_import(write_text(tmp_path, TWO_PAGES), registry)
    lines = imported.text.splitlines()
    assert lines[:11] == [
        "United Nations",
        "A/72/L.99",
        "General Assembly",
        "Distr.: Limited",
        "20 November 2017",
        "Original: English",
        "Seventy-second session",
        "Agenda item 126 (u)",
        "Cooperation between the United Nations and regional and other organizations",
        "Algeria, Bahrain and Yemen[*]: draft resolution",
        "Cooperation between the United Nations and the Organization of Islamic Cooperation",
    ]
    assert lines[11:] == [
        "The General Assembly,",
        "Recalling its resolutions 37/4 of 22 October 1982 and 38/4 of 28 October 1983,",
        "Having examined the report of the Secretary-General on the organization of the "
        "cooperation,[1]",
        "Noting the cooperation in the fields of peace and security, at the organization in "
        "the regions and the cooperation of the Sawt al-Hikma centre,",
        "1. Takes note of the report of the Secretary-General;[1]",
        "2. Requests the Secretary-General to report on the cooperation, including on the "
        "organization of meetings.[2]",
        "",
        "[*] On behalf of the States Members of the United Nations that are members of the "
        "Organization of Islamic Cooperation.",
        "[1] A/71/160-S/2016/621, para. 3, on the work of the Secretariat and the "
        "specialized agencies.",
        "[2] See resolution 70/1.",
    ]
    meta = imported.built.document.metadata
    assert meta.sponsors == {"en": ["Algeria", "Bahrain", "Yemen"]}
    assert meta.sponsors_note == "fn-sponsors"
    assert (meta.symbol, meta.session, meta.agenda_item) == ("A/72/L.99", 72, "126 (u)")
    assert [n.id for n in imported.built.document.footnotes] == ["fn-sponsors", "fn-1", "fn-2"]


def test_every_removal_and_join_is_reported(tmp_path: Path, registry: PackRegistry) -> None:
    imported = run_import(write_text(tmp_path, TWO_PAGES), registry)
    removed = [(c.where, c.reason) for c in imported.changes() if c.kind is ChangeKind.REMOVED]
    assert removed == [
        ("lines 5–6", "page header or footer (symbol, job number, page number)"),
        ("line 23", "link line"),
        ("lines 24–25", "page header or footer (symbol, job number, page number)"),
        ("line 34", "page furniture"),
    ]
    others = {(c.before, c.after) for c in imported.changes() if c.kind is not ChangeKind.REMOVED}
    assert ("organi- zation", "organization") in others  # the joined word occurs elsewhere
    assert ("the cooperation,1", "the cooperation,[1]") in others
    assert ("of meetings;2", "of meetings;[2]") in others
    assert "al-Hikma" in imported.text  # a hyphen before a capital is part of the name


def test_french_windows_text_with_superscript_marks(
    tmp_path: Path, registry: PackRegistry
) -> None:
    imported = run_import(write_text(tmp_path, FRENCH, encoding="cp1252"), registry)
    result = imported.result
    assert (result.encoding, result.lang, result.lang_reason) == ("Windows-1252", "fr", "detected")
    spaced = imported.text.replace("\u202f", " ").replace("\u00a0", " ")
    assert spaced.splitlines()[4:] == [
        "L’Assemblée générale,",
        "Convaincue que la coopération est utile[1],",
        "Prenant note des résultats de la réunion[2],",
        "Inquiète de la situation,",
        "1. Prie le Secrétaire général de faire rapport :",
        "a) sur la coopération ;",
        "b) sur les domaines suivants :",
        "i) la paix ;",
        "ii) le développement ;",
        "2. Décide de rester saisie de la question.",
        "",
        "[1] Voir A/72/1.",
        "[2] Voir A/72/2.",
    ]
    preamble = imported.of(ItemKind.PREAMBULAR)
    assert [item.opener for item in preamble] == ["convinced", "taking-note-of", None]
    assert preamble[0].reasons == [
        "the opener “Convaincu” does not agree with the body: DraftDesk prints the agreeing form"
    ]
    # "des résultats" is "de" + "les résultats": the text is stored without the preposition.
    assert preamble[1].text[0].text == "les résultats de la réunion"  # type: ignore[union-attr]
    assert preamble[2].unmatched_opener == "Inquiète de"  # kept as text, and listed
    assert [item.level for item in imported.of(ItemKind.SUBPARAGRAPH)] == [1, 1, 2, 2]
    assert imported.built.document.operative[1].opener == "decides-to-remain-seized-of-the-matter"
    assert "  preambular 3, line 4: “Inquiète de”" in imported.report.splitlines()


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("utf-8", b""), ("utf-8-sig", b""), ("utf-16", b""), ("cp1252", b""), ("latin-1", b"")],
)
def test_encodings(tmp_path: Path, registry: PackRegistry, encoding: str, prefix: bytes) -> None:
    path = tmp_path / "fr.txt"
    path.write_bytes(prefix + FRENCH.replace("’", "'").replace("¹", "1").replace("²", "2")
                     .encode(encoding))  # fmt: skip
    imported = run_import(path, registry)
    assert "Prenant note des résultats de la réunion[2]," in imported.text


def test_word_split_by_a_stray_space_uses_the_checker(
    tmp_path: Path, registry: PackRegistry
) -> None:
    text = (
        "The General Assembly,\n"
        "Noting the domaines of cooperation and the domaines of peace,\n"
        "Noting also the d omaines of trade and the wish pour suivre the work,\n"
        "1. Decides to continue.\n"
    )
    path = write_text(tmp_path, text)
    by_default = run_import(path, registry)
    assert "Noting also the domaines of trade" in by_default.text
    assert ("d omaines", "domaines") in {(c.before, c.after) for c in by_default.changes()}

    class Dictionary:
        """A spelling dictionary as the proofing module will offer one."""

        def is_known(self, word: str, lang: str) -> bool:
            """A few words, as if from a dictionary."""
            return word in {"pour", "suivre", "poursuivre", "domaines", "d"}

    with_dictionary = run_import(path, registry, checker=Dictionary())
    assert "the wish pour suivre the work" in with_dictionary.text  # both parts are words
    assert "the domaines of trade" in with_dictionary.text


def test_labels_as_people_type_them(tmp_path: Path, registry: PackRegistry) -> None:
    text = (
        "The General Assembly,\n"
        "PP1 Recalling its resolution 70/1,\n"
        "1. Decides:\n"
        "(a) first;\n"
        "(b) second;\n"
        "(c) third;\n"
        "(d) fourth;\n"
        "(e) fifth;\n"
        "(f) sixth;\n"
        "(g) seventh;\n"
        "(h) eighth;\n"
        "(i) ninth, which includes:\n"
        "(i) a first point;\n"
        "(ii) a second point;\n"
        "2 Requests the Secretary-General to report;\n"
        "OP3 Invites Member States to contribute;\n"
        "4bis. Decides to remain seized of the matter.\n"
    )
    imported = run_import(write_text(tmp_path, text), registry)
    subs = imported.of(ItemKind.SUBPARAGRAPH)
    assert [(s.label, s.level) for s in subs] == [
        *((f"({c})", 1) for c in "abcdefghi"),
        ("(i)", 2),
        ("(ii)", 2),
    ]
    operative = imported.of(ItemKind.OPERATIVE)
    assert [item.label for item in operative] == ["1.", "2", "OP3", "4bis."]
    assert operative[1].opener == "requests"  # "2 Requests": its full stop was lost
    assert operative[3].reasons == ["numbered 4bis.: DraftDesk numbers it in sequence"]
    assert imported.of(ItemKind.PREAMBULAR)[0].label == "PP1"
    lines = imported.text.splitlines()
    assert "(i) ninth, which includes:" in lines and "(ii) a second point;" in lines
    assert lines[-1] == "4. Decides to remain seized of the matter."


def test_security_council_resolution(tmp_path: Path, registry: PackRegistry) -> None:
    text = (
        "United Nations S/RES/2223 (2015)\n"
        "Security Council Distr.: General\n"
        "28 May 2015\n"
        "15-08661 (E)\n"
        "*1508661*\n"
        "Resolution 2223 (2015)\n"
        "Adopted by the Security Council at its 7451st meeting, on 28 May 2015\n"
        "The Security Council,\n"
        "Recalling its previous resolutions, in particular resolutions 1996 (2011) and "
        "2206 (2015),\n"
        "Deeply alarmed by the continued fighting,\n"
        "1. Decides to extend the mandate of the Mission until 30 November 2015;\n"
        "2. Decides to remain actively seized of the matter.\n"
    )
    imported = run_import(write_text(tmp_path, text), registry)
    result, meta = imported.result, imported.built.document.metadata
    assert (result.pack_id, result.body, result.body_reason) == (
        "un-ga", "general-assembly", "default",
    )  # fmt: skip
    assert "the text is a resolution of the Security Council" in result.concerns[0].message
    assert (meta.symbol, meta.distribution, meta.date.isoformat()) == (  # type: ignore[union-attr]
        "S/RES/2223 (2015)", "general", "2015-05-28",
    )  # fmt: skip
    assert [item.source for item in imported.check.not_kept] == [
        "Resolution 2223 (2015)",
        "Adopted by the Security Council at its 7451st meeting, on 28 May 2015",
    ]
    assert imported.of(ItemKind.PREAMBULAR)[1].unmatched_opener == "Deeply alarmed by"
    assert imported.text.splitlines()[-1] == "2. Decides to remain actively seized of the matter."


def test_adopted_resolution_with_closing_lines(tmp_path: Path, registry: PackRegistry) -> None:
    text = (
        "A/RES/72/54\n"
        "General Assembly\n"
        "Distr.: General\n"
        "12 December 2017\n"
        "Seventy-second session\n"
        "Agenda item 99 (hh)\n"
        "Resolution adopted by the General Assembly on 4 December 2017\n"
        "[on the report of the First Committee (A/72/409)]\n"
        "72/54. Implementation of the Convention on Cluster Munitions\n"
        "The General Assembly,\n"
        "Recalling its resolutions 63/71 of 2 December 2008 and 71/45 of 5 December 2016,\n"
        "1. Welcomes the entry into force of the Convention;\n"
        "2. Urges all States to join the Convention.\n"
        "62nd plenary meeting\n"
        "4 December 2017\n"
    )
    imported = run_import(write_text(tmp_path, text), registry)
    assert [item.key for item in imported.of(ItemKind.CLOSING)] == ["meeting", "meeting-date"]
    assert imported.built.document.metadata.title == {
        "en": "72/54. Implementation of the Convention on Cluster Munitions"
    }
    assert [item.source for item in imported.check.not_kept][-2:] == [
        "62nd plenary meeting",
        "4 December 2017",
    ]
    first = imported.built.document.preamble[0]
    assert first.clause == "recalling-resolutions"
    assert first.slots == {
        "resolutions": [
            {"symbol": "63/71", "date": "2008-12-02"},
            {"symbol": "71/45", "date": "2016-12-05"},
        ]
    }


def test_oic_resolution_in_english(tmp_path: Path, registry: PackRegistry) -> None:
    text = (
        "RESOLUTION No. 1/44-POL\n"
        "ON\n"
        "THE CAUSE OF PALESTINE AND AL-QUDS AL-SHARIF\n"
        "The Council of Foreign Ministers of the Organization of Islamic Cooperation, meeting "
        "at its 44th Session (Session of Youth, Peace and Development in a World of "
        "Solidarity) in Abidjan, Republic of Côte d'Ivoire, from 10-11 July 2017 "
        "(16-17 Shawwal 1438H),\n"
        "Reaffirming the principles and objectives of the OIC Charter;\n"
        "Expressing its deep concern over the situation:\n"
        "1. REAFFIRMS the centrality of the cause of Palestine.\n"
        "2. URGES Member States to:\n"
        "a) support the State of Palestine;\n"
        "b) boycott the settlements.\n"
        "3. REQUESTS the Secretary-General to follow up the implementation of this resolution "
        "and to submit a report thereon to the next session of the Council of Foreign "
        "Ministers.\n"
    )
    imported = run_import(write_text(tmp_path, text), registry)
    document = imported.built.document
    meta = document.metadata
    assert (imported.result.pack_id, meta.body) == ("oic-cfm", "council-of-foreign-ministers")
    assert meta.fields["resolution_number"] == "1"
    assert meta.fields["committee_code"] == "POL"
    assert meta.session == 44
    assert meta.fields["theme"] == {"en": "Youth, Peace and Development in a World of Solidarity"}
    assert meta.meeting is not None and meta.meeting.place == {
        "en": "Abidjan, Republic of Côte d'Ivoire"
    }
    assert meta.meeting.hijri is None  # 16-17 Shawwal 1438H is what DraftDesk computes
    assert meta.title == {"en": "THE CAUSE OF PALESTINE AND AL-QUDS AL-SHARIF"}
    assert [p.opener for p in document.operative] == ["reaffirms", "urges", "requests"]
    assert [c.text["en"][0].text for c in document.operative[1].children] == [  # type: ignore[union-attr]
        "support the State of Palestine",
        "boycott the settlements",
    ]
    opening = [c for _, c in imported.check.changes if c.where.startswith("lines 4")]
    assert opening == []  # the formula is one line here
    assert "3. REQUESTS the Secretary-General to follow up" in imported.text


def test_forced_language_pack_and_body(tmp_path: Path, registry: PackRegistry) -> None:
    path = write_text(tmp_path, "Recalling its resolution 70/1,\n1. Decides to act.\n")
    imported = run_import(
        path, registry, ImportOptions(pack="oic-cfm", body="islamic-summit", lang="en")
    )
    result = imported.result
    assert (result.pack_id, result.pack_reason) == ("oic-cfm", "given")
    assert (result.body, result.body_reason, result.lang_reason) == (
        "islamic-summit", "given", "given",
    )  # fmt: skip
    assert [p.opener for p in imported.built.document.operative] == ["decides"]


def test_annex(tmp_path: Path, registry: PackRegistry) -> None:
    text = (
        "The General Assembly,\n"
        "Recalling its resolution 70/1,\n"
        "1. Adopts the Declaration annexed to the present resolution;\n"
        "2. Requests the Secretary-General to disseminate the Declaration.\n"
        "Annex\n"
        "Declaration on cooperation\n"
        "1. States shall cooperate.\n"
        "2. States shall report:\n"
        "(a) annually;\n"
        "(b) to the Assembly.\n"
    )
    imported = run_import(write_text(tmp_path, text), registry)
    document = imported.built.document
    assert [annex.title for annex in document.annexes] == [{"en": "Declaration on cooperation"}]
    assert len(document.annexes[0].paragraphs) == 2
    assert imported.text.splitlines()[-5:] == [
        "Declaration on cooperation",
        "1. States shall cooperate.",
        "2. States shall report:",
        "(a) annually;",
        "(b) to the Assembly.",
    ]
    assert [item.source for item in imported.check.not_kept] == ["Annex"]
    assert imported.result.counts().annexes == 1
    assert imported.of(ItemKind.OPERATIVE)[0].unmatched_opener == "Adopts"


def test_a_second_resolution_is_left_out_and_said(tmp_path: Path, registry: PackRegistry) -> None:
    text = (
        "The General Assembly,\n"
        "Recalling its resolution 70/1,\n"
        "1. Decides to act.\n"
        "The General Assembly,\n"
        "Noting the report,\n"
        "1. Requests a report.\n"
    )
    imported = run_import(write_text(tmp_path, text), registry)
    document = imported.built.document
    assert (len(document.preamble), len(document.operative)) == (1, 1)
    assert [item.kind for item in imported.result.items][-3:] == [ItemKind.IGNORED] * 3
    assert "line 4 (30%): a second resolution seems to begin here" in imported.report
