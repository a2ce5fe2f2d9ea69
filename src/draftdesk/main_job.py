"""`make run`: open the desktop application on the UN example, or export it when headless."""

from __future__ import annotations

import sys
from pathlib import Path

from draftdesk import collector
from draftdesk.atomic import atomic_write
from draftdesk.errors import DraftDeskError
from draftdesk.export.registry import EXPORTERS
from draftdesk.gui.display import gui_available, has_display
from draftdesk.model import fileformat
from draftdesk.packs.registry import PackRegistry
from draftdesk.paths import examples_dir
from draftdesk.validation import pack_for, validate_document

UN_EXAMPLE = "un-oic-cooperation-2017.draftdesk"


def export_examples(out: Path, registry: PackRegistry, fmt: str = "txt") -> list[Path]:
    """Export every example resolution in each of its languages (`fmt`: txt, docx …)."""
    exporter = EXPORTERS[fmt]
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for source in sorted(examples_dir().glob("*.draftdesk")):
        document = fileformat.load(source)
        pack = pack_for(document, registry)
        report = validate_document(document, pack)
        for lang, layout in report.layouts.items():
            target = out / f"{source.stem}.{lang}{exporter.suffix}"
            atomic_write(target, exporter.export(layout, pack))
            written.append(target)
    return written


def screenshot(out: Path) -> Path | None:
    """The main window with the UN example, rendered offscreen to `out` (None without Qt)."""
    if not gui_available():
        return None
    from draftdesk.gui.app import run  # Qt is loaded only here, never by the core

    target = out / f"{Path(UN_EXAMPLE).stem}.png"
    if run(examples_dir() / UN_EXAMPLE, ui_language="en", screenshot=target) != 0:
        raise DraftDeskError(f"{target}: the screenshot could not be made")
    return target


def main(argv: list[str] | None = None) -> int:
    """Open the window; without a display, export the examples and a screenshot to `out`."""
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0] if args else "out")
    if has_display() and gui_available():
        collector.pause()  # until the window has painted (run() resumes it)
        from draftdesk.gui.app import run

        return run(examples_dir() / UN_EXAMPLE)
    print(
        f"draftdesk: no display (DISPLAY/WAYLAND_DISPLAY unset): exporting the examples "
        f"and a screenshot of the window to {out}/ instead"
    )
    try:
        registry = PackRegistry()
        formats = ["docx", "txt"] if "docx" in EXPORTERS else ["txt"]
        for fmt in formats:
            for path in export_examples(out, registry, fmt):
                print(f"wrote {path}")
        shot = screenshot(out)
        if shot is None:
            print("draftdesk: PySide6 is not installed: no screenshot (pip install '.[gui]')")
    except (DraftDeskError, OSError) as exc:
        print(f"draftdesk: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
