"""Benchmark: house style + spelling of a 460-paragraph resolution in English and French.

Run: `.venv/bin/python bench/proofing_bench.py [--repeat N]`. The document is built here
from the UN example (its 52 paragraphs repeated with fresh ids up to 460 top-level
paragraphs, so about 38,000 words). Targets (issue 5): under 200 ms for the whole document
and under 5 ms to re-check one edited paragraph. The baseline is rendering the same
document to its EN and FR layouts, measured in the same run (these machines are shared
and noisy). Spelling caches its verdict per distinct word: the first check after start-up
is "cold" and reported apart; every later check, and all typing, runs warm.
"""

from __future__ import annotations

import argparse
import copy
import statistics
import time
from collections.abc import Callable

from draftdesk.model import fileformat
from draftdesk.model.document import Document, Paragraph
from draftdesk.model.inline import Text
from draftdesk.packs.registry import PackRegistry
from draftdesk.paths import examples_dir, resources_dir
from draftdesk.proofing.checker import Checker
from draftdesk.proofing.rules_document import load_glossary
from draftdesk.proofing.spelling import Spelling
from draftdesk.proofing.wordlist import WordList, built_in_words
from draftdesk.render import Renderer

EXAMPLE = examples_dir() / "un-oic-cooperation-2017.draftdesk"
PARAGRAPHS = 460
FULL_TARGET_MS = 200.0
PARAGRAPH_TARGET_MS = 5.0


def synthetic_document(size: int = PARAGRAPHS) -> Document:
    """The UN example's paragraphs repeated, with fresh ids, to `size` top-level paragraphs."""
    source = fileformat.load(EXAMPLE)
    document = copy.deepcopy(source)
    document.preamble, document.operative = [], []
    originals = [("pre", p) for p in source.preamble] + [("op", p) for p in source.operative]
    for index in range(size):
        kind, original = originals[index % len(originals)]
        paragraph = copy.deepcopy(original)
        for number, part in enumerate(paragraph.walk()):
            part.id = f"{kind}-{index:03d}-{number}"
        (document.preamble if kind == "pre" else document.operative).append(paragraph)
    return document


def _median_ms(action: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def _typing(checker: Checker, document: Document, samples: int) -> tuple[float, float]:
    """Median ms of re-checking an edited paragraph: an edit of known words, a new word."""
    facts = checker.prepare(document)
    paragraphs: list[Paragraph] = [p for p in document.operative if p.text.get("fr")][:samples]
    known, new = [], []
    for number, paragraph in enumerate(paragraphs):
        for lang in ("en", "fr"):
            items = paragraph.text[lang]
            # Typing deletes and retypes a word the paragraph already has...
            start = time.perf_counter()
            paragraph.text[lang] = [*items, Text(" encore")]
            checker.check_paragraph(document, paragraph.id, lang, facts)
            known.append((time.perf_counter() - start) * 1000)
            # ...or adds a word never seen before (a name, a half-typed word).
            start = time.perf_counter()
            paragraph.text[lang] = [
                *items,
                Text(" Zorglub" + "abcdefghijklmnopqrstuvwxyz"[number % 26] * 2),
            ]
            checker.check_paragraph(document, paragraph.id, lang, facts)
            new.append((time.perf_counter() - start) * 1000)
            paragraph.text[lang] = items
    return statistics.median(known), statistics.median(new)


def main() -> None:
    """Measure each stage and print a table with the targets."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    document = synthetic_document()
    words = sum(
        len("".join(i.text for i in p.text.get(lang, []) if isinstance(i, Text)).split())
        for p in document.all_paragraphs()
        for lang in ("en", "fr")
    )
    pack = PackRegistry().get("un-ga")
    folder = resources_dir() / "dictionaries"
    lists: dict[str, list[WordList]] = {
        lang: [built_in_words(folder, lang)] for lang in ("en", "fr")
    }
    spelling = Spelling(folder, lists)
    start = time.perf_counter()
    spelling.speller("en"), spelling.speller("fr")
    load_ms = (time.perf_counter() - start) * 1000
    glossary = load_glossary([folder / "glossary.toml"])
    checker = Checker(pack, spelling=spelling, glossary=glossary)
    style_only = Checker(pack, glossary=glossary)
    renderer = Renderer(pack)

    def cold() -> None:
        spelling.forget_verdicts()
        checker.check_document(document)

    print(f"synthetic document: {PARAGRAPHS} paragraphs, {words} words (EN + FR)")
    print(f"dictionaries loaded once at start-up: {load_ms:.0f} ms (EN + FR)")
    rows: dict[str, float] = {
        "baseline: render EN + FR layouts": _median_ms(
            lambda: [renderer.layout(document, lang) for lang in ("en", "fr")], args.repeat
        ),
        "house style only, EN + FR": _median_ms(
            lambda: style_only.check_document(document), args.repeat
        ),
        "house style + spelling, cold caches": _median_ms(cold, args.repeat),
        "house style + spelling, warm (target)": _median_ms(
            lambda: checker.check_document(document), args.repeat
        ),
        "prepare (after a structural edit)": _median_ms(
            lambda: checker.prepare(document), args.repeat
        ),
    }
    known, new = _typing(checker, document, 20)
    rows["one paragraph re-check (target)"] = known
    rows["one paragraph, one new word"] = new
    baseline = rows["baseline: render EN + FR layouts"]
    print(f"{'stage':40} {'median ms':>10} {'x baseline':>11}   ({args.repeat} runs)")
    for name, value in rows.items():
        print(f"{name:40} {value:10.2f} {value / baseline:11.2f}")
    full = rows["house style + spelling, warm (target)"]
    print(
        f"full document {full:.1f} ms (target {FULL_TARGET_MS:.0f}): "
        f"{'met' if full < FULL_TARGET_MS else 'MISSED'}; "
        f"one paragraph {known:.2f} ms / {new:.2f} ms with a new word "
        f"(target {PARAGRAPH_TARGET_MS:.0f}): "
        f"{'met' if max(known, new) < PARAGRAPH_TARGET_MS else 'MISSED'}"
    )


if __name__ == "__main__":
    main()
