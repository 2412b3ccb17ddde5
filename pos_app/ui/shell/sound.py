"""Short sounds for the counter: a rising chime when a sale is paid, a low double tone on a refusal.

PySide6-Essentials has no QtMultimedia, so the chimes are synthesised once as small WAV files
(16-bit PCM, made with the standard library) and played by the platform's own player without
blocking: ``winsound`` on Windows, ``paplay`` / ``pw-play`` / ``aplay`` on Linux, ``afplay`` on
macOS. Where none exists the system beep is used. Playing never raises.
"""
from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

# array, io, math, shutil, subprocess, tempfile and wave are imported on first use: the payment
# screen is built at start-up and cold start counts every module.

log = logging.getLogger(__name__)

RATE = 22050
# (frequency Hz, duration s) per note; a rest is frequency 0.
TUNES = {
    "paid": [(880.0, 0.12), (1318.5, 0.22)],
    "refused": [(330.0, 0.18), (0.0, 0.06), (247.0, 0.25)],
}
PLAYERS = ("paplay", "pw-play", "aplay", "afplay")


def synth(name: str) -> bytes:
    """The named chime as WAV bytes (mono, 16-bit, with short fades so it does not click)."""
    import array
    import io
    import math
    import wave
    samples = array.array("h")
    for freq, dur in TUNES[name]:
        n = int(RATE * dur)
        fade = max(1, int(RATE * 0.01))
        for i in range(n):
            env = min(1.0, i / fade, (n - i) / fade)
            value = math.sin(2 * math.pi * freq * i / RATE) if freq else 0.0
            samples.append(int(12000 * env * value))
    if sys.byteorder == "big":
        samples.byteswap()
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(samples.tobytes())
    return buf.getvalue()


def sound_file(name: str, folder: Path | None = None) -> Path:
    """Write the chime once (atomically) and return its path."""
    import tempfile
    folder = Path(folder or Path(tempfile.gettempdir()) / "sompos-sounds")
    path = folder / f"{name}.wav"
    data = synth(name)
    if not path.exists() or path.read_bytes() != data:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
    return path


def player_command(path: Path) -> list[str] | None:
    """The command line that plays ``path`` on this machine, or None (Windows uses winsound)."""
    import shutil
    for exe in PLAYERS:
        found = shutil.which(exe)
        if found:
            return [found, "-q", str(path)] if exe == "aplay" else [found, str(path)]
    return None


class Chimes:
    """Plays the chimes; ``beep`` is the fallback (QApplication.beep from the UI)."""

    def __init__(self, beep, folder: Path | None = None) -> None:
        self.beep = beep
        self.folder = folder
        self.enabled = True
        self.last_command: list[str] | None = None

    def play(self, name: str) -> None:
        if not self.enabled:
            return
        try:
            path = sound_file(name, self.folder)
            if sys.platform == "win32":
                import winsound
                winsound.PlaySound(str(path), winsound.SND_FILENAME | winsound.SND_ASYNC)
                return
            cmd = player_command(path)
            self.last_command = cmd
            if cmd is None:
                self.beep()
                return
            import subprocess
            subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, start_new_session=True)
        except Exception:  # noqa: BLE001 - a sound must never break a sale
            log.warning("could not play the %s sound", name, exc_info=True)
            try:
                self.beep()
            except Exception:  # noqa: BLE001
                pass
