"""Generate the packs' phrases/openers.toml files from the aligned opener table (openers.tsv)."""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

# A copy of ../shared/reference/openers.tsv, so the generator runs from the repository alone.
DEFAULT_TSV = Path(__file__).resolve().parent / "data" / "openers.tsv"
PACKS = ("un-ga", "oic-cfm")
PARTS = ("preambular", "operative")
OIC_MARKER = "(OIC)"
UN_ONLY_PREFIXES = ("Acting under Chapter VII",)
ALT_SEPARATOR = " / "

# Per-pack French overrides: pack -> part -> key -> field -> value.
# OIC French writes "Requests" as "Demande à" ("DEMANDE aux États membres",
# "DEMANDE au Secrétaire général" in resolution 1/48-IT), not the UN "Prie".
OVERRIDES: dict[str, dict[str, dict[str, dict[str, str]]]] = {
    "oic-cfm": {
        "operative": {
            "requests": {
                "fr": "Demande à",
                "note": "oic-cfm override: OIC French 'DEMANDE au Secrétaire général' "
                "[CFM 1/48-IT]",
            },
        },
    },
}


@dataclass
class Phrase:
    """One opener of one part, in English and French (with agreement forms)."""

    key: str
    en: str
    fr: str
    fr_f: str | None = None
    fr_mp: str | None = None
    fr_fp: str | None = None
    notes: str = ""


@dataclass
class Library:
    """The openers of one pack, per part, in the order of the table."""

    pack: str
    parts: dict[str, dict[str, Phrase]] = field(
        default_factory=lambda: {part: {} for part in PARTS}
    )


def make_key(english: str) -> str:
    """Return the phrase key: lower case, each run of non-letters replaced by '-'."""
    return re.sub(r"[\W\d_]+", "-", english.lower()).strip("-")


def typographic(french: str) -> str:
    """Replace straight apostrophes with typographic ones in a French form."""
    return french.replace("'", "\u2019")


def split_alternatives(text: str) -> list[str]:
    """Split 'A / B' into its alternatives (a single-element list when there are none)."""
    return [part.strip() for part in text.split(ALT_SEPARATOR)]


def plural_word(word: str, feminine: bool) -> str:
    """Return the French plural of an agreeing adjective or participle."""
    if not feminine and word[-1:] in ("s", "x", "z"):
        return word
    if not feminine and word.endswith("al"):
        return word[:-2] + "aux"
    return word + "s"


def plural_forms(masc: str, fem: str) -> tuple[str | None, str | None]:
    """Return (fr_mp, fr_fp) when the default plural rule would get them wrong.

    The renderer's default adds "s" to every word that differs between the masculine and
    the feminine form; explicit plurals are only stored where that rule fails.
    """
    m_words, f_words = masc.split(" "), fem.split(" ")
    if masc == fem or len(m_words) != len(f_words):
        return None, None
    differs = [m != f for m, f in zip(m_words, f_words, strict=True)]
    naive_m = " ".join(w + "s" if d else w for w, d in zip(m_words, differs, strict=True))
    naive_f = " ".join(w + "s" if d else w for w, d in zip(f_words, differs, strict=True))
    real_m = " ".join(
        plural_word(w, False) if d else w for w, d in zip(m_words, differs, strict=True)
    )
    real_f = " ".join(
        plural_word(w, True) if d else w for w, d in zip(f_words, differs, strict=True)
    )
    return (real_m if real_m != naive_m else None, real_f if real_f != naive_f else None)


def read_rows(tsv: Path) -> Iterator[dict[str, str]]:
    """Yield the rows of the opener table as dictionaries keyed by the header."""
    with tsv.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        for row in reader:
            yield {k: (v or "").strip() for k, v in row.items()}


def packs_for(english: str) -> tuple[tuple[str, ...], str]:
    """Return the packs a row belongs to and its English text without the pack marker."""
    if OIC_MARKER in english:
        return ("oic-cfm",), english.replace(OIC_MARKER, "").strip()
    if english.startswith(UN_ONLY_PREFIXES):
        return ("un-ga",), english
    return PACKS, english


