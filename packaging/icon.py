"""The Windows icon (.ico) of DraftDesk, drawn from resources/icons/draftdesk.svg with Qt."""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

SIZES = (16, 24, 32, 48, 64, 128, 256)


def render_pngs(svg: Path) -> list[bytes]:
    """The SVG as PNG images of every size in SIZES (Qt's SVG renderer, offscreen)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Qt is a build-time tool here: the build runs in the dev environment (.[gui]).
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg}: not a valid SVG")
    images = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(0)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        # PySide6 6.11's stub types the format as bytes; the binding accepts only str.
        image.save(buffer, "PNG")  # type: ignore[call-overload]
        images.append(bytes(data.data()))
    return images


def ico_bytes(pngs: list[bytes]) -> bytes:
    """An ICO file holding PNG images (Windows Vista and later read PNG entries)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, png in zip(SIZES, pngs, strict=True):
        side = size % 256  # 0 means 256 in an ICO directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def write_icon(svg: Path, out: Path) -> Path:
    """Write the ICO for `svg` to `out`."""
    out.write_bytes(ico_bytes(render_pngs(svg)))
    return out
