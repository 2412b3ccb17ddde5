"""Walk the real Som POS counter the way a person uses it: real windows on an X screen, real clicks and typing.

    .venv/bin/python packaging/counter_walk.py                       # the full matrix, shots in counter-walk/
    .venv/bin/python packaging/counter_walk.py --out /tmp/walk --sizes 1366x768 --languages ru --scenarios paid
    .venv/bin/python packaging/counter_walk.py --run 1024x600:ky:all --run 1366x768:ru:paid   # chosen runs

The full matrix (the default) is every scenario at 1024x600, 1280x800, 1366x768 and a portrait 800x1280
tablet, each in Kyrgyz, Russian and English (12 runs, two at a time; about 2 minutes each on 2 cores):

  paid       a sale typed on the keyboard, paid exactly on the customer's phone: "Paid"
  partial    a sale paid half: received, still due and a QR for the rest on screen; the rest paid: "Paid"
  overpay    the customer pays 10 som more: the change to give back is on screen
  unmatched  two open sales, a payment that matches neither: the alert, assigned to the sale on screen
  leave      "New sale" while a sale waits asks first: back to the sale, then cancel it
  offline    the shop's network off, the phone signs, the cashier checks and accepts, network back: final
  screens    every screen: sale, sales list, customer display, offline queue, settings

Each run (size, language) gets its own Xvfb on a free display number (``Xvfb -displayfd``) and starts the
real app as ``sompos demo`` does (``pos_app.ui.shell.app.run_app`` on the embedded demo chain) on Qt's xcb
platform. A second thread walks it (packaging/counter_walk_driver.py): it finds widgets by objectName,
turns the mouse wheel until they are in view, clicks their centre and types with xdotool, and after each
step saves an X screenshot (``import -window root``) and checks that every window's frame is inside the
screen (as Qt and as the X server see it), that the labels show the expected amounts in som and that
the payment QR, read back from the screenshot, asks for the expected amount. A step that needs a widget
the app does not have yet is reported as waiting for it, by name; it never passes silently.

Output: OUT/<size>-<lang>/NN-<scenario>-<step>.png, OUT/<size>-<lang>/walk.json and OUT/results.json.
Exit status 0 when no step failed (steps may wait), 1 when one did, 2 when Xvfb, xdotool or ImageMagick's
``import`` is missing (``python3 packaging/dev.py test`` installs them on Debian).
"""
from __future__ import annotations

import argparse
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = ("1024x600", "1280x800", "1366x768", "800x1280")
LANGUAGES = ("ky", "ru", "en")
SCENARIOS = ("paid", "partial", "overpay", "unmatched", "leave", "offline", "screens")
TOOLS = ("Xvfb", "xdotool", "import")
RUN_TIMEOUT_S = 420


# -- the parent: one Xvfb and one app process per run ------------------------------------------------
def missing_tools() -> list[str]:
    return [t for t in TOOLS if shutil.which(t) is None]


def start_xvfb(width: int, height: int) -> tuple[subprocess.Popen, str]:
    """An X server of the shop's screen size on a display number it picks itself."""
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0", f"{width}x{height}x24",
                             "-nolisten", "tcp", "-noreset"], pass_fds=(write_fd,),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    number = b""
    end = time.monotonic() + 20
    while not number.endswith(b"\n") and time.monotonic() < end:
        ready, _, _ = select.select([read_fd], [], [], 0.5)
        if ready:
            chunk = os.read(read_fd, 16)
            if not chunk:
                break
            number += chunk
    os.close(read_fd)
    if not number.strip():
        proc.kill()
        raise RuntimeError("Xvfb did not start")
    return proc, ":" + number.decode().strip()


def run_one(size: str, language: str, scenarios: list[str], out: Path) -> dict:
    """One run in a child process on its own Xvfb; returns its record (walk.json)."""
    width, height = map(int, size.split("x"))
    folder = out / f"{size}-{language}"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    xvfb, display = start_xvfb(width, height)
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_QPA")}
    env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", PYTHONPATH=str(ROOT))
    started = time.monotonic()
    try:
        with open(folder / "app.log", "w") as log:
            proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", "--size", size,
                                   "--lang", language, "--scenarios", ",".join(scenarios), "--out", str(folder)],
                                  cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, timeout=RUN_TIMEOUT_S)
        rc = proc.returncode
    except subprocess.TimeoutExpired:
        rc = "timeout"
    finally:
        xvfb.terminate()
        xvfb.wait(10)
    record_file = folder / "walk.json"
    record = json.loads(record_file.read_text()) if record_file.exists() else {"steps": []}
    record.update(size=size, language=language, exit=rc, seconds=round(time.monotonic() - started, 1))
    if rc != 0:
        record["steps"].append({"scenario": "-", "step": "app", "status": "failed", "problems": [],
                                "reason": f"the app process ended with {rc}; see {folder / 'app.log'}"})
    record_file.write_text(json.dumps(record, indent=1, ensure_ascii=False))
    return record


