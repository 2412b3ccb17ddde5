"""The hands and eyes of packaging/counter_walk.py: real input on real X windows, and what the screen shows.

The app runs its own event loop on the main thread; the walk runs on a second thread and touches
widgets only through ``Walk.gui`` (a call queued to the GUI thread, so a modal dialog's own event
loop still answers it). Input goes through the X server like a person's: xdotool moves the
pointer to a widget's centre, turns the wheel over a scroll bar until the widget is in view,
clicks and types. After each step an X screenshot of the whole screen is saved and checked:
every window's frame inside the screen, the amounts the step expects on its labels, the payment
QR read back from the screenshot's pixels.
"""
from __future__ import annotations

import re
import subprocess
import threading
import time
from concurrent.futures import Future
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QScrollArea, QWidget

ROOT = Path(__file__).resolve().parent.parent
Getter = Callable[[Any], "QWidget | None"]     # (main window) -> widget, run on the GUI thread


class Waiting(Exception):
    """The app has no widget of this objectName yet: the step waits for it (never passes)."""

    def __init__(self, name: str) -> None:
        super().__init__(f"waiting for widget '{name}' (not in the app yet)")
        self.name = name


class StepFailed(AssertionError):
    recorded = False          # True when ``Walk.check`` already wrote the failed step


class GuiCalls(QObject):
    """Runs callables on the GUI thread for the walk thread (create it on the GUI thread)."""

    call = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.call.connect(self._run, Qt.ConnectionType.QueuedConnection)

    def _run(self, job: tuple[Callable[[], Any], Future]) -> None:
        fn, fut = job
        if fut.set_running_or_notify_cancel():
            try:
                fut.set_result(fn())
            except BaseException as exc:  # noqa: BLE001 - handed to the walk thread
                fut.set_exception(exc)


_NAMES_IN_SOURCE: set[str] | None = None


def implemented(name: str) -> bool:
    """Whether the app's source names a widget ``name`` at all (else a step waits for it)."""
    global _NAMES_IN_SOURCE
    if _NAMES_IN_SOURCE is None:
        found: set[str] = set()
        for path in (ROOT / "pos_app").rglob("*.py"):
            found.update(re.findall(r"""["']([A-Za-z][A-Za-z0-9]*)["']""", path.read_text(encoding="utf-8")))
        _NAMES_IN_SOURCE = found
    return name in _NAMES_IN_SOURCE


# Words of Latin letters that are fine on a Kyrgyz or Russian screen: names, brands, the unit sign.
LATIN_OK = {"Som", "POS", "MetaMask", "Trust", "Wallet", "EIP", "KGS", "USB", "QR", "Aigul", "Bakyt", "Nurlan",
            "Cholpon", "Azamat", "Dinara", "som"}
# Addresses, transaction hashes and the till's number (groups of 4 hex digits) are not words.
_HEXLIKE = re.compile(r"0x[0-9a-fA-F…\.]*|[0-9a-fA-F]{8,}|\b[0-9a-f]{4}\b")


def _latin_words(text: str) -> list[str]:
    text = _HEXLIKE.sub(" ", re.sub(r"<[^>]*>", " ", text))     # rich text: the tags are not words
    return [w for w in re.findall(r"[A-Za-z]{3,}", text) if w not in LATIN_OK]


