"""The pack's reference document: opened from `reference.docx` or built in memory."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.shared import Twips

from draftdesk.errors import PackError
from draftdesk.export.docx.styleparts import StyleMap, set_document_defaults
from draftdesk.export.docx.styles import FOOTER, FOOTNOTE_TEXT, HEADER, Look, stylesheet
from draftdesk.export.docx.wml import (
    VAL,
    XML_ERROR,
    RunFormat,
    element,
    insert_in_order,
    paragraph,
    sub,
    w,
)
from draftdesk.packs.model import Pack

REFERENCE_NAME = "reference.docx"
SETTINGS_ORDER = [
    "writeProtection",
    "view",
    "zoom",
    "removePersonalInformation",
    "removeDateAndTime",
    "doNotDisplayPageBoundaries",
    "displayBackgroundShape",
    "printPostScriptOverText",
    "printFractionalCharacterWidth",
    "printFormsData",
    "embedTrueTypeFonts",
    "embedSystemFonts",
    "saveSubsetFonts",
    "saveFormsData",
    "mirrorMargins",
    "alignBordersAndEdges",
    "bordersDoNotSurroundHeader",
    "bordersDoNotSurroundFooter",
    "gutterAtTop",
    "hideSpellingErrors",
    "hideGrammaticalErrors",
    "activeWritingStyle",
    "proofState",
    "formsDesign",
    "attachedTemplate",
    "linkStyles",
    "stylePaneFormatFilter",
    "stylePaneSortMethod",
    "documentType",
    "mailMerge",
    "revisionView",
    "trackRevisions",
    "doNotTrackMoves",
    "doNotTrackFormatting",
    "documentProtection",
    "autoFormatOverride",
    "styleLockTheme",
    "styleLockQFSet",
    "defaultTabStop",
    "autoHyphenation",
    "consecutiveHyphenLimit",
    "hyphenationZone",
    "doNotHyphenateCaps",
    "showEnvelope",
    "summaryLength",
    "clickAndTypeStyle",
    "defaultTableStyle",
    "evenAndOddHeaders",
    "bookFoldRevPrinting",
    "bookFoldPrinting",
    "bookFoldPrintingSheets",
    "drawingGridHorizontalSpacing",
    "drawingGridVerticalSpacing",
    "displayHorizontalDrawingGridEvery",
    "displayVerticalDrawingGridEvery",
    "doNotUseMarginsForDrawingGridOrigin",
    "drawingGridHorizontalOrigin",
    "drawingGridVerticalOrigin",
    "doNotShadeFormData",
    "noPunctuationKerning",
    "characterSpacingControl",
    "printTwoOnOne",
    "strictFirstAndLastChars",
    "noLineBreaksAfter",
    "noLineBreaksBefore",
    "savePreviewPicture",
    "doNotValidateAgainstSchema",
    "saveInvalidXml",
    "ignoreMixedContent",
    "alwaysShowPlaceholderText",
    "doNotDemarcateInvalidXml",
    "saveXmlDataOnly",
    "useXSLTWhenSaving",
    "saveThroughXslt",
    "showXMLTags",
    "alwaysMergeEmptyNamespace",
    "updateFields",
    "hdrShapeDefaults",
    "footnotePr",
    "endnotePr",
    "compat",
    "docVars",
    "rsids",
    "mathPr",
    "attachedSchema",
    "themeFontLang",
    "clrSchemeMapping",
    "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures",
    "forceUpgrade",
    "captions",
    "readModeInkLockDown",
    "smartTagType",
    "schemaLibrary",
    "shapeDefaults",
    "doNotEmbedSmartTags",
    "decimalSymbol",
    "listSeparator",
]
_KEPT_STYLES = {"Normal", "DefaultParagraphFont", "TableNormal", "NoList"}
# Parts of python-docx's default template a resolution has no use for (stylesWithEffects
# alone is 430 KB that every export would otherwise load and save).
_DROPPED_RELS = {
    RT.CUSTOM_XML,
    RT.NUMBERING,
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
}
_MASTHEAD_TABLE_KEY = re.compile(r"\[(?:org|symbol)\]")
_FIXED_TIME = datetime(2024, 1, 1, tzinfo=UTC)
_APP_XML = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'extended-properties"><Application>DraftDesk</Application></Properties>'
)

DocxDocument = Any  # docx.document.Document (python-docx ships no type information here)


def look_of(pack: Pack) -> Look:
    """UN look for packs whose masthead has the "United Nations"/symbol lines, else OIC."""
    sources = (pack.layout_template("masthead", lang) for lang in pack.languages)
    return Look.UN if any(_MASTHEAD_TABLE_KEY.search(src) for src in sources) else Look.OIC


def open_reference(pack: Pack) -> DocxDocument:
    """A fresh python-docx Document from the pack's reference.docx, or one built in memory."""
    path = pack.reference_docx  # the base pack's when an extending pack has none
    if path is None and pack.root is not None:
        path = pack.root / REFERENCE_NAME
    if path is None or not path.is_file():
        return build_reference(pack, look_of(pack))
    try:
        return docx.Document(io.BytesIO(path.read_bytes()))
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, PackageNotFoundError) as exc:
        raise PackError(f"{path}: not a Word document python-docx can open ({exc})") from None
    except XML_ERROR as exc:
        raise PackError(f"{path}: a damaged part in the Word document ({exc})") from None


