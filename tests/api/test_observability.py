import io
import json
import logging

import httpx

from service_api.observability import configure_logging
from tests.api.test_chat import tagged

PERSONAL = "Ich heiße Amira Haddad, meine Nummer ist 0176 12345678. Wie verlängere ich?"


def answer(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json=tagged("Antwort", topic="residence_permit_extension"))


def test_metrics_count_requests_by_route_template_and_chat_turns(client, fake_rasa):
    fake_rasa(answer)
    client.post("/api/v1/chat", json={"sender": "user-1", "text": PERSONAL})
    client.get("/api/v1/needs/12345")

    metrics = client.get("/metrics")

    assert metrics.status_code == 200
    assert metrics.headers["content-type"].startswith("text/plain")
    text = metrics.text
    assert 'lotse_http_requests_total{method="POST",route="/api/v1/chat",status="200"}' in text
    assert 'route="/api/v1/needs/{need_id}",status="401"' in text  # the template, not the id
    assert 'lotse_chat_turns_total{lang="de",route="native"}' in text
    assert "Amira" not in text and "user-1" not in text


def test_logs_are_json_lines_without_personal_data(client, fake_rasa):
    buffer = io.StringIO()
    configure_logging("json", stream=buffer)
    fake_rasa(lambda request: httpx.Response(502))
    try:
        client.post("/api/v1/chat", json={"sender": "user-1", "text": PERSONAL})
        logging.getLogger("service_api").info("a line of its own")
    finally:
        configure_logging("json")

    lines = [json.loads(line) for line in buffer.getvalue().splitlines()]
    assert {"time", "level", "logger", "message"} <= set(lines[-1])
    assert any(line["message"] == "Rasa unavailable" for line in lines)
    everything = buffer.getvalue()
    assert "Amira" not in everything and "0176" not in everything and "user-1" not in everything
