"""Turn an NLU prediction into what the chat contract reports, and score it.

The same rules apply to every system: a follow-up asked without context is
answered by its default topic (as the bot does), and a fallback or an
out-of-scope intent both count as "out of scope".
"""

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import yaml

from actions.constants import FOLLOW_UP_DEFAULT_TOPICS
from evaluation.data import VOCABULARY, Example

OUT_OF_SCOPE = "out_of_scope"
FALLBACK = "nlu_fallback"
BEHAVIOURS = frozenset(yaml.safe_load(VOCABULARY.read_text(encoding="utf-8"))["behaviours"])


def outcome(intent: str | None) -> str:
    if intent in (None, FALLBACK):
        return OUT_OF_SCOPE
    return FOLLOW_UP_DEFAULT_TOPICS.get(intent, intent)


@dataclass(frozen=True)
class Scored:
    example: Example
    predicted: str
    confidence: float

    @property
    def expected(self) -> str:
        return outcome(self.example.intent)

    @property
    def correct(self) -> bool:
        return self.predicted == self.expected

    @property
    def kind(self) -> str:
        if self.expected == OUT_OF_SCOPE:
            return "out_of_scope"
        return "behaviour" if self.expected in BEHAVIOURS else "topic"


def _rate(hits: int, total: int) -> float | None:
    return hits / total if total else None


def summary(scored: Sequence[Scored], core: Sequence[str]) -> dict[str, object]:
    topics = [s for s in scored if s.kind == "topic"]
    in_scope = [s for s in scored if s.kind != "out_of_scope"]
    said_oos = [s for s in scored if s.predicted == OUT_OF_SCOPE]
    truly_oos = [s for s in scored if s.kind == "out_of_scope"]
    by_lang: dict[str, list[Scored]] = defaultdict(list)
    for s in topics:
        by_lang[s.example.lang].append(s)
    by_topic: dict[str, list[Scored]] = defaultdict(list)
    for s in topics:
        by_topic[s.expected].append(s)
    confusions = Counter((s.expected, s.predicted) for s in scored if not s.correct)
    return {
        "n": len(scored),
        "overall": _rate(sum(s.correct for s in scored), len(scored)),
        "topic": _rate(sum(s.correct for s in topics), len(topics)),
        "behaviour": _rate(
            sum(s.correct for s in scored if s.kind == "behaviour"),
            sum(s.kind == "behaviour" for s in scored),
        ),
        "topic_by_lang": {
            lang: _rate(sum(s.correct for s in by_lang[lang]), len(by_lang[lang]))
            for lang in [*core, *sorted(set(by_lang) - set(core))]
            if by_lang[lang]
        },
        "topic_by_topic": {
            topic: _rate(sum(s.correct for s in group), len(group))
            for topic, group in sorted(by_topic.items())
        },
        "oos_precision": _rate(sum(s.kind == "out_of_scope" for s in said_oos), len(said_oos)),
        "oos_recall": _rate(sum(s.predicted == OUT_OF_SCOPE for s in truly_oos), len(truly_oos)),
        "false_fallback": _rate(sum(s.predicted == OUT_OF_SCOPE for s in in_scope), len(in_scope)),
        "confusions": confusions.most_common(10),
        "misses": [s for s in scored if not s.correct],
    }
