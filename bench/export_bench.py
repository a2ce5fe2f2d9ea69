"""Benchmark: DraftDesk's DOCX export against plain python-docx and pandoc, in the same run.

Run: `.venv/bin/python bench/export_bench.py [--repeat N]`. Builds a synthetic UN resolution
(60 preambular and 400 operative paragraphs, 150 footnotes of which every fifth is cited
again in the operative part) in English and French, then times, per language, the median of
N runs of:

- DraftDesk: `export_docx(layout, pack)` — reference document, named styles, language tags,
  real footnotes, NOTEREF repeats, headers and footers, saved to bytes;
- plain python-docx: `Document()`, the same paragraphs and runs with superscript digits
  instead of footnotes, the note texts as paragraphs at the end, saved to bytes;
- pandoc (Debian package): equivalent Markdown with real footnotes to DOCX, as a user
  would run it (process start included).

Prints one JSON object: medians in milliseconds, ratios per language and for both
languages together (`draftdesk_over_python_docx`, `draftdesk_over_pandoc`), and whether
the targets hold (DraftDesk no slower than pandoc, within 1.5x of plain python-docx).
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import statistics
import subprocess
import time
from collections.abc import Callable
from typing import Any

import docx

from draftdesk.export.docx import export_docx
from draftdesk.model import fileformat
from draftdesk.packs.registry import PackRegistry
from draftdesk.render import build_layout
from draftdesk.render.layout import Layout

PREAMBULAR, OPERATIVE, FOOTNOTES, REPEAT_EVERY = 60, 400, 150, 5
TARGET_OVER_PANDOC, TARGET_OVER_PYTHON_DOCX = 1.0, 1.5
_WORDS = {
    "en": (
        "the United Nations and the Organization of Islamic Cooperation, in coordination "
        "with the specialized agencies, to strengthen cooperation in the areas of peace and "
        "security, sustainable development, human rights and humanitarian assistance, "
        "including through the Istanbul Process and the Alliance of Civilizations"
    ),
    "fr": (
        "l’Organisation des Nations Unies et l’Organisation de la coopération islamique, en "
        "coordination avec les institutions spécialisées, à renforcer la coopération dans "
        "les domaines de la paix et de la sécurité, du développement durable, des droits de "
        "l’homme et de l’assistance humanitaire, notamment dans le cadre du « Processus "
        "d’Istanbul » et de l’Alliance des civilisations"
    ),
}


def synthetic_document() -> dict[str, Any]:
    """The benchmark resolution as a .draftdesk JSON object."""
    total = PREAMBULAR + OPERATIVE
    cites: dict[int, list[int]] = {}
    for note in range(FOOTNOTES):
        first = note * 3
        cites.setdefault(first, []).append(note)
        if note % REPEAT_EVERY == 0:
            cites.setdefault(max(first + 50, PREAMBULAR + note), []).append(note)

    def paragraph(index: int, part: str) -> dict[str, Any]:
        marks = "".join(f"[^fn-{note}]" for note in cites.get(index, []))
        text = {lang: f"{words} ({index + 1}){marks}" for lang, words in _WORDS.items()}
        opener = "recalling" if part == "pp" else "requests"
        return {"id": f"{part}-{index}", "opener": opener, "text": text}

    return {
        "format": "draftdesk",
        "format_version": 1,
        "metadata": {
            "pack": "un-ga",
            "body": "general-assembly",
            "languages": ["en", "fr"],
            "source_language": "en",
            "symbol": "A/99/L.1",
            "distribution": "limited",
            "date": "2024-11-20",
            "original_language": "en",
            "session": 99,
            "agenda_item": "126 (u)",
            "agenda_title": {"en": "Benchmark", "fr": "Banc d’essai"},
            "sponsors": {"en": ["Turkey"], "fr": ["Turquie"]},
            "sponsors_note": None,
            "title": {"en": "A long resolution", "fr": "Une longue résolution"},
        },
        "preamble": [paragraph(i, "pp") for i in range(PREAMBULAR)],
        "operative": [paragraph(i, "op") for i in range(PREAMBULAR, total)],
        "footnotes": [
            {
                "id": f"fn-{n}",
                "text": {
                    "en": f"See resolution {n}/1, annex.",
                    "fr": f"Voir la résolution {n}/1, annexe.",
                },
            }
            for n in range(FOOTNOTES)
        ],
    }


def python_docx_baseline(layout: Layout) -> bytes:
    """The same paragraphs with python-docx's public API, superscript digits for notes."""
    document = docx.Document()
    for block in layout.blocks:
        paragraph = document.add_paragraph(f"{block.label}\t" if block.label else "")
        for run in block.runs:
            added = paragraph.add_run(run.text)
            added.italic = run.italic or None
            added.bold = run.bold or None
            added.font.superscript = run.superscript or run.is_note or None
    for note in layout.notes:
        paragraph = document.add_paragraph()
        paragraph.add_run(note.mark).font.superscript = True
        paragraph.add_run(" " + "".join(run.text for run in note.runs))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def markdown(layout: Layout) -> str:
    """The layout as pandoc Markdown with real footnotes (repeats cite the same label)."""

    def inline(text: str, italic: bool) -> str:
        escaped = "".join(f"\\{c}" if c in "\\*_[]^`<>#" else c for c in text)
        return f"*{escaped}*" if italic and escaped.strip() else escaped

    lines = []
    for block in layout.blocks:
        text = "".join(
            f"[^{run.note}]" if run.is_note else inline(run.text, run.italic) for run in block.runs
        )
        lines.append(f"{block.label} {text}" if block.label else text)
    for note in layout.notes:
        lines.append(
            f"[^{note.footnote_id}]: " + "".join(inline(r.text, r.italic) for r in note.runs)
        )
    return "\n\n".join(lines) + "\n"


