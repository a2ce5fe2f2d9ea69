"""Benchmark of the desktop application (offscreen; not a test). Prints JSON.

Run: `.venv/bin/python bench/gui_bench.py [--repeat N]`. On a resolution of 60 preambular
and 400 operative paragraphs with 150 footnotes it measures, in one run:

(a) process start to the first painted window with that document open (`draftdesk FILE`,
    and the launcher `python -m draftdesk.gui FILE` that skips the command line's imports),
    against a bare PySide6 window process started the same way (target: at most 3x);
(b) a keystroke in a paragraph to the preview updated, against a keystroke in a bare
    QTextEdit (target: p95 at most 50 ms);
(c) moving operative paragraph 1 to the end, to numbers and preview updated (p95 <= 50 ms),
    then undone; and the same move repeated without undo, each move a new order of the
    footnotes whose marks renumber (reported beside (c): what a user's first move costs);
(d) peak resident memory (VmHWM) of the application process with the document open, after
    the English and French dictionaries loaded and a whole-document proofing pass ran
    (target: at most 300 MiB);
(e) the longest stall of the GUI thread from the first paint until the dictionaries are
    loaded and the first proofing pass is done, timed by a 10 ms QTimer heartbeat.

(b) and (c) run after (e), with live proofing on, as a user types once the window is ready.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTextEdit

import draftdesk
from draftdesk.commands import MoveParagraph
from draftdesk.gui.app import application
from draftdesk.gui.context import scratch_context
from draftdesk.gui.main_window import MainWindow
from draftdesk.model import fileformat
from draftdesk.model.document import Footnote, Paragraph, Part
from draftdesk.model.inline import FootnoteRef, Text
from draftdesk.packs.registry import PackRegistry
from draftdesk.paths import examples_dir
from draftdesk.session import open_session

BARE_WINDOW = """
import time; start = time.perf_counter()
from PySide6.QtWidgets import QApplication, QMainWindow, QTextEdit
app = QApplication([])
window = QMainWindow(); window.setCentralWidget(QTextEdit()); window.resize(1400, 900)
window.show(); app.processEvents(); window.repaint()
print('{"event": "ready"}', flush=True)
"""


def big_document(path: Path) -> None:
    """60 preambular and 400 operative paragraphs, 150 footnotes (300 references)."""
    document = fileformat.load(examples_dir() / "un-oic-cooperation-2017.draftdesk")
    pack = PackRegistry().get("un-ga")
    openers = {part: list(pack.phrases[part]) for part in (Part.PREAMBLE, Part.OPERATIVE)}
    document.preamble, document.operative = [], []
    for i in range(150):
        document.footnotes.append(
            Footnote(f"fn-b{i}", {"en": [Text(f"See A/{i}/1.")], "fr": [Text(f"Voir A/{i}/1.")]})
        )
    for i in range(60):
        text = "the importance of cooperation between the United Nations and regional bodies"
        document.preamble.append(
            Paragraph(
                f"pp-b{i}",
                opener=openers[Part.PREAMBLE][i % len(openers[Part.PREAMBLE])],
                text={
                    "en": [Text(f"{text} {i}")],
                    "fr": [Text(f"l’importance de la coopération {i}")],
                },
            )
        )
    for i in range(400):
        en: list[Text | FootnoteRef] = [Text(f"the Secretary-General to continue his efforts {i}")]
        fr: list[Text | FootnoteRef] = [
            Text(f"le Secrétaire général de poursuivre ses efforts {i}")
        ]
        if i < 300:
            en.append(FootnoteRef(f"fn-b{i % 150}"))
            fr.append(FootnoteRef(f"fn-b{i % 150}"))
        document.operative.append(
            Paragraph(
                f"op-b{i}",
                opener=openers[Part.OPERATIVE][i % len(openers[Part.OPERATIVE])],
                text={"en": list(en), "fr": list(fr)},
            )
        )
    fileformat.save(document, path)


def start_time(
    command: list[str], env: dict[str, str], *, proofed: bool = False
) -> tuple[float, int]:
    """Seconds from spawning `command` to its "ready" line, and its peak RSS in KiB.

    With `proofed`, the peak is read once the dictionaries are loaded and a whole-document
    proofing pass ran (the automation hook's `proofing-ready`, then a Check Now).
    """
    begin = time.perf_counter()
    child = subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        env=env, text=True,
    )  # fmt: skip
    assert child.stdout is not None and child.stdin is not None
    for line in child.stdout:
        if '"ready"' in line:
            break
    elapsed = time.perf_counter() - begin
    peak = 0
    if proofed:
        for line in child.stdout:
            if '"proofing-ready"' in line:
                child.stdin.write('{"op": "check"}\n')
                child.stdin.flush()
            elif '"done"' in line:
                peak = _vm_hwm(child.pid)
                break
    child.kill()
    _pid, _status, usage = os.wait4(child.pid, 0)
    return elapsed, max(peak, usage.ru_maxrss)


def _vm_hwm(pid: int) -> int:
    """Peak resident memory of a running process in KiB (Linux /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


class Heartbeat:
    """A 10 ms timer on the GUI thread; the longest gap between its ticks is the worst stall."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.last = time.perf_counter()
        self.longest = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def start(self) -> None:
        """Start timing from now."""
        self.last = time.perf_counter()
        self.longest = 0.0
        self.timer.start()

    def stop(self) -> float:
        """Stop; the longest stall in seconds (the timer's own 10 ms excluded)."""
        self._tick()
        self.timer.stop()
        return max(0.0, self.longest - 0.010)


def settle_until(condition: Callable[[], bool], limit: float = 5.0) -> None:
    """Process events until `condition` holds."""
    deadline = time.perf_counter() + limit
    while not condition() and time.perf_counter() < deadline:
        QCoreApplication.processEvents()


def percentile(samples: list[float], share: float) -> float:
    """The `share` quantile (nearest rank)."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def summary(samples: list[float]) -> dict[str, float]:
    """Median and p95 in milliseconds."""
    ms = [s * 1000 for s in samples]
    return {"median_ms": round(statistics.median(ms), 2), "p95_ms": round(percentile(ms, 0.95), 2)}


def keystrokes(window: MainWindow, repeat: int) -> list[float]:
    """Type into operative 200's English text; each keystroke until the preview is redrawn."""
    document = window.controller.document
    window.select_paragraph(document.operative[200].id)
    window.editor.focus_text("en")
    field = window.editor.columns["en"].text
    samples = []
    for index in range(repeat):
        QCoreApplication.processEvents()
        time.sleep(0.01)
        begin = time.perf_counter()
        QTest.keyClick(field, "abcdefghij"[index % 10])
        settle_until(lambda b=begin: window.last_preview_update > b)
        window.preview.page.viewport().repaint()
        samples.append(time.perf_counter() - begin)
    return samples


def bare_keystrokes(repeat: int) -> list[float]:
    """The baseline: a keystroke into a plain QTextEdit holding one paragraph, repainted."""
    edit = QTextEdit()
    edit.setPlainText("the Secretary-General to continue his efforts 200")
    edit.resize(500, 300)
    edit.show()
    samples = []
    for index in range(repeat):
        QCoreApplication.processEvents()
        begin = time.perf_counter()
        QTest.keyClick(edit, "abcdefghij"[index % 10])
        QCoreApplication.processEvents()
        edit.viewport().repaint()
        samples.append(time.perf_counter() - begin)
    edit.close()
    return samples


def move_first_to_end(window: MainWindow) -> float:
    """Operative paragraph 1 to the end, until outline numbers and preview are redrawn."""
    document = window.controller.document
    QCoreApplication.processEvents()
    first = document.operative[0]
    begin = time.perf_counter()
    window.controller.execute(MoveParagraph(first.id, len(document.operative) - 1))
    settle_until(lambda: window.last_preview_update > begin)
    window.outline.viewport().repaint()
    window.preview.page.viewport().repaint()
    elapsed = time.perf_counter() - begin
    assert window.outline.line(first.id).startswith("400.")
    return elapsed


def moves(window: MainWindow, repeat: int) -> list[float]:
    """Operative paragraph 1 to the end, each move undone before the next."""
    samples = []
    for _ in range(repeat):
        samples.append(move_first_to_end(window))
        undone = time.perf_counter()
        window.controller.undo()
        settle_until(lambda b=undone: window.last_preview_update > b)
    return samples


def onward_moves(window: MainWindow, repeat: int) -> list[float]:
    """Operative paragraph 1 to the end, again and again: every move renumbers footnotes
    the preview has not shown before. All undone at the end."""
    samples = [move_first_to_end(window) for _ in range(repeat)]
    for _ in range(repeat):
        window.controller.undo()
    return samples


def main() -> None:
    """Run the four measurements and print one JSON object."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=30, help="samples for (b) and (c)")
    parser.add_argument("--starts", type=int, default=5, help="process starts for (a)")
    args = parser.parse_args()
    # An installed copy starts from compiled byte code (pip and the Windows installer compile
    # it); with PYTHONDONTWRITEBYTECODE set, as on these machines, an editable checkout would
    # compile every module from source at each start and measure the compiler instead.
    compileall.compile_dir(str(Path(draftdesk.__file__).parent), quiet=1)
    with tempfile.TemporaryDirectory(prefix="draftdesk-bench-") as scratch:
        folder = Path(scratch)
        document = folder / "big.draftdesk"
        big_document(document)
        env = {
            **os.environ, "QT_QPA_PLATFORM": "offscreen", "DRAFTDESK_AUTOMATION": "1",
            "XDG_CONFIG_HOME": str(folder / "config"), "XDG_STATE_HOME": str(folder / "state"),
        }  # fmt: skip
        app_runs, gui_runs, bare_runs, rss = [], [], [], []
        for _ in range(args.starts):  # interleaved, so load on the machine hits all alike
            bare_runs.append(start_time([sys.executable, "-c", BARE_WINDOW], env)[0])
            elapsed, peak = start_time(
                [sys.executable, "-m", "draftdesk", "--ui-language", "en", str(document)],
                env,
                proofed=True,
            )
            app_runs.append(elapsed)
            rss.append(peak)
            elapsed, peak = start_time([sys.executable, "-m", "draftdesk.gui", str(document)], env)
            gui_runs.append(elapsed)
            rss.append(peak)

        application()
        context = scratch_context(folder / "inproc")
        heartbeat = Heartbeat()
        begin = time.perf_counter()
        window = MainWindow(context, open_session(document, context.registry))
        proofed: list[float] = []  # connected after the panel: its first pass has run by then
        window.proofing.service.ready.connect(lambda: proofed.append(time.perf_counter()))
        window.resize(1400, 900)
        window.show()
        window.activateWindow()
        settle_until(lambda: window.last_preview_update > 0)
        heartbeat.start()  # from the first paint on: dictionaries load, first proofing pass
        settle_until(lambda: bool(proofed), 60.0)
        ready_after = (proofed[0] if proofed else time.perf_counter()) - begin
        settle_until(lambda: False, 0.5)  # whatever the first pass scheduled
        stall = heartbeat.stop()
        bare = bare_keystrokes(args.repeat)
        typed = keystrokes(window, args.repeat)
        moved = moves(window, args.repeat)
        onward = onward_moves(window, args.repeat)
        renders = []  # the core's share: Document → Layout, the same call the preview makes
        for _ in range(args.repeat):
            begin = time.perf_counter()
            window.controller.renderer.layout(window.controller.document, "en")
            renders.append(time.perf_counter() - begin)
        window.controller.session.editor.mark_saved()
        window.close()
        in_process_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    bare_median = statistics.median(bare_runs)
    start = {"median_s": round(statistics.median(app_runs), 3)}
    gui_start = {
        "median_s": round(statistics.median(gui_runs), 3),
        "ratio": round(statistics.median(gui_runs) / bare_median, 2),
    }
    bare_start = {"median_s": round(bare_median, 3)}
    start_ratio = statistics.median(app_runs) / bare_median
    result = {
        "document": {"preambular": 60, "operative": 400, "footnotes": 150},
        "a_start_to_first_paint": {
            "app": start, "bare_pyside6_window": bare_start, "ratio": round(start_ratio, 2),
            "gui_launcher_python_-m_draftdesk.gui": gui_start,
            "target_ratio": 3.0, "ok": start_ratio <= 3.0, "runs": args.starts,
        },
        "b_keystroke_to_preview": {
            **summary(typed), "bare_qtextedit": summary(bare),
            "ratio_median": round(statistics.median(typed) / statistics.median(bare), 1),
            "target_p95_ms": 50, "ok": percentile(typed, 0.95) * 1000 <= 50,
        },
        "core_render_en_alone": summary(renders),
        "c_move_first_to_end": {
            **summary(moved), "target_p95_ms": 50, "ok": percentile(moved, 0.95) * 1000 <= 50,
            "repeated_without_undo": summary(onward),
        },
        "d_peak_rss_mib": {
            "app_process_dictionaries_loaded_and_proofed": round(max(rss) / 1024, 1),
            "benchmark_process": round(in_process_rss / 1024, 1),
            "target": 300, "ok": max(rss) / 1024 <= 300,
        },
        "e_longest_gui_stall_ms": {
            "from_first_paint_to_proofing_ready": round(stall * 1000, 1),
            "dictionaries_ready_after_s": round(ready_after, 2),
        },
    }  # fmt: skip
    print(json.dumps(result, indent=2))
    QApplication.quit()


if __name__ == "__main__":
    main()
