"""The reviewed content catalogue (data/catalogue/) and its rendering.

Language-neutral facts (figures, links, offices, dates) are kept apart from
the per-language texts, which refer to them as {placeholders}: every
language shows the same figures and links.
"""

import string
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

TOPIC_RESPONSE = "utter_topic"
# Responses that name the topic's office and so need a topic to render.
TOPIC_RESPONSES = frozenset({"utter_human_handoff_topic"})


class CatalogueError(Exception):
    """The catalogue files are incomplete or inconsistent."""


@dataclass(frozen=True)
class Button:
    title: str
    payload: str


@dataclass(frozen=True)
class Rendered:
    key: str
    lang: str
    text: str
    buttons: list[Button] = field(default_factory=list)
    topic: str | None = None


@dataclass(frozen=True)
class LanguagePack:
    responses: dict[str, dict[str, Any]]
    topics: dict[str, str]
    topic_footer: str
    topic_buttons: list[dict[str, str]]
    weekdays: dict[str, str]
    hours_format: str


def _read(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise CatalogueError(f"{path}: {error}") from error
    if not isinstance(data, dict):
        raise CatalogueError(f"{path}: expected a mapping")
    return data


class Catalogue:
    def __init__(
        self,
        facts: dict[str, dict[str, Any]],
        offices: dict[str, dict[str, Any]],
        packs: dict[str, LanguagePack],
    ) -> None:
        self.facts = facts
        self.offices = offices
        self.packs = packs

    @classmethod
    def load(cls, directory: Path) -> "Catalogue":
        facts = _read(directory / "topics.yml")["topics"]
        offices = _read(directory / "offices.yml")["offices"]
        packs = {}
        for lang_dir in sorted(p for p in directory.iterdir() if p.is_dir()):
            responses = _read(lang_dir / "responses.yml")
            packs[lang_dir.name] = LanguagePack(
                responses=responses["responses"],
                topics=_read(lang_dir / "topics.yml")["topics"],
                topic_footer=responses["topic_footer"],
                topic_buttons=responses["topic_buttons"],
                weekdays=responses["weekdays"],
                hours_format=responses["hours_format"],
            )
        catalogue = cls(facts, offices, packs)
        catalogue.check()
        return catalogue

    @property
    def languages(self) -> frozenset[str]:
        return frozenset(self.packs)

    @property
    def public_addresses(self) -> list[str]:
        """Office street addresses, which redaction must leave alone."""
        return [office["address"].split(",")[0] for office in self.offices.values()]

    def resolve_lang(self, lang: str | None, default: str) -> str:
        """The best language with texts: the language itself, its base, the default, English."""
        candidates = [lang, lang.split("-")[0] if lang else None, default, "en"]
        return next(c for c in candidates if c in self.packs)

    def render(self, key: str, lang: str, topic: str | None = None) -> Rendered:
        pack = self.packs[lang]
        context = {"offices": self._offices_in(pack)}
        if key == TOPIC_RESPONSE:
            if topic not in pack.topics or topic not in self.facts:
                raise CatalogueError(f"no answer for topic {topic!r} in {lang}")
            context |= self._topic_context(topic, pack)
            text = f"{pack.topics[topic].strip()}\n\n{pack.topic_footer}"
            return Rendered(key, lang, _fill(text, context), _buttons(pack.topic_buttons), topic)
        if key not in pack.responses:
            raise CatalogueError(f"no response {key!r} in {lang}")
        if topic is not None and topic in self.facts:
            context |= self._topic_context(topic, pack)
        response = pack.responses[key]
        text = _fill(response["text"].strip(), context)
        return Rendered(key, lang, text, _buttons(response.get("buttons", [])))

    def check(self) -> None:
        """Render everything once, so that a broken file fails at start-up."""
        any_topic = next(iter(self.facts))
        for lang, pack in self.packs.items():
            for key in pack.responses:
                self.render(key, lang, any_topic if key in TOPIC_RESPONSES else None)
            for topic in pack.topics:
                self.render(TOPIC_RESPONSE, lang, topic)

    def _topic_context(self, topic: str, pack: LanguagePack) -> dict[str, Any]:
        entry = self.facts[topic]
        office = self._offices_in(pack)[entry["office"]]
        return {
            **entry.get("facts", {}),
            **{f"office_{name}": value for name, value in office.items()},
            "legal_basis": entry.get("legal_basis") or "",
            "source": entry["source"],
            "as_of": entry["as_of"],
        }

    def _offices_in(self, pack: LanguagePack) -> dict[str, dict[str, Any]]:
        return {
            office_id: {**office, "hours": _hours(office["hours"], pack)}
            for office_id, office in self.offices.items()
        }


def _hours(slots: list[dict[str, Any]], pack: LanguagePack) -> str:
    return "; ".join(
        pack.hours_format.format_map(
            {**slot, "days": ", ".join(pack.weekdays[day] for day in slot["days"])}
        )
        for slot in slots
    )


def _buttons(raw: list[dict[str, str]]) -> list[Button]:
    return [Button(title=b["title"], payload=b["payload"]) for b in raw]


def _fill(template: str, context: Mapping[str, Any]) -> str:
    try:
        return template.format_map(context)
    except (KeyError, IndexError, AttributeError, ValueError) as error:
        raise CatalogueError(f"cannot fill {template[:60]!r}: {error}") from error


def placeholders(template: str) -> Iterator[str]:
    """Names a template refers to, e.g. for cross-language checks."""
    for _, name, _, _ in string.Formatter().parse(template):
        if name:
            yield name
