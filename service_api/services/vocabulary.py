"""The shared vocabulary: topic ids, behaviours, barrier categories, languages."""

from dataclasses import dataclass
from pathlib import Path

import yaml


@dataclass(frozen=True)
class Vocabulary:
    topics: frozenset[str]
    behaviours: frozenset[str]
    barriers: frozenset[str]
    core_languages: tuple[str, ...]
    easy_german: str

    @property
    def intents(self) -> frozenset[str]:
        """Every name the chat contract may report as `intent`."""
        return self.topics | self.behaviours


def load_vocabulary(path: Path) -> Vocabulary:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Vocabulary(
        topics=frozenset(topic["id"] for topic in raw["topics"]),
        behaviours=frozenset(raw["behaviours"]),
        barriers=frozenset(barrier["id"] for barrier in raw["barrier_categories"]),
        core_languages=tuple(raw["languages"]["core"]),
        easy_german=raw["languages"]["easy_german"],
    )
