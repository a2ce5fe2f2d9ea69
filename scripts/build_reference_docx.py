"""Generate the built-in packs' reference.docx (the Word styles of the DOCX export).

Run: `.venv/bin/python scripts/build_reference_docx.py` to rewrite
templates/{un-ga,oic-cfm}/reference.docx, or with `--check` to exit 1 when a committed file
differs from what this script produces. The styles themselves are defined in
src/draftdesk/export/docx/styles.py; the output is reproducible byte for byte.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from draftdesk.export.docx.reference import REFERENCE_NAME, look_of, reference_bytes
from draftdesk.packs.loader import load_pack

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
PACKS = ("un-ga", "oic-cfm")


def build(pack_id: str, templates: Path = TEMPLATES) -> bytes:
    """The reference document of a built-in pack, as this script writes it."""
    pack = load_pack(templates / pack_id)
    return reference_bytes(pack, look_of(pack))


def main(argv: list[str] | None = None) -> int:
    """Write (or with --check compare) every built-in pack's reference.docx."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    parser.add_argument("--templates", type=Path, default=TEMPLATES, help="packs folder")
    args = parser.parse_args(argv)
    stale = []
    for pack_id in PACKS:
        target = args.templates / pack_id / REFERENCE_NAME
        payload = build(pack_id, args.templates)
        if args.check:
            if not target.is_file() or target.read_bytes() != payload:
                stale.append(target)
            continue
        target.write_bytes(payload)
        print(f"wrote {target} ({len(payload)} bytes)")
    for target in stale:
        print(f"{target}: differs from what {Path(__file__).name} produces", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
