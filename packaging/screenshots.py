"""Regenerate the README screenshots from the counter walk: the real app on a 1366x768 X screen.

    .venv/bin/python packaging/screenshots.py            # needs Xvfb, xdotool and ImageMagick (dev.py test installs them)

Runs packaging/counter_walk.py's scenarios in English and Russian at 1366x768 (real clicks on the real
window, see that script) and copies the steps the README shows to docs/screenshots/NAME-LANG.png, each
cut to its window (the main window, or the customer display). Stops without touching docs/ when a
step of the walk failed, so a broken screen never lands in the README.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import counter_walk  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
SIZE = "1366x768"
LANGUAGES = ("en", "ru")
# README name -> (scenario, step, window to cut out)
SHOTS = {
    "sale": ("paid", "amount typed", "MainWindow"),
    "payment": ("paid", "charged", "MainWindow"),
    "paid": ("paid", "paid", "MainWindow"),
    "partial": ("partial", "half paid", "MainWindow"),
    "customer-display": ("partial", "customer display: what is left", "customerDisplay"),
    "change": ("overpay", "paid 10 som more", "MainWindow"),
    "unmatched": ("unmatched", "payment matched no sale", "MainWindow"),
    "offline-verdict": ("offline", "offline payment checked", "MainWindow"),
    "offline-accepted": ("offline", "accepted offline", "MainWindow"),
    "offline-queue": ("offline", "queued offline", "MainWindow"),
    "offline-final": ("offline", "final after the network came back", "MainWindow"),
    "sales-list": ("screens", "sales list", "MainWindow"),
}


def main() -> int:
    from concurrent.futures import ThreadPoolExecutor

    from PIL import Image
    missing = counter_walk.missing_tools()
    if missing:
        print("screenshots: missing " + ", ".join(missing), file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="sompos-shots-"))
    with ThreadPoolExecutor(max_workers=2) as pool:
        records = list(pool.map(lambda lang: counter_walk.run_one(SIZE, lang, list(counter_walk.SCENARIOS), work),
                                LANGUAGES))
    for record in records:
        print(counter_walk.summary(record), flush=True)
    if any(r["status"] == "failed" for rec in records for r in counter_walk.scenario_results(rec).values()):
        print(f"screenshots: a step failed; docs/screenshots left as they were (see {work})", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    written = []
    for record in records:
        steps = {(s["scenario"], s["step"]): s for s in record["steps"]}
        for name, (scenario, step, window) in SHOTS.items():
            s = steps.get((scenario, step))
            if s is None:
                print(f"screenshots: {record['language']}: no step {scenario}/{step} (waiting?)", file=sys.stderr)
                continue
            x, y, w, h = next(f["x"] for f in s["frames"] if f["window"] == window)
            target = OUT / f"{name}-{record['language']}.png"
            with Image.open(s["shot"]) as img:
                img.crop((x, y, x + w, y + h)).save(target, optimize=True)
            written.append(target)
    print("\n".join(str(p.relative_to(ROOT)) for p in written), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
