"""The review step's core API: re-classify items, correct values, build the document."""

from __future__ import annotations

from pathlib import Path

import pytest

from draftdesk.errors import CommandError
from draftdesk.importers.build import build_document
from draftdesk.importers.importer import import_file
from draftdesk.importers.result import ItemKind
from draftdesk.importers.review import reclassify, set_values
from draftdesk.model.inline import Text
from draftdesk.packs.registry import PackRegistry
from tests.importers.support import write_text

TEXT = """\
The General Assembly,
Recalling its resolution 70/1,
Requests the Secretary-General to report,
1. Decides to act;
Including by meetings;
2. Invites Member States to contribute:
(a) funds;
(b) experts.
"""


@pytest.fixture
def path(tmp_path: Path) -> Path:
    """The short text every review test starts from."""
    return write_text(tmp_path, TEXT)


def test_items_carry_kind_confidence_and_reasons(path: Path, registry: PackRegistry) -> None:
    result = import_file(path, registry)
    summary = [(item.kind, item.label, item.opener, item.unsure) for item in result.items]
    assert summary == [
        (ItemKind.OPENING, "", None, False),
        (ItemKind.PREAMBULAR, "", None, False),  # the clause "recalling-resolutions"
        (ItemKind.OPERATIVE, "", "requests", False),  # an operative verb, unnumbered
        (ItemKind.OPERATIVE, "1.", "decides", False),
        (ItemKind.OPERATIVE, "", None, True),  # a capital where a continuation belongs
        (ItemKind.OPERATIVE, "2.", "invites", False),
        (ItemKind.SUBPARAGRAPH, "(a)", None, False),
        (ItemKind.SUBPARAGRAPH, "(b)", None, False),
    ]
    assert result.items[1].clause == "recalling-resolutions"
    assert result.items[2].reasons == ["not numbered in the source"]
    assert result.items[2].confidence == 0.75
    assert result.items[4].reasons == ["not numbered, and its opener is unknown"]


def test_reclassify_and_build(path: Path, registry: PackRegistry) -> None:
    result = import_file(path, registry)
    pack = registry.get(result.pack_id)
    # The user says the unnumbered paragraph is preambular: its opener is looked up again,
    # in the preambular library, which has no "Requests".
    item = reclassify(result, result.items[2].id, ItemKind.PREAMBULAR, pack)
    assert (item.kind, item.opener, item.unmatched_opener) == (
        ItemKind.PREAMBULAR, None, "Requests",
    )  # fmt: skip
    assert item.reasons == ["classified by hand"]
    # (b) goes one level down, under (a).
    reclassify(result, result.items[7].id, ItemKind.SUBPARAGRAPH, pack, level=2)
    document = build_document(result, pack).document
    assert len(document.preamble) == 2
    assert [p.opener for p in document.operative] == ["decides", None, "invites"]
    invites = document.operative[2]
    assert len(invites.children) == 1 and len(invites.children[0].children) == 1
    assert invites.children[0].children[0].text == {"en": [Text("experts")]}


def test_continuation_and_ignored(path: Path, registry: PackRegistry) -> None:
    result = import_file(path, registry)
    pack = registry.get(result.pack_id)
    reclassify(result, result.items[4].id, ItemKind.CONTINUATION, pack)
    document = build_document(result, pack).document
    assert document.operative[1].text == {"en": [Text("to act; Including by meetings")]}
    reclassify(result, result.items[2].id, ItemKind.IGNORED, pack)
    document = build_document(result, pack).document
    assert [p.opener for p in document.operative] == ["decides", "invites"]
    assert result.counts().operative == 2


def test_corrected_values(registry: PackRegistry, tmp_path: Path) -> None:
    opening = (
        "The Forty-eighth Session of the Council of Foreign Ministers of the Organization "
        "of Islamic Cooperation, held in Islamabad, Islamic Republic of Pakistan, on 22 and "
        "23 March 2022,\n"
    )
    body = TEXT.split("\n", 1)[1]
    path = write_text(tmp_path, f"RESOLUTION No. 3/48-POL\nOn\nTitle [draft*]\n{opening}{body}")
    result = import_file(path, registry)
    heading = result.items[0]
    assert heading.values == {"resolution_number": "3", "session": 48, "committee_code": "POL"}
    set_values(result, heading.id, committee_code="ORG")
    document = build_document(result, registry.get(result.pack_id)).document
    assert document.metadata.fields["committee_code"] == "ORG"
    assert document.metadata.title == {"en": "Title \\[draft\\*]"}  # literal, not markup


def test_review_errors(path: Path, registry: PackRegistry) -> None:
    result = import_file(path, registry)
    pack = registry.get(result.pack_id)
    with pytest.raises(CommandError, match="no item 'item-99'"):
        reclassify(result, "item-99", ItemKind.OPERATIVE, pack)
    with pytest.raises(CommandError, match="level 4 is not between 1 and 3"):
        reclassify(result, result.items[6].id, ItemKind.SUBPARAGRAPH, pack, level=4)
    with pytest.raises(CommandError, match="no item"):
        set_values(result, "nope", date=None)
