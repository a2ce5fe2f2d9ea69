"""Line numbers of TOML keys, so pack messages can say where a faulty field is written.

tomllib returns plain data without positions; this scans the source for table headers and
`key =` lines (skipping multi-line strings). It serves messages only: a key it cannot
place falls back to its table's line, or to no line at all.
"""

from __future__ import annotations

import re

Path_ = tuple[str, ...]

_KEY = r'(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|\'[^\']*\')'
_DOTTED = rf"{_KEY}(?:\s*\.\s*{_KEY})*"
_HEADER = re.compile(rf"^\s*\[\[?\s*({_DOTTED})\s*\]\]?\s*(?:#.*)?$")
_ASSIGN = re.compile(rf"^\s*({_DOTTED})\s*=")
_PART = re.compile(_KEY)
_INDEX = re.compile(r"\[\d+\]$")


def _split(dotted: str) -> Path_:
    parts = []
    for match in _PART.finditer(dotted):
        part = match.group(0)
        if part[:1] in "\"'":
            part = part[1:-1]
        parts.append(part)
    return tuple(parts)


def key_lines(source: str) -> dict[Path_, int]:
    """Map every table header and key path of `source` to its (1-based) line."""
    lines: dict[Path_, int] = {}
    table: Path_ = ()
    open_quote: str | None = None
    for number, line in enumerate(source.splitlines(), start=1):
        if open_quote is not None:
            if line.count(open_quote) % 2 == 1:
                open_quote = None
            continue
        header = _HEADER.match(line)
        if header:
            table = _split(header.group(1))
            lines.setdefault(table, number)
            continue
        assign = _ASSIGN.match(line)
        if assign:
            lines.setdefault(table + _split(assign.group(1)), number)
            value = line[assign.end() :]
            for quote in ('"""', "'''"):
                if value.count(quote) % 2 == 1:
                    open_quote = quote
    return lines


def line_of(lines: dict[Path_, int], path: Path_) -> int | None:
    """The line of `path`, else of its nearest enclosing key or table, else None."""
    path = tuple(_INDEX.sub("", part) for part in path)
    for end in range(len(path), 0, -1):
        found = lines.get(path[:end])
        if found is not None:
            return found
    return None


def field_name(path: Path_) -> str:
    """A key path as pack messages write it: `[bodies.general-assembly].gender`, `part`."""
    if not path:
        return "(file)"
    if len(path) == 1:
        return path[0]
    return f"[{'.'.join(path[:-1])}].{path[-1]}"