def pandoc_export(source: str) -> bytes:
    """pandoc's DOCX of `source`, written to standard output."""
    return subprocess.run(
        ["pandoc", "-f", "markdown", "-t", "docx", "-o", "-"],
        input=source.encode("utf-8"),
        capture_output=True,
        check=True,
    ).stdout


def median_ms(action: Callable[[], object], repeat: int) -> float:
    """Median wall time of `action` in milliseconds (one warm-up run first)."""
    action()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(samples), 2)


def main() -> None:
    """Time the three exports per language and print the JSON report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="runs per measure (>= 5)")
    args = parser.parse_args()
    repeat = max(args.repeat, 5)
    pack = PackRegistry().get("un-ga")
    document = fileformat.loads(json.dumps(synthetic_document()))
    have_pandoc = shutil.which("pandoc") is not None
    report: dict[str, Any] = {
        "paragraphs": PREAMBULAR + OPERATIVE,
        "footnotes": FOOTNOTES,
        "repeat": repeat,
        "languages": {},
    }
    totals = {"draftdesk_ms": 0.0, "python_docx_ms": 0.0, "pandoc_ms": 0.0}
    for lang in ("en", "fr"):
        layout = build_layout(document, pack, lang)
        source = markdown(layout)
        row = {
            "draftdesk_ms": median_ms(lambda: export_docx(layout, pack), repeat),  # noqa: B023
            "python_docx_ms": median_ms(lambda: python_docx_baseline(layout), repeat),  # noqa: B023
            "pandoc_ms": median_ms(lambda: pandoc_export(source), repeat) if have_pandoc else None,  # noqa: B023
        }
        row.update(_ratios(row))
        report["languages"][lang] = row
        for key in totals:
            totals[key] += row[key] or 0.0
    report.update({key: round(value, 2) for key, value in totals.items()})
    if not have_pandoc:
        report["pandoc_ms"] = None
    report.update(_ratios(report))
    over_pandoc = report["draftdesk_over_pandoc"]
    report["targets_met"] = report["draftdesk_over_python_docx"] <= TARGET_OVER_PYTHON_DOCX and (
        over_pandoc is not None and over_pandoc <= TARGET_OVER_PANDOC
    )
    print(json.dumps(report, indent=2))


def _ratios(row: dict[str, Any]) -> dict[str, float | None]:
    pandoc = row["pandoc_ms"]
    return {
        "draftdesk_over_python_docx": round(row["draftdesk_ms"] / row["python_docx_ms"], 3),
        "draftdesk_over_pandoc": round(row["draftdesk_ms"] / pandoc, 3) if pandoc else None,
    }


if __name__ == "__main__":
    main()