class Walk:
    """One run of the real app at one screen size and language; ``steps`` is the record."""

    def __init__(self, calls: GuiCalls, out: Path, size: tuple[int, int], language: str) -> None:
        self.calls = calls
        self.out = out
        self.size = size
        self.language = language
        self.win: Any = None
        self.scenario = ""
        self.steps: list[dict] = []
        self.by_attribute: set[str] = set()    # objectNames the app lacks; found by attribute meanwhile
        self._n = 0

    # -- the GUI thread ------------------------------------------------------------------------------
    def gui(self, fn: Callable[[], Any], timeout: float = 20.0) -> Any:
        if threading.current_thread() is threading.main_thread():
            return fn()
        fut: Future = Future()
        self.calls.call.emit((fn, fut))
        return fut.result(timeout)

    def wait(self, cond: Callable[[], Any], what: str, timeout: float = 20.0) -> Any:
        end = time.monotonic() + timeout
        while True:
            value = self.gui(cond)
            if value:
                return value
            if time.monotonic() > end:
                raise TimeoutError(f"{what}: not within {timeout:.0f} s")
            time.sleep(0.05)

    def settle(self, seconds: float = 0.3) -> None:
        time.sleep(seconds)
        self.gui(lambda: QApplication.processEvents())

    # -- finding widgets -----------------------------------------------------------------------------
    @staticmethod
    def _named(name: str) -> QWidget | None:
        found = []
        for top in QApplication.topLevelWidgets():
            if top.objectName() == name:
                found.append(top)
            found.extend(top.findChildren(QWidget, name))
        visible = [w for w in found if w.isVisible()]
        return (visible or found or [None])[0]

    def find(self, name: str, fallback: Getter | None = None) -> QWidget | None:
        widget = self.gui(lambda: self._named(name))
        if widget is None and fallback is not None:
            widget = self.gui(lambda: fallback(self.win))
            if widget is not None:
                self.by_attribute.add(name)
        return widget

    def need(self, name: str, fallback: Getter | None = None, timeout: float = 10.0) -> QWidget:
        """The widget, waiting for it to exist; Waiting if the app does not name it anywhere."""
        widget = self.find(name, fallback)
        if widget is None and not implemented(name):
            raise Waiting(name)
        if widget is None:
            return self.wait(lambda: self._named(name), f"widget {name} to appear", timeout)
        return widget

    def visible(self, name: str) -> bool:
        return bool(self.gui(lambda: (lambda w: w is not None and w.isVisible())(self._named(name))))

    # -- input through the X server ------------------------------------------------------------------
    def xdo(self, *args: str) -> str:
        return subprocess.run(["xdotool", *args], check=True, capture_output=True, text=True, timeout=20).stdout

    def click(self, target: str | QWidget, fallback: Getter | None = None, *, what: str = "") -> None:
        """Scroll ``target`` into view with the wheel, wait until it is enabled, click its centre."""
        widget = self.need(target, fallback) if isinstance(target, str) else target
        label = what or (target if isinstance(target, str) else self.gui(widget.objectName) or "widget")
        self.wait(lambda: widget.isVisible() and widget.isEnabled(), f"{label} visible and enabled", 15)
        self._scroll_into_view(widget, label)
        point = self.gui(lambda: widget.mapToGlobal(widget.rect().center()))
        self.xdo("mousemove", str(point.x()), str(point.y()), "sleep", "0.05")
        under = self.xdo("getmouselocation", "--shell")
        window = self.gui(lambda: int(widget.window().winId()))
        if f"WINDOW={window}\n" not in under:
            raise StepFailed(f"{label}: another window covers it at {point.x()},{point.y()} ({under.split()})")
        self.xdo("click", "1")

    def _scroll_into_view(self, widget: QWidget, label: str, *, whole: bool = False) -> None:
        def shown() -> bool:
            if whole:
                return _shown_whole(widget)
            region = widget.visibleRegion()
            return not region.isEmpty() and region.contains(widget.rect().center())

        for _ in range(60):
            if self.gui(shown):
                return
            bar = self.gui(lambda: _scroll_bar_towards(widget, whole))
            if bar is None:
                break
            point, button = bar
            self.xdo("mousemove", str(point.x()), str(point.y()), "click", button)
            self.settle(0.05)
        raise StepFailed(f"{label} cannot be scrolled {'whole ' if whole else ''}into view")

    def type_text(self, text: str) -> None:
        self.xdo("type", "--delay", "40", text)

    def key(self, keysym: str) -> None:
        self.xdo("key", keysym)

    # -- what the screen shows -----------------------------------------------------------------------
    def text(self, name: str) -> str:
        return self.gui(lambda: (lambda w: w.text() if w is not None else "")(self._named(name)))

    def shot(self, label: str) -> Path:
        self._n += 1
        slug = re.sub(r"[^a-z0-9]+", "-", f"{self.scenario} {label}".lower()).strip("-")
        path = self.out / f"{self._n:02d}-{slug}.png"
        subprocess.run(["import", "-window", "root", str(path)], check=True, timeout=30)
        return path

    def frames(self) -> tuple[list[dict], list[str]]:
        """Every shown window's frame, as Qt and the X server see it, and any that leave the screen."""
        w, h = self.size

        def qt_frames() -> list[tuple]:
            rows = []
            for top in QApplication.topLevelWidgets():
                if not top.isVisible() or top.windowType() in (Qt.WindowType.ToolTip, Qt.WindowType.Popup):
                    continue
                f, a = top.frameGeometry(), top.screen().availableGeometry()
                rows.append((top.objectName() or type(top).__name__, int(top.winId()),
                             [f.x(), f.y(), f.width(), f.height()], [a.x(), a.y(), a.width(), a.height()]))
            return rows

        out, bad = [], []
        for name, wid, frame, avail in self.gui(qt_frames):
            geo = self.xdo("getwindowgeometry", str(wid))
            px, py = map(int, re.search(r"Position: (-?\d+),(-?\d+)", geo).groups())
            gw, gh = map(int, re.search(r"Geometry: (\d+)x(\d+)", geo).groups())
            x_frame = [px, py, gw, gh]
            out.append({"window": name, "qt": frame, "x": x_frame, "available": avail})
            for kind, (x, y, fw, fh), (ax, ay, aw, ah) in (("Qt", frame, avail), ("X", x_frame, [0, 0, w, h])):
                if x < ax or y < ay or x + fw > ax + aw or y + fh > ay + ah:
                    bad.append(f"{name}: {kind} frame {fw}x{fh}+{x}+{y} leaves the {aw}x{ah} screen")
        return out, bad

    def latin(self) -> list[str]:
        """Visible texts with Latin words on a Kyrgyz or Russian screen (a hint of untranslated text)."""
        if self.language == "en":
            return []

        def texts() -> list[str]:
            found = []
            for top in QApplication.topLevelWidgets():
                if not top.isVisible():
                    continue
                for wdg in [top, *top.findChildren(QWidget)]:
                    if not wdg.isVisible() or wdg.visibleRegion().isEmpty() or isinstance(wdg, QLineEdit):
                        continue            # (a field holds what was typed or scanned, not the app's words)
                    for attr in ("text", "currentText", "title", "placeholderText"):
                        fn = getattr(wdg, attr, None)
                        if callable(fn):
                            try:
                                value = fn()
                            except TypeError:
                                continue
                            if isinstance(value, str) and value:
                                found.append(value)
                    if isinstance(wdg, QAbstractItemView) and wdg.model() is not None:
                        m = wdg.model()
                        for c in range(m.columnCount()):
                            found.append(str(m.headerData(c, Qt.Orientation.Horizontal) or ""))
                            for r in range(min(m.rowCount(), 30)):
                                found.append(str(m.index(r, c).data() or ""))
            return found
        found = {}
        for t in self.gui(texts):
            words = _latin_words(t)
            if words:
                found[" ".join(dict.fromkeys(words))] = re.sub(r"<[^>]*>", "", t)[:70]
        return sorted(f"{words} (in: {t})" for words, t in found.items())

    def payment_qr_amounts(self, png: Path) -> list[int]:
        """The amounts (base units) the payment QRs in the screenshot ask for, read from its pixels."""
        import zxingcpp
        from PIL import Image
        amounts = []
        for result in zxingcpp.read_barcodes(Image.open(png)):
            match = re.search(r"[?&](?:uint256|value|amount)=([0-9.eE+]+)", result.text)
            if result.text.startswith("ethereum:") and match:
                amounts.append(int(float(match.group(1))) if "e" in match.group(1).lower() else int(match.group(1)))
        return amounts

    # -- one step of a scenario -----------------------------------------------------------------------
    def check(self, step: str, *, amounts: dict[str, int] | None = None, state: str | None = None,
              qr_tyiyn: int | None = None) -> dict:
        """Screenshot, then: windows inside the screen, ``amounts`` (objectName -> tyiyn) on screen,
        the payment state, the QR's amount. Missing labels make the step wait; wrong ones fail it."""
        from pos_app.core.money import format_som
        self.settle()
        # A page taller than the window scrolls: like a person, turn the wheel until what this step
        # reads is in view (noted in the record), then take the picture.
        scrolled, problems = [], []
        wanted = [(n, self.find(n)) for n in (amounts or {})]
        if qr_tyiyn is not None:
            wanted.append(("paymentQr", self.gui(lambda: self.win.payment.qr)))
        for name, widget in wanted:
            if widget is not None and self.gui(widget.isVisible) and not self.gui(
                    lambda: _shown_whole(widget) if name != "paymentQr" else not widget.visibleRegion().isEmpty()):
                try:
                    self._scroll_into_view(widget, name, whole=name != "paymentQr")
                    scrolled.append(name)
                except StepFailed as exc:
                    problems.append(str(exc))
        shot = self.shot(step)
        frames, frame_problems = self.frames()
        problems += frame_problems
        record = {"scenario": self.scenario, "step": step, "shot": str(shot), "frames": frames, "status": "ok",
                  "waiting_for": [], "problems": problems, "shown": {}, "scrolled_to_see": scrolled}
        for name, widget in wanted:
            if name == "paymentQr":
                continue
            tyiyn = amounts[name]
            if widget is None:
                (record["problems"] if implemented(name) else record["waiting_for"]).append(name)
                continue
            shown = self.gui(lambda: (widget.text(), widget.isVisible() and not widget.visibleRegion().isEmpty()))
            record["shown"][name] = shown[0]
            want = format_som(tyiyn, self.language)
            if not shown[1]:
                problems.append(f"{name} is not on screen (hidden or scrolled away); expected {want}")
            elif want not in shown[0]:
                problems.append(f"{name} shows {shown[0]!r}, expected {want!r}")
        if state is not None:
            key = self.gui(lambda: self.win.payment.state.property("stateKey"))
            record["shown"]["paymentState"] = self.text("paymentState")
            if key != state:
                problems.append(f"payment state is {key!r}, expected {state!r}")
        if qr_tyiyn is not None:
            unit = 10 ** (self.gui(lambda: self.win.current.decimals) - 2)
            asked = self.payment_qr_amounts(shot)
            record["shown"]["qr"] = asked
            # The payment screen's QR, and the customer display's when it is open: all ask the same.
            if not asked or any(a // unit != qr_tyiyn for a in asked):
                problems.append(f"the payment QRs on screen ask {asked} base units; expected {qr_tyiyn} tyiyn "
                                "and a tail")
        record["latin"] = self.latin()
        if problems:
            record["status"] = "failed"
        elif record["waiting_for"]:
            record["status"] = "waiting"
        self.steps.append(record)
        print(f"  {self.scenario}/{step}: {record['status']} {'; '.join(problems)}"
              f"{' waiting for ' + ', '.join(record['waiting_for']) if record['waiting_for'] else ''}", flush=True)
        if problems:
            exc = StepFailed("; ".join(problems))
            exc.recorded = True
            raise exc
        return record

    def stopped(self, status: str, reason: str) -> None:
        """The scenario stopped before its end: record where, with a screenshot."""
        try:
            shot = str(self.shot("stopped"))
            frames, problems = self.frames()
        except Exception as exc:  # noqa: BLE001 - the record matters more than the picture
            shot, frames, problems = "", [], [f"no screenshot: {exc}"]
        self.steps.append({"scenario": self.scenario, "step": "stopped", "status": status, "reason": reason,
                           "shot": shot, "frames": frames, "problems": problems, "waiting_for": [], "shown": {}})
        print(f"  {self.scenario}: {status}: {reason}", flush=True)


def _shown_whole(widget: QWidget) -> bool:
    """Nothing of ``widget`` is clipped away (a QR cut in half cannot be scanned)."""
    region = widget.visibleRegion()
    return not region.isEmpty() and region.boundingRect() == widget.rect() and region.rectCount() == 1


def _scroll_bar_towards(widget: QWidget, whole: bool = False) -> tuple[QPoint, str] | None:
    """The centre of the scroll bar to turn, and the wheel button (4 up, 5 down; 6/7 sideways), to bring
    ``widget``'s centre (or all of it) into view."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if parent is None:
        return None
    port = parent.viewport()
    top_left = widget.mapTo(port, QPoint(0, 0))
    if whole:
        lo_x, lo_y = top_left.x(), top_left.y()
        hi_x, hi_y = lo_x + widget.width() - 1, lo_y + widget.height() - 1
    else:
        centre = widget.mapTo(port, widget.rect().center())
        lo_x = hi_x = centre.x()
        lo_y = hi_y = centre.y()
    vbar, hbar = parent.verticalScrollBar(), parent.horizontalScrollBar()
    if vbar.isVisible() and (lo_y < 0 or hi_y >= port.height()):
        return vbar.mapToGlobal(vbar.rect().center()), ("4" if lo_y < 0 else "5")
    if hbar.isVisible() and (lo_x < 0 or hi_x >= port.width()):
        return hbar.mapToGlobal(hbar.rect().center()), ("6" if lo_x < 0 else "7")
    return _scroll_bar_towards(parent, whole)   # an outer scroll area hides this one
