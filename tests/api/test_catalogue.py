"""The catalogue is complete for every language and consistent across them."""

import re
import shutil
import string
from pathlib import Path

import pytest
import yaml

from service_api.services.catalogue import (
    DETAIL_RESPONSE,
    OFFICE_FINDER_RESPONSE,
    TEXT_DETAILS,
    TOPIC_RESPONSE,
    Catalogue,
    CatalogueError,
    placeholders,
)

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = Catalogue.load(ROOT / "data" / "catalogue")
SPEC = yaml.safe_load((ROOT / "data" / "topics.yml").read_text())
TOPICS = [topic["id"] for topic in SPEC["topics"]]
REPLY_LANGUAGES = [*SPEC["languages"]["core"], SPEC["languages"]["easy_german"]]
LANGS = sorted(CATALOGUE.languages)
SECTIONS = ("answer", *TEXT_DETAILS)
FIGURE = re.compile(r"\d")


def domain(key: str) -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "bot" / "domain").glob("*.yml"):
        found |= set(yaml.safe_load(path.read_text()).get(key) or [])
    return found


def action_responses() -> set[str]:
    constants = (ROOT / "actions" / "constants.py").read_text()
    built = {TOPIC_RESPONSE, DETAIL_RESPONSE, OFFICE_FINDER_RESPONSE}
    return set(re.findall(r'RESPONSE_\w+: Final = "(\w+)"', constants)) - built


def without_placeholders(text: str) -> str:
    return "".join(literal for literal, *_ in string.Formatter().parse(text))


def test_every_reply_language_has_a_pack():
    assert set(REPLY_LANGUAGES) <= set(LANGS)


@pytest.mark.parametrize("lang", LANGS)
def test_every_response_key_has_a_text(lang):
    keys = domain("responses") | action_responses()
    assert keys <= set(CATALOGUE.packs[lang].responses)


@pytest.mark.parametrize("lang", REPLY_LANGUAGES)
def test_every_topic_is_answered_in_every_language(lang):
    assert set(CATALOGUE.facts) == set(TOPICS)
    assert set(CATALOGUE.packs[lang].topics) == set(TOPICS)
    for topic in TOPICS:
        rendered = CATALOGUE.render(TOPIC_RESPONSE, lang, topic)
        assert rendered.lang == lang and rendered.topic == topic


@pytest.mark.parametrize("topic", TOPICS)
def test_every_language_has_the_same_sections_and_facts(topic):
    german = CATALOGUE.packs["de"].topics[topic]
    for lang in REPLY_LANGUAGES:
        texts = CATALOGUE.packs[lang].topics[topic]
        assert {s for s in SECTIONS if s in texts} == {s for s in SECTIONS if s in german}, lang
        for section in SECTIONS:
            if section in german:
                used = set(placeholders(texts[section]))
                assert used == set(placeholders(german[section])), f"{lang}/{topic}/{section}"


@pytest.mark.parametrize("topic", TOPICS)
def test_rendered_figures_and_links_agree_across_languages(topic):
    """Every figure and link in the German answer appears in every language's answer."""
    facts = {str(v) for v in CATALOGUE.facts[topic].get("facts", {}).values()}
    for section in ("answer", *TEXT_DETAILS):
        if section not in CATALOGUE.packs["de"].topics[topic]:
            continue
        german = _render(topic, "de", section)
        shown = {fact for fact in facts if fact in german}
        for lang in REPLY_LANGUAGES:
            text = _render(topic, lang, section)
            assert {fact for fact in shown if fact not in text} == set(), f"{lang}/{section}"


def _render(topic: str, lang: str, section: str) -> str:
    if section == "answer":
        return CATALOGUE.render(TOPIC_RESPONSE, lang, topic).text
    return CATALOGUE.render(DETAIL_RESPONSE, lang, topic, detail=section).text


