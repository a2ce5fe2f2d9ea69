"""DraftDesk: a drafting assistant for UN and OIC resolutions in English and French."""

from __future__ import annotations

__version__ = "0.1.0"

FORMAT_VERSION = 1
"""The newest `.draftdesk` format version this DraftDesk reads and writes."""

__all__ = ["FORMAT_VERSION", "__version__"]
