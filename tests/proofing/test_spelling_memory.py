"""The compacted dictionaries: same verdicts as spylls' own, less memory, no long GC pauses."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from spylls.hunspell import Dictionary

from draftdesk.model import fileformat
from draftdesk.model.inline import plain_text
from draftdesk.proofing.dictionary_store import compact
from draftdesk.proofing.spelling import Spelling
from draftdesk.proofing.wordlist import tokenize
from tests.conftest import OIC_EXAMPLE, UN_EXAMPLE
from tests.proofing.conftest import DICTIONARIES


def _words(lang: str, reference: Dictionary) -> list[str]:
    """The examples' words, a sample of entries and derived forms, and slips of them."""
    words: set[str] = set()
    for path in (UN_EXAMPLE, OIC_EXAMPLE):
        document = fileformat.load(path)
        for paragraph in document.all_paragraphs():
            text = plain_text(paragraph.text.get(lang, []))
            words.update(token.word for token in tokenize(text))
    stems = [word.stem for word in reference.dic.words[::400]]
    words.update(stems)
    words.update(stem + ending for stem in stems for ending in ("s", "e", "es"))
    words.update(stem[1:] + stem[0] for stem in stems[::4] if len(stem) > 3)  # slips
    return sorted(words)


@pytest.mark.parametrize(("lang", "name"), [("en", "en_GB"), ("fr", "fr")])
def test_verdicts_are_those_of_the_unmodified_dictionary(
    spelling: Spelling, lang: str, name: str
) -> None:
    """Every look-up of the compacted dictionary answers as spylls' own reading does."""
    reference = Dictionary.from_files(str(DICTIONARIES / name))
    compacted = spelling.speller(lang).dictionary
    words = _words(lang, reference)
    assert len(words) > 800
    ours = {word: compacted.lookup(word) for word in words}
    theirs = {word: reference.lookup(word) for word in words}
    assert ours == theirs
    assert 0 < sum(theirs.values()) < len(words)  # both verdicts occur
    # Same entries, same flags: only the sharing differs.
    stems = [(w.stem, frozenset(w.flags)) for w in reference.dic.words]
    mine = [(w.stem, w.flags) for w in compacted._dictionary.dic.words]
    assert mine == stems


def test_compact_shares_flag_sets_and_drops_data(spelling: Spelling) -> None:
    """One flag-set object per distinct set; no entry keeps data tags."""
    words = spelling.speller("fr").dictionary._dictionary.dic.words
    assert len({id(w.flags) for w in words}) == len({w.flags for w in words}) < 1000
    assert not any(w.data for w in words)
    assert compact(spelling.speller("fr").dictionary._dictionary) == len(words) == 84139


MEASURE = """
import gc, json
from draftdesk.paths import resources_dir
from draftdesk.proofing.spelling import HunspellDictionary

def hwm():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) // 1024

before = hwm()
loaded = [HunspellDictionary(resources_dir() / "dictionaries", n) for n in ("en_GB", "fr")]
print(json.dumps({"grew_mib": hwm() - before, "tracked": len(gc.get_objects()),
                  "enabled": gc.isenabled()}))
"""


def test_both_dictionaries_load_in_less_memory_and_leave_the_collector_idle() -> None:
    """Peak memory grows by well under spylls' own 225 MiB; a collection walks nothing big."""
    result = subprocess.run(
        [sys.executable, "-c", MEASURE], capture_output=True, text=True, check=True, timeout=120
    )
    figures = json.loads(result.stdout)
    assert figures["grew_mib"] < 170  # measured 136 MiB (spylls' own reading: 225 MiB)
    assert figures["tracked"] < 1000  # frozen: 1.06 million objects otherwise
    assert figures["enabled"] is True