def expand_row(row: dict[str, str]) -> tuple[tuple[str, ...], list[Phrase]]:
    """Turn one table row into its packs and one phrase per English alternative."""
    packs, english = packs_for(row["en"])
    en_alts = split_alternatives(english)
    fr_alts = split_alternatives(row["fr_masc_sing"])
    ff_alts = split_alternatives(row["fr_fem_sing"] or row["fr_masc_sing"])
    phrases = []
    for index, en in enumerate(en_alts):
        paired = len(fr_alts) == len(en_alts)
        fr = fr_alts[index] if paired else row["fr_masc_sing"]
        fr_f = ff_alts[index] if len(ff_alts) == len(en_alts) else row["fr_fem_sing"] or fr
        fr, fr_f = typographic(fr), typographic(fr_f)
        fr_mp, fr_fp = plural_forms(fr, fr_f)
        phrases.append(
            Phrase(
                key=make_key(en),
                en=en,
                fr=fr,
                fr_f=fr_f if fr_f != fr else None,
                fr_mp=fr_mp,
                fr_fp=fr_fp,
                notes=row["notes"],
            )
        )
    return packs, phrases


def apply_override(pack: str, part: str, phrase: Phrase) -> None:
    """Apply the pack's French override for this phrase, if there is one."""
    override = OVERRIDES.get(pack, {}).get(part, {}).get(phrase.key)
    if not override:
        return
    phrase.fr = override["fr"]
    phrase.fr_f = override.get("fr_f")
    phrase.fr_mp = phrase.fr_fp = None
    if "note" in override:
        phrase.notes = f"{phrase.notes}; {override['note']}" if phrase.notes else override["note"]


def build(tsv: Path) -> dict[str, Library]:
    """Read the table and return the opener library of each pack."""
    libraries = {pack: Library(pack) for pack in PACKS}
    for line, row in enumerate(read_rows(tsv), start=2):
        part = row.get("kind", "")
        if part not in PARTS:
            print(f"warning: {tsv.name}:{line}: unknown kind {part!r}, row skipped")
            continue
        if any("[" in row[col] for col in ("en", "fr_masc_sing", "fr_fem_sing")):
            continue  # a row with a slot is a clause template, not an opener
        packs, phrases = expand_row(row)
        for pack in packs:
            table = libraries[pack].parts[part]
            for template in phrases:
                phrase = Phrase(**vars(template))
                apply_override(pack, part, phrase)
                if phrase.key in table:
                    print(
                        f"warning: {pack} {part}: duplicate key {phrase.key!r} "
                        f"({tsv.name}:{line} {phrase.en!r}); keeping {table[phrase.key].fr!r}"
                    )
                    continue
                table[phrase.key] = phrase
    return libraries


def toml_string(value: str) -> str:
    """Quote a value as a TOML basic string."""
    out = []
    for char in value:
        if char in ('"', "\\"):
            out.append("\\" + char)
        elif ord(char) < 0x20 or char == "\x7f":
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def render(library: Library, tsv: Path, digest: str) -> str:
    """Return the openers.toml text of one pack."""
    lines = [
        "# GENERATED FILE, do not edit: written by scripts/build_phrases.py",
        f"# from {tsv.name} (sha256 {digest[:16]}) for the {library.pack} pack.",
        "# Hand-written openers go in phrases/house.toml.",
    ]
    for part in PARTS:
        for phrase in library.parts[part].values():
            lines += ["", f"[{part}.{phrase.key}]"]
            lines.append(f"en = {toml_string(phrase.en)}")
            lines.append(f"fr = {toml_string(phrase.fr)}")
            for name in ("fr_f", "fr_mp", "fr_fp"):
                value = getattr(phrase, name)
                if value is not None:
                    lines.append(f"{name} = {toml_string(value)}")
            lines.append(f"notes = {toml_string(phrase.notes)}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Build both packs' openers.toml from the table and print the counts."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("tsv", nargs="?", type=Path, default=DEFAULT_TSV, help="openers.tsv")
    parser.add_argument(
        "--templates", type=Path, default=Path("templates"), help="templates folder of the packs"
    )
    args = parser.parse_args(argv)
    tsv: Path = args.tsv
    if not tsv.is_file():
        print(f"error: {tsv} not found", file=sys.stderr)
        return 1
    digest = hashlib.sha256(tsv.read_bytes()).hexdigest()
    libraries = build(tsv)
    totals = dict.fromkeys(PARTS, 0)
    for pack, library in libraries.items():
        target = args.templates / pack / "phrases" / "openers.toml"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render(library, tsv, digest), encoding="utf-8", newline="\n")
        counts = {part: len(library.parts[part]) for part in PARTS}
        for part in PARTS:
            totals[part] += counts[part]
        print(
            f"{pack}: {counts['preambular']} preambular, {counts['operative']} operative "
            f"-> {target}"
        )
    print(f"total: {totals['preambular']} preambular, {totals['operative']} operative")
    return 0


if __name__ == "__main__":
    sys.exit(main())
