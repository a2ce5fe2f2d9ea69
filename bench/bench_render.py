"""Benchmark: load + render + text export of the UN example, against raw JSON parsing.

Run: `.venv/bin/python bench/bench_render.py [--repeat N]`. Prints medians and the ratio to
the baseline measured in the same run (these machines are shared and noisy).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable

from draftdesk.export.text import layout_to_text
from draftdesk.model import fileformat
from draftdesk.packs.registry import PackRegistry
from draftdesk.paths import examples_dir
from draftdesk.render import Renderer, build_layout

EXAMPLE = examples_dir() / "un-oic-cooperation-2017.draftdesk"


def _median_ms(action: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    """Measure each stage and print a small table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    raw = EXAMPLE.read_bytes()
    pack = PackRegistry().get("un-ga")
    document = fileformat.load(EXAMPLE)
    renderer = Renderer(pack)

    def full_export() -> None:
        doc = fileformat.loads(raw)
        for lang in ("en", "fr"):
            layout_to_text(build_layout(doc, pack, lang))

    stages = {
        "baseline: json.loads": lambda: json.loads(raw),
        "load + validate (.draftdesk)": lambda: fileformat.loads(raw),
        "build_layout EN": lambda: build_layout(document, pack, "en"),
        "build_layout FR": lambda: build_layout(document, pack, "fr"),
        "Renderer.layout FR (warm)": lambda: renderer.layout(document, "fr"),
        "load + EN/FR layout + text": full_export,
    }
    baseline = None
    print(f"{'stage':32} {'median ms':>10} {'x baseline':>11}   ({args.repeat} runs)")
    for name, action in stages.items():
        median = _median_ms(action, args.repeat)
        baseline = baseline or median
        print(f"{name:32} {median:10.3f} {median / baseline:11.1f}")


if __name__ == "__main__":
    main()
