"""Examples from data/nlu/, a held-out split of them, and the shared dev set."""

import json
import random
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
NLU = ROOT / "data" / "nlu"
VOCABULARY = ROOT / "data" / "topics.yml"
DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"
HELD_OUT_SHARE = 0.15
ANNOTATION = re.compile(r"\[([^\]]*)\]\([^)]*\)|\[([^\]]*)\]\{[^}]*\}")


@dataclass(frozen=True)
class Example:
    text: str
    intent: str
    lang: str
    id: str = ""
    annotated: str = ""  # the training line with its entity annotations, if any

    @property
    def training_line(self) -> str:
        return self.annotated or self.text


def plain(text: str) -> str:
    """The text with entity annotations removed: `[hat geholfen](helpful:yes)` -> `hat geholfen`."""
    return ANNOTATION.sub(lambda m: m.group(1) or m.group(2) or "", text)


def training_examples() -> list[Example]:
    examples = []
    for path in sorted(NLU.glob("*/*.yml")):
        lang = path.parent.name if len(path.parent.name) == 2 else "xx"
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu") or []:
            if "intent" not in block:
                continue
            for line in block["examples"].splitlines():
                line = line.strip()
                if line.startswith("- "):
                    raw = line[2:].strip()
                    examples.append(Example(plain(raw), block["intent"], lang, annotated=raw))
    return examples


def split(examples: list[Example], seed: int = 13) -> "tuple[list[Example], list[Example]]":
    """Hold out a share of every intent in every language."""
    groups: dict[tuple, list[Example]] = defaultdict(list)
    for example in examples:
        groups[(example.intent, example.lang)].append(example)
    rng = random.Random(seed)
    train, held_out = [], []
    for key in sorted(groups):
        group = groups[key][:]
        rng.shuffle(group)
        cut = max(1, round(len(group) * HELD_OUT_SHARE)) if len(group) >= 4 else 0
        held_out += group[:cut]
        train += group[cut:]
    return train, held_out


def dev_set(path: Path = DEV) -> list[Example] | None:
    if not path.exists():
        return None
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [Example(r["text"], r["expect"], r["lang"], r["id"]) for r in rows]


def write_training_file(examples: list[Example], path: Path) -> None:
    """Rasa NLU YAML with the given examples plus every lookup, synonym and regex."""
    by_intent: dict[str, list[str]] = defaultdict(list)
    for example in examples:
        by_intent[example.intent].append(example.training_line)
    blocks: list[dict] = [
        {"intent": intent, "examples": "".join(f"- {t}\n" for t in texts)}
        for intent, texts in sorted(by_intent.items())
    ]
    for lookup in sorted((NLU / "lookups").glob("*.yml")):
        blocks += yaml.safe_load(lookup.read_text(encoding="utf-8"))["nlu"]
    path.write_text(
        yaml.safe_dump({"version": "3.1", "nlu": blocks}, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
