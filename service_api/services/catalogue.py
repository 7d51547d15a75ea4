"""The reviewed content catalogue (data/catalogue/) and its rendering.

Language-neutral facts (figures, links, offices, dates) are kept apart from
the per-language texts, which refer to them as {placeholders}: every
language shows the same figures and links. A language folder may hold only
some texts (Leichte Sprache, `de-x-ls`); the rest comes from its base
language (`de`).
"""

import string
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

TOPIC_RESPONSE = "utter_topic"  # arguments: topic
DETAIL_RESPONSE = "utter_topic_detail"  # arguments: topic, detail
OFFICE_FINDER_RESPONSE = "utter_office_finder"  # arguments: district (optional)
OFFICE_TOPIC = "office_contact"  # the topic the office finder answers
SUGGESTIONS_RESPONSE = "utter_suggestions"  # arguments: suggestions (topic ids)
# Responses that name the topic's office and so need a topic to render.
TOPIC_RESPONSES = frozenset({"utter_human_handoff_topic"})
# Sections of a topic text besides its answer; "office" is built from offices.yml.
TEXT_DETAILS = ("documents", "fees", "deadlines")
DETAILS = (*TEXT_DETAILS, "office")


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
    topics: dict[str, dict[str, str]]
    phrases: dict[str, Any]

    def merged_over(self, base: "LanguagePack") -> "LanguagePack":
        return LanguagePack(
            responses=base.responses | self.responses,
            topics=base.topics | self.topics,
            phrases=base.phrases | self.phrases,
        )


