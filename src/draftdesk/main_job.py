"""`make run`: the application's main job until the GUI exists — export the examples."""

from __future__ import annotations

import sys
from pathlib import Path

from draftdesk.atomic import atomic_write
from draftdesk.errors import DraftDeskError
from draftdesk.export.text import layout_to_text
from draftdesk.model import fileformat
from draftdesk.packs.registry import PackRegistry
from draftdesk.paths import examples_dir
from draftdesk.validation import pack_for, validate_document


def export_examples(out: Path, registry: PackRegistry) -> list[Path]:
    """Export every example resolution in each of its languages as text into `out`."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for source in sorted(examples_dir().glob("*.draftdesk")):
        document = fileformat.load(source)
        report = validate_document(document, pack_for(document, registry))
        for lang, layout in report.layouts.items():
            target = out / f"{source.stem}.{lang}.txt"
            atomic_write(target, layout_to_text(layout).encode("utf-8"))
            written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    """Export the examples to the folder named on the command line (default `out`)."""
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0] if args else "out")
    try:
        for path in export_examples(out, PackRegistry()):
            print(f"wrote {path}")
    except (DraftDeskError, OSError) as exc:
        print(f"draftdesk: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
