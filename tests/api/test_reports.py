import csv
import io
import random
from datetime import UTC, datetime

import pytest

from service_api.db.models import FeedbackEntry, UnmetNeed
from service_api.services.suppression import _lines, suppress
from tests.api.conftest import ADMIN, auth


def test_a_lonely_small_cell_takes_its_smallest_neighbour_along():
    counts = {("language",): 12, ("appointment",): 3, ("cost",): 7, ("documents",): 9}

    assert suppress(counts, 1, threshold=5) == {("appointment",), ("cost",)}


def test_nothing_is_hidden_when_everything_is_large_enough():
    assert suppress({("a",): 5, ("b",): 6}, 1, threshold=5) == set()


@pytest.mark.parametrize("seed", range(25))
def test_no_line_of_a_random_table_has_a_single_hidden_cell(seed):
    rng = random.Random(seed)
    counts = {
        (barrier, district): rng.choice([1, 2, 4, 6, 9, 15, 40])
        for barrier in "abcde"
        for district in "wxyz"
        if rng.random() < 0.8
    }

    hidden = suppress(counts, 2, threshold=5)

    assert {cell for cell, n in counts.items() if n < 5} <= hidden
    for axis in (0, 1):
        for line in _lines(counts, axis):
            in_line = [cell for cell in line if cell in hidden]
            assert len(in_line) != 1 or len(line) == 1


def add_needs(client, rows):
    sessions = client.app.state.runtime.sessions
    with sessions() as session:
        for i, (barrier, district, created) in enumerate(rows):
            session.add(
                UnmetNeed(
                    kind="barrier_report",
                    channel="web",
                    lang="de",
                    text=f"t{i}",
                    barrier=barrier,
                    district=district,
                    sender="s",
                    created_at=created,
                )
            )
        session.commit()


def analyst(client):
    return client.post("/api/v1/tokens", json={"role": "analyst"}, headers=auth(ADMIN)).json()[
        "token"
    ]


NOV = datetime(2026, 11, 10, tzinfo=UTC)
OCT = datetime(2026, 10, 10, tzinfo=UTC)


def test_report_counts_and_suppresses(client):
    add_needs(
        client,
        [("appointment", "Mitte", NOV)] * 7
        + [("language", "Mitte", NOV)] * 6
        + [("cost", "Nordstadt", NOV)] * 2
        + [("appointment", "Mitte", OCT)] * 9,
    )

    rows = client.get(
        "/api/v1/reports/barriers",
        params={"group_by": "barrier,month", "since": "2026-11-01T00:00:00Z"},
        headers=auth(analyst(client)),
    ).json()

    by_barrier = {row["barrier"]: row for row in rows}
    assert by_barrier["cost"] == {
        "barrier": "cost",
        "month": "2026-11",
        "count": None,
        "suppressed": True,
    }
    assert by_barrier["language"]["suppressed"] is True  # complementary: the smaller visible one
    assert by_barrier["appointment"] == {
        "barrier": "appointment",
        "month": "2026-11",
        "count": 7,
        "suppressed": False,
    }


def test_csv_has_the_same_rows(client):
    add_needs(client, [("appointment", "Mitte", NOV)] * 6 + [("documents", None, NOV)] * 8)

    response = client.get(
        "/api/v1/reports/barriers",
        params={"group_by": "barrier,district", "format": "csv"},
        headers=auth(analyst(client)),
    )

    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert rows == [
        {"barrier": "appointment", "district": "Mitte", "count": "6", "suppressed": "False"},
        {"barrier": "documents", "district": "", "count": "8", "suppressed": "False"},
    ]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"group_by": "barrier,name"}, "group_by takes"),
        ({"group_by": ""}, "group_by takes"),
        ({"group_by": "barrier,barrier"}, "group_by takes"),
        ({"group_by": "barrier", "since": "2026-11-15T00:00:00Z"}, "first day of a month"),
        ({"group_by": "barrier", "format": "xml"}, "pattern"),
    ],
)
def test_bad_report_requests_are_refused(client, params, message):
    response = client.get("/api/v1/reports/barriers", params=params, headers=auth(analyst(client)))

    assert response.status_code == 422
    assert message in response.text


def test_reports_are_for_analysts(client):
    reviewer = client.post("/api/v1/tokens", json={"role": "reviewer"}, headers=auth(ADMIN)).json()[
        "token"
    ]

    response = client.get(
        "/api/v1/reports/barriers", params={"group_by": "barrier"}, headers=auth(reviewer)
    )

    assert response.status_code == 403


def add_feedback(client, rows):
    with client.app.state.runtime.sessions() as session:
        for i, (topic, helpful) in enumerate(rows):
            session.add(
                FeedbackEntry(
                    helpful=helpful, topic=topic, channel="web", lang="de", sender=f"s{i}"
                )
            )
        session.commit()


def test_feedback_rate_per_topic_with_small_counts_hidden(client):
    add_feedback(
        client,
        [("naturalisation", True)] * 12
        + [("naturalisation", False)] * 8
        + [("housing", True)] * 9
        + [("housing", False)] * 2
        + [("tax_id", True)] * 6
        + [("tax_id", False)] * 7,
    )

    rows = client.get("/api/v1/reports/feedback", headers=auth(analyst(client))).json()

    by_topic = {row["topic"]: row for row in rows}
    assert by_topic["naturalisation"] == {
        "topic": "naturalisation",
        "helpful": 12,
        "not_helpful": 8,
        "helpful_rate": 0.6,
        "suppressed": False,
    }
    assert by_topic["housing"]["not_helpful"] is None  # 2 is below the threshold
    assert by_topic["housing"]["helpful"] is None  # and 9 would give it away
    assert by_topic["housing"]["helpful_rate"] is None
    # so would the 👎 total: the smallest other 👎 cell goes too, and with it its 👍
    assert by_topic["tax_id"]["suppressed"] is True


def test_feedback_report_as_csv(client):
    add_feedback(client, [("tax_id", True)] * 5 + [("tax_id", False)] * 5)

    response = client.get(
        "/api/v1/reports/feedback", params={"format": "csv"}, headers=auth(analyst(client))
    )

    assert list(csv.DictReader(io.StringIO(response.text))) == [
        {
            "topic": "tax_id",
            "helpful": "5",
            "not_helpful": "5",
            "helpful_rate": "0.5",
            "suppressed": "False",
        }
    ]