def _read(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise CatalogueError(f"{path}: {error}") from error
    if not isinstance(data, dict):
        raise CatalogueError(f"{path}: expected a mapping")
    return data


def _read_pack(directory: Path) -> LanguagePack:
    phrases = _read(directory / "responses.yml")
    return LanguagePack(
        responses=phrases.pop("responses", {}),
        topics=_read(directory / "topics.yml").get("topics", {}),
        phrases=phrases,
    )


class Catalogue:
    def __init__(
        self,
        facts: dict[str, dict[str, Any]],
        offices: dict[str, dict[str, Any]],
        districts: dict[str, list[str]],
        packs: dict[str, LanguagePack],
        language_settings: dict[str, Any] | None = None,
    ) -> None:
        self.facts = facts
        self.offices = offices
        self.districts = districts
        self.packs = packs
        self.language_settings = language_settings or {"default": "en"}

    @classmethod
    def load(cls, directory: Path) -> "Catalogue":
        offices = _read(directory / "offices.yml")
        own = {
            lang_dir.name: _read_pack(lang_dir)
            for lang_dir in sorted(p for p in directory.iterdir() if p.is_dir())
            if (lang_dir / "topics.yml").exists()
        }
        packs = {
            lang: pack.merged_over(own[base]) if (base := lang.split("-")[0]) != lang else pack
            for lang, pack in own.items()
        }
        catalogue = cls(
            _read(directory / "topics.yml")["topics"],
            offices["offices"],
            offices.get("districts", {}),
            packs,
            _read(directory / "languages.yml"),
        )
        catalogue.check()
        return catalogue

    @property
    def languages(self) -> frozenset[str]:
        return frozenset(self.packs)

    @property
    def public_addresses(self) -> list[str]:
        """Office street addresses, which redaction must leave alone."""
        return sorted({office["address"].split(",")[0] for office in self.offices.values()})

    def resolve_lang(self, lang: str | None, default: str) -> str:
        """The best language with texts: the language itself, its base, the default, English."""
        candidates = [lang, lang.split("-")[0] if lang else None, default, "en"]
        return next(c for c in candidates if c in self.packs)

    def stand_in_for(self, lang: str) -> str:
        """The language to answer in when Lotse can neither write nor translate `lang`."""
        settings = self.language_settings
        return str(settings.get("fallbacks", {}).get(lang, settings["default"]))

    def offered(self) -> list[tuple[str, str]]:
        """(code, name in itself) of every reply language, in the pickers' order."""
        names: dict[str, str] = self.language_settings.get("names", {})
        return [(code, name) for code, name in names.items() if code in self.packs]

    def direction(self, lang: str) -> str:
        rtl = self.language_settings.get("right_to_left", [])
        return "rtl" if lang.split("-")[0] in rtl else "ltr"

    def widget_texts(self, lang: str) -> dict[str, str]:
        channel = self.packs[lang].phrases["channel"]
        return {**channel["widget"], "machine_translated": channel["machine_translated"]}

    def district_of(self, place: str | None) -> str | None:
        """A district name from a district name or a postcode, whatever the case."""
        for district, postcodes in self.districts.items():
            if place and (place.strip().casefold() == district.casefold() or place in postcodes):
                return district
        return None

    def title(self, topic: str, lang: str) -> str:
        return self.packs[lang].topics[topic]["title"]

    def render(
        self,
        key: str,
        lang: str,
        topic: str | None = None,
        *,
        detail: str | None = None,
        district: str | None = None,
        suggestions: tuple[str, ...] = (),
    ) -> Rendered:
        pack = self.packs[lang]
        if key == TOPIC_RESPONSE:
            return self._render_topic(pack, lang, self._known(topic, pack, lang), district)
        if key == DETAIL_RESPONSE:
            topic = self._known(topic, pack, lang)
            return self._render_detail(pack, lang, topic, detail or "", district)
        if key == OFFICE_FINDER_RESPONSE:
            return self._render_office_finder(pack, lang, self.district_of(district))
        if key not in pack.responses:
            raise CatalogueError(f"no response {key!r} in {lang}")
        context = (
            self._topic_context(topic, pack, district)
            if topic is not None and topic in self.facts
            else {"offices": self._offices_in(pack)}
        )
        response = pack.responses[key]
        text = _fill(response["text"].strip(), context)
        buttons = _buttons(response.get("buttons", []))
        if key == SUGGESTIONS_RESPONSE:
            offered = [t for t in suggestions if t in pack.topics and t in self.facts][:3]
            buttons = [Button(self.title(t, lang), f"/{t}") for t in offered] + buttons
        return Rendered(key, lang, text, buttons)

    def check(self) -> None:
        """Render everything once, so that a broken file fails at start-up."""
        settings = self.language_settings
        stand_ins = {settings["default"], *settings.get("fallbacks", {}).values()}
        if missing := stand_ins - set(self.packs):
            raise CatalogueError(f"languages.yml names languages without texts: {missing}")
        any_topic = next(iter(self.facts))
        for lang, pack in self.packs.items():
            for key in pack.responses:
                self.render(key, lang, any_topic if key in TOPIC_RESPONSES else None)
            for topic in pack.topics:
                self.render(TOPIC_RESPONSE, lang, topic)
                for detail in self.details_of(topic, lang):
                    self.render(DETAIL_RESPONSE, lang, topic, detail=detail)
            for district in (None, *self.districts):
                self.render(OFFICE_FINDER_RESPONSE, lang, district=district)

    def details_of(self, topic: str, lang: str) -> list[str]:
        sections = self.packs[lang].topics[topic]
        has_office = self.facts[topic].get("office") is not None
        return [d for d in DETAILS if d in sections or (d == "office" and has_office)]

    def _known(self, topic: str | None, pack: LanguagePack, lang: str) -> str:
        if topic not in pack.topics or topic not in self.facts:
            raise CatalogueError(f"no answer for topic {topic!r} in {lang}")
        return topic

    def _render_topic(
        self, pack: LanguagePack, lang: str, topic: str, district: str | None
    ) -> Rendered:
        context = self._topic_context(topic, pack, district)
        text = f"{pack.topics[topic]['answer'].strip()}\n\n{pack.phrases['topic_footer']}"
        buttons = self._detail_buttons(pack, lang, topic, exclude=None)
        if topic == OFFICE_TOPIC:
            buttons = self._district_buttons() + buttons
        return Rendered(TOPIC_RESPONSE, lang, _fill(text, context), buttons, topic)

    def _render_detail(
        self, pack: LanguagePack, lang: str, topic: str, detail: str, district: str | None
    ) -> Rendered:
        if detail not in self.details_of(topic, lang):  # e.g. the fees of an emergency
            return self._render_topic(pack, lang, topic, district)
        context = self._topic_context(topic, pack, district)
        body = pack.phrases["office_card"] if detail == "office" else pack.topics[topic][detail]
        heading = f"{pack.topics[topic]['title']} – {pack.phrases['details'][detail]}"
        text = f"{heading}\n{body.strip()}\n\n{pack.phrases['topic_footer']}"
        buttons = self._detail_buttons(pack, lang, topic, exclude=detail)
        return Rendered(DETAIL_RESPONSE, lang, _fill(text, context), buttons, topic)

    def _render_office_finder(
        self, pack: LanguagePack, lang: str, district: str | None
    ) -> Rendered:
        offices = self._offices_in(pack)
        if district is None:
            listed = [office for office in offices.values() if office.get("overview")]
            cards = [_fill(pack.phrases["office_line"], office) for office in listed]
            text = "\n".join([pack.phrases["office_finder_ask"], *cards])
            buttons = self._district_buttons() + _buttons(pack.phrases["topic_buttons"])
            return Rendered(OFFICE_FINDER_RESPONSE, lang, text, buttons, OFFICE_TOPIC)
        local = [o for o in offices.values() if district in o.get("districts", ())]
        cards = [_fill(pack.phrases["office_line"], office) for office in local]
        intro = _fill(pack.phrases["office_finder_result"], {"district": district})
        text = "\n".join([intro, *cards, pack.phrases["office_finder_citywide"]])
        buttons = _buttons(pack.phrases["topic_buttons"])
        return Rendered(OFFICE_FINDER_RESPONSE, lang, text, buttons, OFFICE_TOPIC)

    def _district_buttons(self) -> list[Button]:
        return [Button(name, f'/office_contact{{"district": "{name}"}}') for name in self.districts]

    def _detail_buttons(
        self, pack: LanguagePack, lang: str, topic: str, exclude: str | None
    ) -> list[Button]:
        titles = pack.phrases["details"]
        details = [
            Button(titles[d], f'/ask_{d}{{"topic": "{topic}"}}')
            for d in self.details_of(topic, lang)
            if d != exclude
        ]
        return details + _buttons(pack.phrases["topic_buttons"])

    def office_for(self, topic: str, district: str | None) -> str | None:
        """The topic's office id; among offices of the same kind, the one serving the district."""
        office_id: str | None = self.facts[topic].get("office")
        if office_id is None or district is None:
            return office_id
        kind = self.offices[office_id].get("kind")
        for candidate, office in self.offices.items():
            if kind and office.get("kind") == kind and district in office.get("districts", ()):
                return candidate
        return office_id

    def _topic_context(
        self, topic: str, pack: LanguagePack, district: str | None = None
    ) -> dict[str, Any]:
        entry = self.facts[topic]
        offices = self._offices_in(pack)
        office_id = self.office_for(topic, self.district_of(district))
        office = offices[office_id] if office_id else {}
        return {
            "offices": offices,
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
    weekdays = pack.phrases["weekdays"]
    return "; ".join(
        pack.phrases["hours_format"].format_map(
            {**slot, "days": ", ".join(weekdays[day] for day in slot["days"])}
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
