"""The two clean examples: no finding at all, and no spelling false alarm in either language."""

from __future__ import annotations

import pytest

from draftdesk.model import fileformat
from draftdesk.packs.registry import PackRegistry
from draftdesk.proofing.checker import Checker
from draftdesk.proofing.findings import editor_text
from draftdesk.proofing.spelling import Spelling
from tests.conftest import OIC_EXAMPLE, UN_EXAMPLE


@pytest.mark.parametrize("path", [UN_EXAMPLE, OIC_EXAMPLE], ids=["un", "oic"])
def test_example_has_no_findings(
    path: object, registry: PackRegistry, un_checker: Checker, oic_checker: Checker
) -> None:
    document = fileformat.load(path)  # type: ignore[arg-type]
    checker = un_checker if document.metadata.pack == "un-ga" else oic_checker
    report = checker.check_document(document)
    assert [(f.rule, f.lang, f.paragraph_id, f.excerpt) for f in report.findings] == []
    assert report.notices == []


@pytest.mark.parametrize("path", [UN_EXAMPLE, OIC_EXAMPLE], ids=["un", "oic"])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_no_spelling_false_alarm(path: object, lang: str, spelling: Spelling) -> None:
    document = fileformat.load(path)  # type: ignore[arg-type]
    texts = [editor_text(p.text.get(lang, [])) for p in document.all_paragraphs()]
    texts += [editor_text(f.text.get(lang, [])) for f in document.footnotes]
    texts.append(document.metadata.title.get(lang, ""))
    words = sum(len(text.split()) for text in texts)
    assert words > 150  # the check really read the text
    alarms = [m.word for text in texts for m in spelling.check(text, lang)]
    assert alarms == []


def test_the_word_list_is_what_keeps_names_quiet(spelling: Spelling) -> None:
    # Without the built-in list these UN/OIC names would be flagged.
    bare = Spelling(spelling.folder, {})
    text = "Djedda, la Oummah et Sawt al-Hikma"
    assert [m.word for m in bare.check(text, "fr")] == ["Djedda", "Oummah", "Sawt", "al-Hikma"]
    assert spelling.check(text, "fr") == []
