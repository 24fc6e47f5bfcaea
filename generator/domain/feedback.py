"""The feedback form every session ends with: statements on a scale and two open questions, the same in every pack."""

from __future__ import annotations

SCALE: tuple[str, ...] = ("Sangat tidak setuju", "Tidak setuju", "Ragu-ragu", "Setuju", "Sangat setuju")
"""1 to 5, so the trainer can average the answers on the tally sheet."""
STATEMENTS: tuple[str, ...] = (
    "Materi pelatihan mudah saya pahami.",
    "Materi ini berguna untuk keamanan lingkungan saya.",
    "Pelatih menjelaskan dengan jelas dan memberi kesempatan bertanya.",
    "Waktu pelatihan cukup untuk semua materi.",
    "Saya tahu apa yang akan saya lakukan sesudah pelatihan ini.",
)
OPEN_QUESTIONS: tuple[str, ...] = (
    "Apa yang paling berguna bagi Anda dari pelatihan ini?",
    "Apa yang perlu diperbaiki untuk pelatihan berikutnya?",
)
