"""The catalogue is complete for every language and consistent across them."""

import re
from pathlib import Path

import pytest
import yaml

from service_api.services.catalogue import TOPIC_RESPONSE, Catalogue, placeholders

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = Catalogue.load(ROOT / "data" / "catalogue")
LANGS = sorted(CATALOGUE.languages)
URL = re.compile(r"https?://")


def domain(key: str) -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "bot" / "domain").glob("*.yml"):
        found |= set(yaml.safe_load(path.read_text()).get(key) or [])
    return found


def action_responses() -> set[str]:
    constants = (ROOT / "actions" / "constants.py").read_text()
    return set(re.findall(r'RESPONSE_\w+: Final = "(\w+)"', constants)) - {TOPIC_RESPONSE}


def test_core_slice_languages_are_present():
    assert {"de", "en"} <= set(LANGS)


@pytest.mark.parametrize("lang", LANGS)
def test_every_response_key_has_a_text(lang):
    keys = domain("responses") | action_responses()
    assert keys <= set(CATALOGUE.packs[lang].responses)


@pytest.mark.parametrize("lang", LANGS)
def test_every_topic_intent_has_facts_and_an_answer(lang):
    topics = domain("intents") & set(CATALOGUE.facts)
    assert topics == set(yaml.safe_load((ROOT / "bot/domain/topics.yml").read_text())["intents"])
    assert topics <= set(CATALOGUE.packs[lang].topics)


@pytest.mark.parametrize("topic", sorted(CATALOGUE.facts))
def test_every_language_uses_the_same_facts(topic):
    used = {lang: set(placeholders(CATALOGUE.packs[lang].topics[topic])) for lang in LANGS}
    assert len({frozenset(names) for names in used.values()}) == 1, used


@pytest.mark.parametrize("lang", LANGS)
def test_links_and_figures_live_in_the_facts_not_the_texts(lang):
    for topic, text in CATALOGUE.packs[lang].topics.items():
        assert not URL.search(text), f"{lang}/{topic}: put the link into topics.yml"
        assert not re.search(r"\d+\s?€", text), f"{lang}/{topic}: put the fee into topics.yml"


@pytest.mark.parametrize("topic", sorted(CATALOGUE.facts))
def test_every_answer_carries_source_date_and_no_legal_advice_note(topic):
    facts = CATALOGUE.facts[topic]
    for lang in LANGS:
        text = CATALOGUE.render(TOPIC_RESPONSE, lang, topic).text
        assert facts["source"] in text and facts["as_of"] in text
        assert len(text.split()) <= 160, f"{lang}/{topic} is too long for a chat"


@pytest.mark.parametrize("lang", LANGS)
def test_buttons_agree_across_languages(lang):
    def payloads(pack):
        return {
            key: [b["payload"] for b in r.get("buttons", [])] for key, r in pack.responses.items()
        }

    assert payloads(CATALOGUE.packs[lang]) == payloads(CATALOGUE.packs["de"])