def summary(record: dict) -> str:
    lines = [f"{record['size']} {record['language']} ({record['seconds']} s):"]
    for name, result in scenario_results(record).items():
        lines.append(f"  {name:<10} {result['status']}{': ' + result['reason'] if result['reason'] else ''}")
    waiting = sorted({n for s in record["steps"] for n in s.get("waiting_for", [])})
    if waiting:
        lines.append("  amounts not on screen yet (labels waiting): " + ", ".join(waiting))
    if record.get("by_attribute"):
        lines.append("  found by attribute (objectName missing): " + ", ".join(record["by_attribute"]))
    latin = sorted({t for s in record["steps"] for t in s.get("latin", [])})
    if latin:
        lines.append("  Latin words on screen: " + " | ".join(latin))
    return "\n".join(lines)


def scenario_results(record: dict) -> dict[str, dict]:
    """Per scenario: failed (a step failed), waiting (stopped for a missing widget) or ok."""
    out: dict[str, dict] = {}
    for s in record["steps"]:
        r = out.setdefault(s["scenario"], {"status": "ok", "reason": "", "steps": []})
        r["steps"].append(s["step"])
        if s["status"] == "failed" and r["status"] != "failed":
            r["status"], r["reason"] = "failed", s.get("reason") or "; ".join(s.get("problems", []))
        elif s["status"] == "waiting" and r["status"] == "ok":
            r["status"], r["reason"] = "waiting", s.get("reason", "")
    return out


def parent(args: argparse.Namespace) -> int:
    missing = missing_tools()
    if missing:
        print("counter walk: missing " + ", ".join(missing) + " (Debian: apt-get install xvfb xdotool imagemagick)",
              file=sys.stderr)
        return 2
    runs = []
    for spec in args.run or []:
        size, language, scenarios = spec.split(":")
        runs.append((size, language, list(SCENARIOS) if scenarios == "all" else scenarios.split(",")))
    if not runs:
        runs = [(s, lang, args.scenarios.split(",")) for s in args.sizes.split(",") for lang in args.languages.split(",")]
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        records = list(pool.map(lambda r: run_one(r[0], r[1], r[2], out), runs))
    for record in records:
        print(summary(record), flush=True)
    (out / "results.json").write_text(json.dumps(records, indent=1, ensure_ascii=False))
    failed = any(r["status"] == "failed" for rec in records for r in scenario_results(rec).values())
    print(f"counter walk: {'FAILED' if failed else 'passed'}; screenshots and results in {out}", flush=True)
    return 1 if failed else 0


# -- the child: the real app on this display, walked from a second thread ----------------------------
def child(args: argparse.Namespace) -> int:
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from PySide6.QtWidgets import QApplication

    from counter_walk_driver import GuiCalls, Walk
    from pos_app.ui.shell.app import run_app

    app = QApplication([sys.argv[0]])
    calls = GuiCalls()
    width, height = map(int, args.size.split("x"))
    out = Path(args.out)
    walk = Walk(calls, out, (width, height), args.lang)
    thread = threading.Thread(target=lambda: drive(walk, app, args.scenarios.split(",")), name="walk", daemon=True)
    thread.start()
    data = tempfile.mkdtemp(prefix="sompos-walk-")
    rc = run_app(data, demo=True, language=args.lang)     # exactly what `sompos demo` runs
    thread.join(30)
    (out / "walk.json").write_text(json.dumps({"steps": walk.steps, "by_attribute": sorted(walk.by_attribute)},
                                              indent=1, ensure_ascii=False))
    shutil.rmtree(data, ignore_errors=True)
    return rc


def drive(walk, app, scenarios: list[str]) -> None:
    from counter_walk_driver import Waiting
    from counter_walk_scenarios import SCENARIO_STEPS, recover, wait_for_window
    try:
        walk.scenario = "start"
        wait_for_window(walk)
        for name in scenarios:
            walk.scenario = name
            print(f"{name}:", flush=True)
            try:
                SCENARIO_STEPS[name](walk)
            except Waiting as exc:
                walk.stopped("waiting", str(exc))
            except Exception as exc:  # noqa: BLE001 - recorded, the walk goes on
                if not getattr(exc, "recorded", False):
                    walk.stopped("failed", f"{type(exc).__name__}: {exc}")
                recover(walk)
    except Exception as exc:  # noqa: BLE001 - the app must still be closed
        walk.stopped("failed", f"{type(exc).__name__}: {exc}")
    finally:
        from PySide6.QtWidgets import QApplication

        def close_all() -> None:
            for top in QApplication.topLevelWidgets():
                top.close()
            app.quit()
        try:
            walk.gui(close_all, timeout=60)
        except Exception:  # noqa: BLE001
            os._exit(3)


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--out", default=str(ROOT / "counter-walk"), help="folder for screenshots and results")
    p.add_argument("--sizes", default=",".join(SIZES))
    p.add_argument("--languages", default=",".join(LANGUAGES))
    p.add_argument("--scenarios", default=",".join(SCENARIOS))
    p.add_argument("--run", action="append", help="SIZE:LANG:SCENARIOS (comma list or 'all'); repeatable")
    p.add_argument("--jobs", type=int, default=2, help="runs at the same time (each has its own X screen)")
    p.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--size", help=argparse.SUPPRESS)
    p.add_argument("--lang", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    return child(args) if args.child else parent(args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
