"""LibreOffice renders the examples: notes at the foot of their page, operative numbers 1..N."""

from __future__ import annotations

import re

import pytest

from draftdesk.packs.registry import PackRegistry
from draftdesk.render.layout import BlockRole, Layout
from tests.conftest import OIC_EXAMPLE, UN_EXAMPLE
from tests.test_docx_support import export, load, pdf_pages, to_pdf

_OPERATIVE_NUMBER = re.compile(r"^\s*(\d+)\.\s{2,}\S")
Rendered = dict[str, tuple[Layout, list[str]]]


@pytest.fixture(scope="module")
def rendered(registry: PackRegistry, tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    """Both examples in both languages as `pdftotext -layout` pages (one LibreOffice run)."""
    out = tmp_path_factory.mktemp("pdf")
    layouts: dict[str, Layout] = {}
    files = []
    for source in (UN_EXAMPLE, OIC_EXAMPLE):
        document = load(source)
        for lang in ("en", "fr"):
            layout, data = export(document, registry.get(document.metadata.pack), lang)
            path = out / f"{source.stem}.{lang}.docx"
            path.write_bytes(data)
            files.append(path)
            layouts[path.stem] = layout
    return {pdf.stem: (layouts[pdf.stem], pdf_pages(pdf)) for pdf in to_pdf(files, out)}


def _flat(text: str) -> str:
    return " ".join(text.split())


def _page_of_context(pages: list[str], before: str) -> int:
    """The one page holding the shortest tail of `before` (text just before a mark) that
    only one page holds."""
    flat = [_flat(page) for page in pages]
    words = _flat(before).split()
    for size in range(1, len(words) + 1):
        tail = " ".join(words[-size:])
        found = [index for index, page in enumerate(flat) if tail in page]
        if len(found) <= 1:
            assert found, f"{tail!r} is split between pages or missing"
            return found[0]
    raise AssertionError(f"text before the mark not found on one page: {before[-80:]!r}")


def _first_references(layout: Layout) -> list[tuple[str, str]]:
    """(footnote id, text just before its mark) for the first reference to each note."""
    found = []
    for block in layout.blocks:
        for index, run in enumerate(block.runs):
            if run.note is not None and not run.repeat:
                before = "".join(r.text for r in block.runs[:index] if not r.is_note)
                found.append((run.note, before))
    return found


@pytest.mark.parametrize("stem", [f"{UN_EXAMPLE.stem}.en", f"{UN_EXAMPLE.stem}.fr"])
def test_footnotes_sit_at_the_foot_of_their_page(rendered: Rendered, stem: str) -> None:
    """Each note's text is on the page of its first reference, below it, led by its mark."""
    layout, pages = rendered[stem]
    notes = {note.footnote_id: note for note in layout.notes}
    references = _first_references(layout)
    assert len(references) == len(notes) == 7
    for note_id, before in references:
        page = _page_of_context(pages, before)
        note = notes[note_id]
        start = _flat("".join(run.text for run in note.runs))[:40]
        lines = pages[page].splitlines()
        note_lines = [i for i, line in enumerate(lines) if start[:25] in _flat(line)]
        assert note_lines, f"note {note.mark} ({start!r}) is not on page {page + 1}"
        # Printed as a footnote: its mark leads the line, or (raised) the line above.
        line, above = lines[note_lines[0]].strip(), lines[note_lines[0] - 1].strip()
        assert line.startswith(note.mark) or above == note.mark, (above, line)
        # The raised mark follows the word (justified lines may put a space between them).
        marked = re.compile(re.escape(_flat(before).split()[-1]) + r"\s?" + re.escape(note.mark))
        body_lines = [i for i, text in enumerate(lines) if marked.search(text)]
        assert body_lines, f"{marked.pattern!r} not on page {page + 1}"
        assert note_lines[0] > body_lines[0]
        later_pages = [p for p in pages[page + 1 :] if start[:25] in _flat(p)]
        assert not later_pages, f"note {note.mark} printed twice"


@pytest.mark.parametrize(
    "stem",
    [
        f"{UN_EXAMPLE.stem}.en",
        f"{UN_EXAMPLE.stem}.fr",
        f"{OIC_EXAMPLE.stem}.en",
        f"{OIC_EXAMPLE.stem}.fr",
    ],
)
def test_operative_numbers_run_from_one(rendered: Rendered, stem: str) -> None:
    """The printed operative numbers are 1, 2, … N with N the layout's operative count."""
    layout, pages = rendered[stem]
    count = sum(block.role is BlockRole.OPERATIVE for block in layout.blocks)
    numbers = [
        int(match.group(1))
        for page in pages
        for line in page.splitlines()
        if (match := _OPERATIVE_NUMBER.match(line))
    ]
    assert numbers == list(range(1, count + 1))


def test_un_pages_carry_the_symbol_and_page_numbers(rendered: Rendered) -> None:
    """Page 1 has the masthead and no running head; later pages "A/72/L.20" and "n/N"."""
    _, pages = rendered[f"{UN_EXAMPLE.stem}.en"]
    total = len(pages)
    assert total >= 5
    first = [line.strip() for line in pages[0].splitlines() if line.strip()]
    assert re.fullmatch(r"United Nations\s+A/72/L\.20", first[0])
    assert first[1].startswith("General Assembly")
    assert first[2:5] == ["Distr.: Limited", "20 November 2017", "Original: English"]
    for number, page in enumerate(pages[1:], start=2):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        assert lines[0] == "A/72/L.20"
        assert lines[-1] == f"{number}/{total}"


def test_oic_pages_are_numbered_in_the_centre(rendered: Rendered) -> None:
    """OIC: "RESOLUTION N° 1/48-IT" centred on top, the page number centred below."""
    _, pages = rendered[f"{OIC_EXAMPLE.stem}.fr"]
    lines = [line for line in pages[0].splitlines() if line.strip()]
    heading = lines[0]
    assert heading.strip() == "RESOLUTION N° 1/48-IT"
    assert len(heading) - len(heading.lstrip()) > 20  # centred, not at the margin
    assert lines[-1].strip() == "1"
