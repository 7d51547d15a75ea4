import pytest
from rasa_sdk.events import SlotSet

from actions.barrier import ActionLogBarrier, ValidateBarrierForm, categories, category_in
from tests.utils.trackers import entity, said


def test_categories_are_those_of_the_shared_vocabulary():
    import yaml

    from tests.actions.test_topics import ROOT

    spec = yaml.safe_load((ROOT / "data" / "topics.yml").read_text())
    assert sorted(categories()) == sorted(b["id"] for b in spec["barrier_categories"])


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("seit drei monaten kein termin frei", "appointment"),
        ("the form is only in german and there was no interpreter", "language"),
        ("ما حدا بيرد عالتلفون بالاوسلندر", "reachability"),
        ("کارت اقامتم هشت ماه است که منتظرم", "processing_time"),
        ("beamte cok kaba davrandi", "discrimination"),
        ("переклад документів дуже дорогий", "cost"),
        ("в здании нет лифта а я на коляске", "physical_access"),
        ("das online portal stürzt beim hochladen immer ab", "digital_access"),
    ],
)
def test_the_words_reveal_the_category(text, category):
    assert category_in(text) == category


def test_words_without_a_category_reveal_none():
    assert category_in("es ist alles so schwierig") is None


async def test_the_button_fills_the_category(tracker, dispatcher, domain):
    pressed = tracker(intent="report_barrier", entities=[entity("barrier", "cost")])
    assert await ValidateBarrierForm().extract_barrier(dispatcher, pressed, domain) == {
        "barrier": "cost"
    }


async def test_a_typed_answer_naming_nothing_is_filed_as_other(tracker, dispatcher, domain):
    answer = tracker(text="weiß nicht", intent="out_of_scope", slots={"requested_slot": "barrier"})
    assert await ValidateBarrierForm().extract_barrier(dispatcher, answer, domain) == {
        "barrier": "other"
    }


async def test_the_report_is_logged_with_its_own_words(tracker, dispatcher, domain, service_api):
    answer = tracker(
        intent="report_barrier",
        entities=[entity("barrier", "appointment")],
        slots={"barrier": "appointment", "topic": "naturalisation", "district": "Nordstadt"},
        history=[said("nie gibt es termine", "report_barrier")],
        message_id="m-7",
    )

    events = await ActionLogBarrier().run(dispatcher, answer, domain)

    assert events == [SlotSet("barrier", None)]
    [need] = service_api.received
    assert need["kind"] == "barrier_report"
    assert need["text"] == "nie gibt es termine"
    assert (need["barrier"], need["topic"], need["district"]) == (
        "appointment",
        "naturalisation",
        "Nordstadt",
    )
    assert dispatcher.messages[0]["response"] == "utter_barrier_logged"
