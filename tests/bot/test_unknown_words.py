import pytest
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.training_data.message import Message

from bot.components.unknown_words import UnknownWordsFallback

WORDS = ["aufenthaltserlaubnis", "verlängern", "wie", "ich", "hello", "residence", "permit"]


@pytest.fixture
def component():
    return UnknownWordsFallback({"min_known_trigram_share": 0.5}, None, None, WORDS)


def parsed(text):
    message = Message.build(text=text)
    WhitespaceTokenizer(WhitespaceTokenizer.get_default_config()).process([message])
    message.data["intent"] = {"name": "greet", "confidence": 0.9}
    message.data["intent_ranking"] = [{"name": "greet", "confidence": 0.9}]
    return message


@pytest.mark.parametrize("text", ["ääää ööö üü", "ktxz", "ппп ррр", "zqwx vbnm"])
def test_messages_without_a_known_word_fall_back(component, text):
    [message] = component.process([parsed(text)])

    assert message.get("intent")["name"] == "nlu_fallback"
    assert message.get("intent_ranking")[1]["name"] == "greet"  # the guess is kept


@pytest.mark.parametrize(
    "text", ["aufenthaltserlaubniss verlangern", "helo", "residense permt", "wie xyzzy"]
)
def test_typos_and_partly_known_messages_pass(component, text):
    [message] = component.process([parsed(text)])

    assert message.get("intent")["name"] == "greet"
