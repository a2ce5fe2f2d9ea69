"""Word fields (PAGE, NUMPAGES, NOTEREF) as complex fields with a computed cached result."""

from __future__ import annotations

from draftdesk.export.docx.wml import (
    FLD_CHAR,
    FLD_CHAR_TYPE,
    INSTR_TEXT,
    XML_SPACE,
    Element,
    R,
    RunFormat,
    add_text,
    sub,
)


def add_field(
    parent: Element,
    instruction: str,
    result: str,
    fmt: RunFormat,
    *,
    style_id: str = "",
    superscript: bool = False,
) -> None:
    """Append a complex field (begin, instruction, separate, cached result, end) to `parent`.

    The cached result is what LibreOffice prints (it never recomputes NOTEREF) and what Word
    shows until fields are updated, so callers pass the right value, not a placeholder.
    Every run carries the same formatting so the result looks the same before and after an
    update in Word.
    """
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None)):
        r = sub(parent, R)
        fmt.add(r, style_id=style_id, superscript=superscript)
        if kind == "instr":
            instr = sub(r, INSTR_TEXT)
            instr.text = f" {text} "
            instr.set(XML_SPACE, "preserve")
        else:
            sub(r, FLD_CHAR).set(FLD_CHAR_TYPE, kind)
    r = sub(parent, R)
    fmt.add(r, style_id=style_id, superscript=superscript)
    add_text(r, result)
    r = sub(parent, R)
    fmt.add(r, style_id=style_id, superscript=superscript)
    sub(r, FLD_CHAR).set(FLD_CHAR_TYPE, "end")


def add_noteref(parent: Element, bookmark: str, mark: str, fmt: RunFormat, style_id: str) -> None:
    """A repeated footnote number: NOTEREF to the bookmark around the first reference.

    `\\f` formats the result like a footnote reference, `\\h` makes it a link to the note.
    """
    add_field(parent, f"NOTEREF {bookmark} \\f \\h", mark, fmt, style_id=style_id)


def add_page_number(parent: Element, fmt: RunFormat, *, of_pages: bool = False) -> None:
    """The page number ("PAGE"), or "PAGE/NUMPAGES" as UN documents print it ("2/7")."""
    add_field(parent, "PAGE", "1", fmt)
    if of_pages:
        fmt.run(parent, "/")
        add_field(parent, "NUMPAGES", "1", fmt)
