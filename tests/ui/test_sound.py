"""The paid / refused chimes: real WAV data, a player chosen from what the machine has, never a crash."""
from __future__ import annotations

import io
import os
import stat
import wave

from pos_app.ui.shell import sound


def test_chimes_are_valid_wav_of_the_right_length():
    for name, notes in sound.TUNES.items():
        with wave.open(io.BytesIO(sound.synth(name))) as w:
            assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, sound.RATE)
            seconds = w.getnframes() / sound.RATE
            assert abs(seconds - sum(d for _, d in notes)) < 0.01
            frames = w.readframes(w.getnframes())
        assert any(frames)  # not silence


def test_sound_file_is_written_once_and_reused(tmp_path):
    p = sound.sound_file("paid", tmp_path)
    before = p.stat().st_mtime_ns
    assert sound.sound_file("paid", tmp_path) == p
    assert p.stat().st_mtime_ns == before


def test_plays_with_the_first_player_found(tmp_path, monkeypatch):
    log = tmp_path / "played.txt"
    player = tmp_path / "bin" / "paplay"
    player.parent.mkdir()
    player.write_text(f"#!/bin/sh\necho \"$@\" > {log}\n")
    player.chmod(player.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", str(player.parent))
    beeps = []
    chimes = sound.Chimes(lambda: beeps.append(1), folder=tmp_path / "snd")
    chimes.play("paid")
    assert chimes.last_command == [str(player), str(tmp_path / "snd" / "paid.wav")]
    import time
    for _ in range(100):
        if log.exists() and log.read_text().strip():
            break
        time.sleep(0.02)
    assert log.read_text().strip() == str(tmp_path / "snd" / "paid.wav")
    assert beeps == []


def test_falls_back_to_the_beep_without_a_player(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # no player here
    beeps = []
    chimes = sound.Chimes(lambda: beeps.append(1), folder=tmp_path)
    chimes.play("refused")
    assert chimes.last_command is None and beeps == [1]


def test_a_broken_folder_never_raises(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    beeps = []
    sound.Chimes(lambda: beeps.append(1), folder=blocker / "sub").play("paid")  # cannot mkdir under a file
    assert beeps == [1]
    assert os.path.isfile(blocker)