@pytest.mark.parametrize("lang", LANGS)
def test_figures_and_links_live_in_the_facts_not_the_texts(lang):
    for topic, texts in CATALOGUE.packs[lang].topics.items():
        for section, text in texts.items():
            literal = without_placeholders(text)
            assert not FIGURE.search(literal), f"{lang}/{topic}/{section}: figure outside the facts"
            assert "http" not in literal, f"{lang}/{topic}/{section}: link outside the facts"


@pytest.mark.parametrize("lang", REPLY_LANGUAGES)
def test_answers_are_short_enough_for_a_chat_and_carry_source_and_date(lang):
    limit = 200 if lang == SPEC["languages"]["easy_german"] else 140
    for topic in TOPICS:
        facts = CATALOGUE.facts[topic]
        text = CATALOGUE.render(TOPIC_RESPONSE, lang, topic).text
        assert facts["source"] in text and facts["as_of"] in text
        answer = CATALOGUE.packs[lang].topics[topic]["answer"]
        assert len(answer.split()) <= limit, f"{lang}/{topic} is too long for a chat"
        assert len(CATALOGUE.title(topic, lang)) <= 30


def test_every_topic_office_exists():
    for topic, facts in CATALOGUE.facts.items():
        assert facts["office"] in CATALOGUE.offices, topic


def test_answers_offer_details_and_feedback_buttons():
    rendered = CATALOGUE.render(TOPIC_RESPONSE, "ar", "naturalisation")
    payloads = [b.payload for b in rendered.buttons]
    assert '/ask_fees{"topic": "naturalisation"}' in payloads
    assert '/ask_office{"topic": "naturalisation"}' in payloads
    assert '/feedback{"helpful": "no"}' in payloads
    assert all(len(p.encode()) <= 64 for t in TOPICS for p in _payloads(t))  # Telegram's limit


def _payloads(topic: str) -> list[str]:
    return [b.payload for b in CATALOGUE.render(TOPIC_RESPONSE, "de", topic).buttons]


def test_a_missing_detail_falls_back_to_the_answer():
    rendered = CATALOGUE.render(DETAIL_RESPONSE, "en", "emergency", detail="fees")
    assert rendered.key == TOPIC_RESPONSE and rendered.topic == "emergency"


@pytest.mark.parametrize(
    ("place", "office"),
    [
        ("Nordstadt", "Bürgeramt Nord"),
        ("12345", "Bürgeramt Mitte"),
        ("weststadt", "Bürgeramt Nord"),
    ],
)
def test_the_office_finder_names_the_office_of_the_district(place, office):
    rendered = CATALOGUE.render(OFFICE_FINDER_RESPONSE, "tr", district=place)
    assert office in rendered.text
    assert rendered.topic == "office_contact"


def test_the_bürgeramt_of_a_topic_follows_the_district():
    text = CATALOGUE.render(
        DETAIL_RESPONSE, "en", "address_registration", detail="office", district="12347"
    ).text
    assert "Bürgeramt Nord" in text


def test_easy_german_falls_back_to_german_for_other_texts():
    assert (
        CATALOGUE.render("utter_goodbye", "de-x-ls").text
        == CATALOGUE.render("utter_goodbye", "de").text
    )


@pytest.mark.parametrize("lang", LANGS)
def test_buttons_agree_across_languages(lang):
    def payloads(pack):
        return {
            key: [b["payload"] for b in r.get("buttons", [])] for key, r in pack.responses.items()
        }

    assert payloads(CATALOGUE.packs[lang]) == payloads(CATALOGUE.packs["de"])


@pytest.mark.parametrize(
    ("lang", "stand_in"), [("ps", "fa"), ("ckb", "ar"), ("kk", "ru"), ("fr", "en")]
)
def test_a_language_without_texts_gets_the_stand_in_its_speakers_read(lang, stand_in):
    assert CATALOGUE.stand_in_for(lang) == stand_in


def test_a_stand_in_without_texts_is_refused(tmp_path):
    copy = tmp_path / "catalogue"
    shutil.copytree(ROOT / "data" / "catalogue", copy)
    (copy / "languages.yml").write_text("default: fr\n", encoding="utf-8")

    with pytest.raises(CatalogueError, match="without texts"):
        Catalogue.load(copy)
