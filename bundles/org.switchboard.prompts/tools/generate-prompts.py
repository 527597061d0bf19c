#!/usr/bin/env python3
"""Generates the default English prompt set (run once; the WAVs are committed, CI never runs this).

Needs espeak-ng, numpy and scipy. Writes 8 kHz mono 16-bit PCM WAVs into
src/main/resources/prompts/en/ plus index.txt (the names the bundle extracts), and the music-on-hold
fallback loop into ../org.switchboard.moh/src/main/resources/moh/. Usage:

    python3 tools/generate-prompts.py
"""
import pathlib
import subprocess
import tempfile
import wave

import numpy as np
from scipy.signal import resample_poly

RATE = 8000
HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE.parent / "src/main/resources/prompts/en"
MOH = HERE.parent.parent / "org.switchboard.moh/src/main/resources/moh"

SPOKEN = {
    "digit-0": "zero", "digit-1": "one", "digit-2": "two", "digit-3": "three", "digit-4": "four",
    "digit-5": "five", "digit-6": "six", "digit-7": "seven", "digit-8": "eight", "digit-9": "nine",
    "digit-star": "star", "digit-pound": "pound",
    "please-hold": "Please hold, your call is being connected.",
    "ivr-welcome": "Welcome to Switchboard. To join a meeting, press 1. To dial a number, press 2.",
    "enter-number": "Please enter the number, then press pound.",
    "invalid-choice": "That is not a valid choice.",
    "enter-room-number": "Please enter the meeting number, then press pound.",
    "enter-pin": "Please enter the PIN, then press pound.",
    "wrong-pin": "Wrong PIN.",
    "first-participant": "You are the first participant.",
    "joined-meeting": "You have joined the meeting.",
    "room-full": "This meeting is full.",
    "muted": "You are muted.",
    "unmuted": "You are unmuted.",
    "not-available": "The person you are calling is not available.",
    "goodbye": "Goodbye.",
    "echo-test": "Echo test. You will hear yourself.",
}


def speak(text):
    with tempfile.NamedTemporaryFile(suffix=".wav") as tmp:
        subprocess.run(["espeak-ng", "-v", "en-gb", "-s", "150", "-w", tmp.name, text], check=True)
        with wave.open(tmp.name) as w:
            rate = w.getframerate()
            pcm = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float64)
    pcm = resample_poly(pcm, RATE, rate)  # 22050 -> 8000 with an anti-aliasing filter
    return trim(pcm)


def trim(pcm, threshold=300, pad=0.05):
    loud = np.nonzero(np.abs(pcm) > threshold)[0]
    if len(loud) == 0:
        return pcm
    p = int(pad * RATE)
    return pcm[max(0, loud[0] - p):loud[-1] + p]


def tone(freqs, seconds, level=0.25):
    """Consecutive sine notes, each with a short fade in and out so that it does not click."""
    parts = []
    for f in freqs:
        t = np.arange(int(seconds * RATE)) / RATE
        note = np.sin(2 * np.pi * f * t)
        fade = min(len(t) // 4, int(0.02 * RATE))
        env = np.ones(len(t))
        env[:fade] = np.linspace(0, 1, fade)
        env[-fade:] = np.linspace(1, 0, fade)
        parts.append(note * env * level * 32767)
    return np.concatenate(parts)


def soft_loop():
    """About 8 s of slow, soft arpeggios (C major, F major, G major, C major) that loop seamlessly."""
    chords = [(261.6, 329.6, 392.0), (349.2, 440.0, 523.3), (392.0, 493.9, 587.3), (261.6, 329.6, 392.0)]
    out = []
    for chord in chords:
        for f in chord + (chord[1],):
            t = np.arange(int(0.5 * RATE)) / RATE
            env = np.exp(-3.0 * t) * np.minimum(1, t / 0.02)
            note = np.sin(2 * np.pi * f * t) + 0.3 * np.sin(2 * np.pi * 2 * f * t)
            out.append(note * env * 0.12 * 32767)
    return np.concatenate(out)


def write(path, pcm):
    path.parent.mkdir(parents=True, exist_ok=True)
    data = np.clip(np.round(pcm), -32768, 32767).astype("<i2").tobytes()
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(data)


def main():
    names = []
    for name, text in SPOKEN.items():
        write(OUT / f"{name}.wav", speak(text))
        names.append(name)
    write(OUT / "join-tone.wav", tone([660, 880], 0.15))
    write(OUT / "leave-tone.wav", tone([880, 660], 0.15))
    names += ["join-tone", "leave-tone"]
    (OUT / "index.txt").write_text("".join(n + "\n" for n in sorted(names)))
    write(MOH / "soft-tones.wav", soft_loop())


if __name__ == "__main__":
    main()
