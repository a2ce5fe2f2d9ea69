"""Loading a Hunspell dictionary with spylls in less memory, without long garbage-collector pauses.

Measured on this machine (en_GB + fr, Python 3.11, spylls 0.1.7): as spylls reads them the
two dictionaries hold 181,000 entries and 1.06 million objects the garbage collector
tracks, 225 MiB more resident memory, and each full collection walks them all in ~0.7 s
with the interpreter lock held: the GUI froze whenever one ran, during the load and long
after. tracemalloc pointed at three things, changed here while and after spylls reads a file:

- every French entry keeps its morphological data tags (po:, is:, st: …; 34 MiB) that
  spylls' look-up never reads: they are cut from each line before spylls parses it
  (a `ph:` tag, which feeds suggestions, would be kept; neither dictionary has one);
- every entry's flags are a set of its own (39 MiB), yet en_GB has 2,453 distinct flag
  sets and fr 193: entries now share one frozenset per distinct set;
- flag names are parsed once per distinct flag string (10 MiB of repeated names);
- empty `alt_spellings` lists (the `ph:` variants used only by spylls' suggestions,
  which DraftDesk does not use): one shared empty list.

Look-ups run the same spylls code over the same stems and flags, so every verdict is
unchanged. Automatic collection is paused while a dictionary is read (its objects hold
no cycles worth collecting) and, once compacted, the dictionary's objects are moved to
the collector's permanent generation (`gc.freeze`), so later collections skip them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from draftdesk import collector

if TYPE_CHECKING:
    from spylls.hunspell import Dictionary

# spylls' own rule (readers/dic.py) for where a line's data tags start: a space and a
# two-letter tag with a colon, or a tab, whichever comes first.
_TAG = re.compile(r"[ \t]\w{2}:")


def load_dictionary(path: str) -> Dictionary:
    """spylls' Dictionary of `path` (.aff/.dic without suffix), compacted (see above).

    Raises what spylls raises on unreadable files; the caller turns it into its own error.
    """
    # Here, not at the top: spylls is only needed once the dictionaries load.
    from spylls.hunspell import Dictionary, readers

    collector.pause()
    try:
        aff, context = readers.read_aff(readers.FileReader(path + ".aff"))
        spylls_parse = context.parse_flags
        # Same result, parsed once per distinct flag string (and the names shared).
        context.parse_flags = lru_cache(maxsize=None)(lambda text: tuple(spylls_parse(text)))
        lines = readers.FileReader(path + ".dic", encoding=context.encoding)
        dic = readers.read_dic(_without_data(lines), aff=aff, context=context)
        del context.parse_flags  # back to spylls' own method
        dictionary = Dictionary(aff, dic)
        compact(dictionary)
    finally:
        collector.resume(freeze=True)  # the dictionaries live as long as the process
    return dictionary


def compact(dictionary: Dictionary) -> int:
    """Share identical flag sets and drop data tags look-ups never read; returns entries."""
    shared: dict[frozenset[str], frozenset[str]] = {}
    no_data: dict[str, list[str]] = {}
    no_alternatives: list[str] = []
    words: list[Any] = dictionary.dic.words
    for word in words:
        flags = frozenset(word.flags)
        word.flags = shared.setdefault(flags, flags)
        word.data = no_data
        if not word.alt_spellings:
            word.alt_spellings = no_alternatives
    return len(words)


def _without_data(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """The .dic lines with their data tags cut off, exactly where spylls would split them."""
    for number, line in lines:
        match = _TAG.search(line)
        start = match.start() if match else None
        tab = line.find("\t")
        if tab != -1 and (not start or start > tab):
            start = tab
        if start and "ph:" not in line[start:]:
            line = line[:start]
        yield number, line
