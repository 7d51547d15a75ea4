"""What the bridge says on its own, from the reviewed catalogue (data/catalogue/<lang>/)."""

from dataclasses import dataclass, fields
from pathlib import Path

import yaml

COMMANDS = ("start", "language", "help", "privacy", "delete")


@dataclass(frozen=True)
class ChannelTexts:
    unavailable: str
    too_fast: str
    too_long: str
    text_only: str
    machine_translated: str
    commands: dict[str, str]


def load_texts(catalogue_dir: Path) -> dict[str, ChannelTexts]:
    """The channel texts of every language folder that has them."""
    texts: dict[str, ChannelTexts] = {}
    for path in sorted(catalogue_dir.glob("*/responses.yml")):
        channel = yaml.safe_load(path.read_text(encoding="utf-8")).get("channel")
        if channel:
            own = {f.name: channel[f.name] for f in fields(ChannelTexts)}
            texts[path.parent.name] = ChannelTexts(**own)
    return texts


def texts_for(texts: dict[str, ChannelTexts], lang: str | None, default: str) -> ChannelTexts:
    """The texts of a language, its base language ("de" for "de-x-ls"), or the default."""
    for candidate in (lang, (lang or "").split("-")[0], default):
        if candidate in texts:
            return texts[candidate]
    return next(iter(texts.values()))