def build_reference(pack: Pack, look: Look) -> DocxDocument:
    """The reference document of `pack`: python-docx's template stripped to our styles."""
    document = docx.Document()
    _prune(document)
    style = pack.style
    styles = document.styles.element
    set_document_defaults(styles, style.font, style.font_size, "en-GB")
    style_map = StyleMap(styles)
    specs = stylesheet(look)
    style_map.ensure(specs, style.font, style.font_size)
    normal = styles.find(f"{w('style')}[@{w('styleId')}='Normal']")
    ppr = insert_in_order(normal, element("pPr"), ("name", "qFormat", "rsid", "pPr", "rPr"))
    sub(ppr, w("widowControl"))
    _settings(document.settings.element)
    set_page(document, look, style.paper)
    # One sample paragraph per style, so an editor opening the file sees what to restyle.
    body = document.element.body
    sect_pr = body.find(w("sectPr"))
    fmt = RunFormat("en-GB")
    for spec in specs:
        if spec.kind == "paragraph" and spec.name not in (HEADER, FOOTER, FOOTNOTE_TEXT):
            sample = paragraph(body, style_map.id(spec.name))
            fmt.run(sample, spec.name)
            sect_pr.addprevious(sample)
    props = document.core_properties
    props.author = pack.author or "DraftDesk"
    props.title = f"{pack.name}: reference styles"
    props.comments = "Styles of DraftDesk's Word export; edit the styles, not the text."
    props.created = props.modified = _FIXED_TIME.replace(tzinfo=None)
    props.last_modified_by = "DraftDesk"
    props.language = "en-GB"
    props.revision = 1
    return document


def reference_bytes(pack: Pack, look: Look) -> bytes:
    """The reference document as a reproducible .docx (fixed zip dates and order)."""
    buffer = io.BytesIO()
    build_reference(pack, look).save(buffer)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for name in sorted(source.namelist(), key=lambda n: (n != "[Content_Types].xml", n)):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(name))
    return out.getvalue()


def write_reference(pack: Pack, target: Path) -> Path:
    """Write the reference document of `pack` to `target` (used by the build script)."""
    target.write_bytes(reference_bytes(pack, look_of(pack)))
    return target


def set_page(document: DocxDocument, look: Look, paper: str) -> None:
    """Paper size (A4, Letter …) and the margins of the look on every section."""
    width, height = paper_size(paper)
    margins = (1134, 1247, 1418, 1247) if look is Look.UN else (1418, 1418, 1418, 1418)
    top, right, bottom, left = (Twips(value) for value in margins)
    for section in document.sections:
        section.page_width, section.page_height = Twips(width), Twips(height)
        section.top_margin, section.right_margin = top, right
        section.bottom_margin, section.left_margin = bottom, left
        section.header_distance = section.footer_distance = Twips(567)
        section.gutter = Twips(0)


_PAPER = {
    "a4": (11906, 16838),
    "letter": (12240, 15840),
    "legal": (12240, 20160),
    "a5": (8391, 11906),
}


def paper_size(paper: str) -> tuple[int, int]:
    """Width and height in twips of a paper name; PackError for a name Word has no size for."""
    try:
        return _PAPER[paper.strip().lower()]
    except KeyError:
        raise PackError(
            f"[style].paper {paper!r} is not a paper size DraftDesk knows "
            f"({', '.join(name.upper() if name[0] == 'a' else name.title() for name in _PAPER)})"
        ) from None


def _prune(document: DocxDocument) -> None:
    part = document.part
    for rid, rel in list(part.rels.items()):
        if rel.reltype in _DROPPED_RELS:
            part.drop_rel(rid)
    package = part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[rid]
        elif rel.reltype == RT.EXTENDED_PROPERTIES:
            del package.rels[rid]
            app = Part(PackURI("/docProps/app.xml"), CT.OFC_EXTENDED_PROPERTIES, _APP_XML, package)
            package.relate_to(app, RT.EXTENDED_PROPERTIES)
    styles = document.styles.element
    for style in styles.findall(w("style")):
        if style.get(w("styleId")) not in _KEPT_STYLES:
            styles.remove(style)


def _settings(settings: Any) -> None:
    zoom = settings.find(w("zoom"))
    if zoom is not None:  # Word accepts a zoom without percent, the schema does not
        zoom.set(w("percent"), "100")
    preview = settings.find(w("savePreviewPicture"))
    if preview is not None:
        settings.remove(preview)
    insert_in_order(settings, element("defaultTabStop", {"val": "709"}), SETTINGS_ORDER)
    lang = settings.find(w("themeFontLang"))
    if lang is not None:
        lang.set(VAL, "en-GB")
