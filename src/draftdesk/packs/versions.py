"""Pack versions (MAJOR.MINOR.PATCH): parsing, ordering and the closest installed version."""

from __future__ import annotations

import re
from collections.abc import Iterable

VERSION_PATTERN = re.compile(r"^(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})$")
"""Three numbers without leading zeros, so "1.02.0" and "1.2.0" never name the same pack."""

Version = tuple[int, int, int]


def parse_version(text: str) -> Version | None:
    """The version as a tuple of three numbers, or None when `text` is not MAJOR.MINOR.PATCH."""
    match = VERSION_PATTERN.match(text)
    if match is None:
        return None
    major, minor, patch = (int(group) for group in match.groups())
    return major, minor, patch


def version_key(text: str) -> Version:
    """A sort key for a version string; malformed versions sort first."""
    return parse_version(text) or (-1, -1, -1)


def is_at_least(version: str, minimum: str) -> bool:
    """Whether `version` is `minimum` or newer (malformed input counts as too old)."""
    have, need = parse_version(version), parse_version(minimum)
    return have is not None and need is not None and have >= need


def closest_version(requested: str, available: Iterable[str]) -> str | None:
    """The installed version a document asking for `requested` should be offered.

    Same major version first (semantic versioning: compatible), the oldest newer one
    before the newest older one (an update rather than a downgrade); then other majors,
    nearest first. None when nothing is available.
    """
    candidates = sorted({v for v in available if parse_version(v) is not None}, key=version_key)
    wanted = parse_version(requested)
    if not candidates:
        return None
    if wanted is None:
        return candidates[-1]

    def rank(text: str) -> tuple[int, int, Version]:
        have = version_key(text)
        newer = have >= wanted
        distance = (
            abs(have[0] - wanted[0]),
            abs(have[1] - wanted[1]) if have[0] == wanted[0] else 0,
            abs(have[2] - wanted[2]) if have[:2] == wanted[:2] else 0,
        )
        return (0 if have[0] == wanted[0] else 1, 0 if newer else 1, distance)

    return min(candidates, key=rank)
