"""Checks of a pack's reference.docx: a safe, self-contained Word file with the styles we need.

A .docx is itself a zip of XML parts. Each part is read with the archive limits and parsed
with expat refusing any DOCTYPE, entity declaration or external entity (no "billion
laughs", no file or network reads); macros, embedded objects and links to external
resources (a remote attached template leaks the user's credentials) are refused; and
word/styles.xml must define every style the DOCX exporter draws with.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from xml.parsers import expat

from draftdesk.errors import PackError
from draftdesk.packs.archive import Limits, read_members

DOCX_LIMITS = Limits(
    archive=10 * 1024 * 1024,
    members=300,
    member=10 * 1024 * 1024,
    large_member=10 * 1024 * 1024,
    total=50 * 1024 * 1024,
)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_REFUSED_PARTS = ("vbaproject", "vbadata", "activex", "embeddings/", ".bin")
_MACRO_TYPE = "macroEnabled"


class _RefusedError(Exception):
    """Raised inside expat handlers to stop parsing at a forbidden construct."""


StartHandler = Callable[[str, dict[str, str]], None]


def parse_xml(data: bytes, where: str, on_start: StartHandler | None = None) -> None:
    """Parse XML without DTDs or entities; PackError naming `where` and the line on any fault."""
    parser = expat.ParserCreate(namespace_separator=" ")

    def refuse(what: str) -> Callable[..., None]:
        def handler(*_args: object) -> None:
            raise _RefusedError(what)

        return handler

    parser.StartDoctypeDeclHandler = refuse("a DOCTYPE declaration")
    parser.EntityDeclHandler = refuse("an entity declaration")
    parser.UnparsedEntityDeclHandler = refuse("an entity declaration")
    parser.ExternalEntityRefHandler = refuse("an external entity")  # type: ignore[assignment]
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    if on_start is not None:
        parser.StartElementHandler = on_start
    try:
        parser.Parse(data, True)
    except _RefusedError as exc:
        raise PackError(
            f"{where}: line {parser.CurrentLineNumber}: {exc} is not accepted "
            "(DTDs and entities can expand without end or read files)"
        ) from None
    except expat.ExpatError as exc:
        raise PackError(f"{where}: not well-formed XML ({exc})") from None


@dataclass(slots=True)
class ReferenceCheck:
    """What checking a reference.docx found: faults that refuse it, styles it lacks."""

    errors: list[str] = field(default_factory=list)
    missing_styles: list[str] = field(default_factory=list)


def check_reference_docx(path: Path, display: str) -> ReferenceCheck:
    """Check a reference.docx; `display` names it in messages.

    Unsafe content is an error. Missing styles are reported apart: the exporter adds
    them with DraftDesk's defaults, so the pack still works, without the author's look.
    """
    result = ReferenceCheck()
    try:
        data = path.read_bytes()
        if len(data) > DOCX_LIMITS.archive:
            limit = DOCX_LIMITS.archive // (1024 * 1024)
            result.errors.append(f"{display}: larger than {limit} MiB")
            return result
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = read_members(archive, display, DOCX_LIMITS, None)
    except PackError as exc:
        result.errors.append(str(exc))
        return result
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError) as exc:
        result.errors.append(f"{display}: not a Word document ({exc})")
        return result
    for name in parts:
        if any(marker in name.lower() for marker in _REFUSED_PARTS):
            result.errors.append(f"{display}: {name}: macros and embedded objects are refused")
    types = parts.get("[Content_Types].xml")
    if types is None or "word/styles.xml" not in parts:
        result.errors.append(
            f"{display}: not a Word document (no [Content_Types].xml or word/styles.xml)"
        )
        return result
    if _MACRO_TYPE.encode() in types:
        result.errors.append(f"{display}: a macro-enabled document is refused")
    for name, content in parts.items():
        if name.endswith((".xml", ".rels")):
            try:
                parse_xml(content, f"{display}: {name}", _external_link_check(name, display))
            except PackError as exc:
                result.errors.append(str(exc))
    if not result.errors:
        result.missing_styles = _missing_styles(parts["word/styles.xml"], display)
    return result


def _external_link_check(name: str, display: str) -> StartHandler | None:
    if not name.endswith(".rels"):
        return None

    def on_start(tag: str, attributes: dict[str, str]) -> None:
        if tag == f"{RELS} Relationship" and attributes.get("TargetMode") == "External":
            raise PackError(
                f"{display}: {name}: links to an external resource "
                f"({attributes.get('Target', '')!r}); a reference document must be "
                "self-contained"
            )

    return on_start


def style_names(styles_xml: bytes, where: str) -> set[str]:
    """The names of the styles word/styles.xml defines (lower case, as Word compares them)."""
    names: set[str] = set()
    inside: list[bool] = [False]

    def on_start(tag: str, attributes: dict[str, str]) -> None:
        if tag == f"{W} style":
            inside[0] = True
        elif tag == f"{W} name" and inside[0]:
            names.add(attributes.get(f"{W} val", "").lower())
            inside[0] = False

    parse_xml(styles_xml, where, on_start)
    return names


def _missing_styles(styles_xml: bytes, display: str) -> list[str]:
    # The exporter owns the list of styles it draws with; imported here, not at module
    # load, so the pack core does not load the DOCX writer unless a pack has a reference.
    from draftdesk.export.docx.styles import required_style_names

    defined = style_names(styles_xml, f"{display}: word/styles.xml")
    return sorted(name for name in required_style_names() if name.lower() not in defined)
