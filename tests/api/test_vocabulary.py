"""data/topics.yml is the project's copy of the shared vocabulary."""

from pathlib import Path

import pytest
import yaml

from service_api.services.vocabulary import load_vocabulary

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT.parent / "shared" / "spec" / "topics.yml"
VOCABULARY = load_vocabulary(ROOT / "data" / "topics.yml")


@pytest.mark.skipif(not SPEC.exists(), reason="the shared spec is not checked out beside the repo")
def test_copy_matches_the_shared_spec():
    spec = load_vocabulary(SPEC)
    assert spec.topics <= VOCABULARY.topics
    assert spec.behaviours <= VOCABULARY.behaviours
    assert spec.barriers <= VOCABULARY.barriers
    assert spec.core_languages == VOCABULARY.core_languages


# Finer internal intents: follow-ups, reported as the topic they answer.
FOLLOW_UPS = {"ask_documents", "ask_fees", "ask_deadlines", "ask_office", "ask_appointment"}


def test_every_intent_of_the_bot_is_in_the_vocabulary_or_a_follow_up():
    intents: set[str] = set()
    for path in (ROOT / "bot" / "domain").glob("*.yml"):
        intents |= set(yaml.safe_load(path.read_text()).get("intents") or [])
    assert intents - VOCABULARY.intents == FOLLOW_UPS
    assert VOCABULARY.intents - intents == set()  # every topic and behaviour is understood


def test_vocabulary_has_all_39_topics():
    assert len(VOCABULARY.topics) == 39
