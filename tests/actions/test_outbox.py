from actions.outbox import Outbox
from actions.unmet import KIND_OUT_OF_SCOPE, need_from
from tests.utils.trackers import user_tracker


def a_need(message_id: str):
    return need_from(user_tracker(text=f"q {message_id}", message_id=message_id), KIND_OUT_OF_SCOPE)


async def test_records_wait_while_service_api_is_down_and_arrive_once(service_api, tmp_path):
    box = Outbox(tmp_path / "outbox.db")
    service_api.status = 503
    for i in range(3):
        box.put("needs", a_need(str(i)))

    assert await box.flush() == 0
    assert box.pending() == 3

    service_api.status = 201
    box._db.execute("UPDATE outbox SET next_try = 0")  # skip the backoff wait
    assert await box.flush() == 3
    assert box.pending() == 0
    assert [need["text"] for need in service_api.received] == ["q 0", "q 1", "q 2"]


async def test_a_failed_delivery_backs_off(service_api, tmp_path):
    box = Outbox(tmp_path / "outbox.db")
    service_api.status = 500
    box.put("needs", a_need("x"))

    await box.flush()

    assert box.due() == []
    assert box.pending() == 1


async def test_the_same_record_is_kept_once(service_api, tmp_path):
    box = Outbox(tmp_path / "outbox.db")
    service_api.status = 503
    box.put("needs", a_need("same"))
    box.put("needs", a_need("same"))

    assert box.pending() == 1


async def test_records_survive_a_restart(service_api, tmp_path):
    service_api.status = 503
    Outbox(tmp_path / "outbox.db").put("needs", a_need("kept"))

    reopened = Outbox(tmp_path / "outbox.db")
    service_api.status = 201

    assert await reopened.flush() == 1
    assert service_api.received[0]["text"] == "q kept"


async def test_a_rejected_record_is_set_aside_not_retried(service_api, tmp_path):
    box = Outbox(tmp_path / "outbox.db")
    service_api.status = 422
    box.put("needs", a_need("bad"))

    await box.flush()

    assert box.pending() == 0
    assert box._db.execute("SELECT count(*) FROM outbox WHERE rejected = 1").fetchone()[0] == 1


async def test_needs_due_together_go_in_one_request(service_api, tmp_path):
    box = Outbox(tmp_path / "outbox.db")
    for i in range(5):
        box.put("needs", a_need(str(i)))

    assert await box.flush() == 5
    assert service_api.requests == ["/api/v1/needs/batch"]
    assert [need["text"] for need in service_api.received] == [f"q {i}" for i in range(5)]


async def test_a_need_refused_inside_a_batch_is_set_aside_and_the_rest_arrive(
    service_api, tmp_path
):
    box = Outbox(tmp_path / "outbox.db")
    service_api.unprocessable = {"q 1"}
    for i in range(3):
        box.put("needs", a_need(str(i)))

    assert await box.flush() == 2
    assert [need["text"] for need in service_api.received] == ["q 0", "q 2"]
    assert box.pending() == 0
    assert box._db.execute("SELECT count(*) FROM outbox WHERE rejected = 1").fetchone()[0] == 1


async def test_a_batch_refused_as_a_whole_is_retried_one_by_one(service_api, tmp_path):
    box = Outbox(tmp_path / "outbox.db")
    service_api.status = 422
    box.put("needs", a_need("a"))
    box.put("needs", a_need("b"))

    await box.flush()

    assert service_api.requests == ["/api/v1/needs/batch", "/api/v1/needs"]
    assert box.pending() == 1  # the first is set aside; the second waits for the next round


async def test_needs_and_feedback_are_delivered_in_the_same_round(service_api, tmp_path):
    box = Outbox(tmp_path / "outbox.db")
    box.put("needs", a_need("n"))
    box.put("feedback", {"idempotency_key": "f1", "helpful": True, "question": "q"})

    assert await box.flush() == 2
    assert sorted(service_api.requests) == ["/api/v1/feedback", "/api/v1/needs/batch"]
