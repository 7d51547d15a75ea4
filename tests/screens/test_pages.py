"""The screens over HTTP, on SQLite and PostgreSQL: sign-in, roles, triage, reports, demo data."""

import io
import re

import pytest
from openpyxl import load_workbook

from service_api.db.models import AuditEvent, UnmetNeed
from service_api.screens.figures import Labels, build
from service_api.screens.pages import translator
from service_api.services import demo
from service_api.services.reports import Scope, need_counts
from tests.screens.conftest import IN_LAST_MONTH, LAST_MONTH, csrf_of, issue, sign_in
from tests.utils.needs import add_needs, add_ratings

MONTH = f"{LAST_MONTH:%Y-%m}"
# (path, roles that may see it)
PAGES = [
    ("/inbox", {"reviewer", "admin"}),
    ("/inbox/groups", {"reviewer", "admin"}),
    ("/inbox/export?lang=de", {"reviewer", "admin"}),
    ("/dashboard", {"analyst", "admin"}),
    ("/dashboard/export.xlsx", {"analyst", "admin"}),
    ("/dashboard/barrier.csv", {"analyst", "admin"}),
    ("/monthly", {"analyst", "admin"}),
    (f"/monthly/{MONTH}", {"analyst", "admin"}),
    (f"/monthly/{MONTH}.pdf", {"analyst", "admin"}),
]


def test_a_page_sends_a_stranger_to_the_sign_in_form(client):
    response = client.get("/dashboard?from=2026-01", follow_redirects=False)

    assert response.status_code == 303
    assert response.headers["location"] == "/signin?next=%2Fdashboard"


@pytest.mark.parametrize("token", ["", "wrong", "x" * 150])
def test_an_unknown_key_is_refused_with_a_clear_message(client, token):
    response = client.post("/signin", data={"token": token})

    assert response.status_code == 401
    assert "Zugangsschlüssel ist unbekannt" in response.text
    assert "lotse_staff" not in response.headers.get("set-cookie", "")


def test_an_ingest_key_opens_no_screen(client):
    response = client.post("/signin", data={"token": "ingest-secret"})

    assert response.status_code == 401


def test_the_session_cookie_is_http_only_and_same_site_strict(client):
    token = issue(client, "reviewer")

    response = client.post(
        "/signin", data={"token": token, "next": "//evil.example/"}, follow_redirects=False
    )

    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie
    assert response.headers["location"] == "/inbox"  # never to another site


def test_the_header_greets_by_the_key_s_name_and_the_audit_log_knows_the_key(client, db):
    sign_in(client, "analyst")

    header = client.get("/dashboard").text.split("</header>")[0]

    assert "Angemeldet: Test analyst (Auswertung)" in header and "token" not in header
    [event] = db.query(AuditEvent).filter_by(action="sign_in").all()
    assert re.fullmatch(r"token \d+ Test analyst", event.actor)


@pytest.mark.parametrize("role", ["reviewer", "analyst", "admin"])
def test_each_role_sees_its_own_pages_only(client, role):
    if role == "admin":
        client.post("/signin", data={"token": "admin-secret"})
    else:
        sign_in(client, role)
    for path, admitted in PAGES:
        response = client.get(path, follow_redirects=False)
        if role in admitted:
            assert response.status_code == 200, (path, response.text[:300])
        else:
            assert response.status_code == 403, path
            assert "Kein Zugriff" in response.text


def test_a_form_without_its_csrf_token_changes_nothing(client, db):
    [need] = add_needs(db, [{"kind": "fallback", "text": "Frage"}])
    sign_in(client, "reviewer")

    response = client.post(
        "/inbox/triage", data={"ids": need, "action": "out_of_scope", "csrf": "forged"}
    )

    assert response.status_code == 403
    db.expire_all()
    assert db.get(UnmetNeed, need).status == "new"


def test_signing_out_ends_the_session(client):
    csrf = sign_in(client, "analyst")

    client.post("/signout", data={"csrf": csrf})

    assert client.get("/dashboard", follow_redirects=False).status_code == 303


def test_the_inbox_shows_the_original_beside_its_german_rendering(client, db):
    add_needs(
        db, [{"kind": "fallback", "lang": "ar", "text": "<b>هل يمكنني</b>", "text_de": "Darf ich?"}]
    )
    sign_in(client, "reviewer")

    page = client.get("/inbox").text

    assert '<td class="text" lang="ar" dir="auto">&lt;b&gt;هل يمكنني&lt;/b&gt;</td>' in page
    assert "Darf ich?" in page and "maschinell übersetzt" in page


def test_bulk_and_one_click_triage_are_recorded_and_audited(client, db):
    ids = add_needs(
        db, [{"kind": "fallback", "text": f"Frage {i}", "intent": "eat_card"} for i in range(3)]
    )
    csrf = sign_in(client, "reviewer")

    bulk = client.post(
        "/inbox/triage",
        data={
            "csrf": csrf,
            "ids": ids[:2],
            "action": "training_example",
            "topic": "eat_card",
            "back": "/inbox",
        },
        follow_redirects=False,
    )
    one = client.post("/inbox/triage", data={"csrf": csrf, "quick": f"{ids[2]}|out_of_scope"})

    assert bulk.headers["location"] == "/inbox?done=training_example&count=2"
    assert "1 Anliegen eingeordnet: nicht zuständig." in one.text
    db.expire_all()
    assert [db.get(UnmetNeed, i).status for i in ids] == ["training_example"] * 2 + ["out_of_scope"]
    assert db.query(AuditEvent).filter(AuditEvent.action.like("triage:%")).count() == 2


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"action": "training_example"}, "bitte ein Thema wählen"),
        ({"action": "duplicate"}, "Nummer des ursprünglichen Anliegens"),
        ({"action": "training_example", "topic": "no_such_topic"}, "ließ sich nicht einordnen"),
        ({"action": "nonsense"}, "ließ sich nicht einordnen"),
    ],
)
def test_an_incomplete_decision_is_explained_and_changes_nothing(client, db, form, message):
    [need] = add_needs(db, [{"kind": "fallback"}])
    csrf = sign_in(client, "reviewer")

    response = client.post("/inbox/triage", data={"csrf": csrf, "ids": need} | form)

    assert message in response.text
    db.expire_all()
    assert db.get(UnmetNeed, need).status == "new"


def test_nothing_selected_is_explained(client):
    csrf = sign_in(client, "reviewer")

    response = client.post("/inbox/triage", data={"csrf": csrf, "action": "out_of_scope"})

    assert "mindestens ein Anliegen" in response.text


def test_the_interface_speaks_english_on_request(client):
    csrf = sign_in(client, "analyst")

    page = client.post(
        "/preferences", data={"csrf": csrf, "ui_lang": "en", "back": "/dashboard"}
    ).text

    assert "Access barriers" in page and '<html lang="en">' in page


def seed_last_month(db):
    rows = (
        [{"barrier": "appointment", "district": "Nordstadt", "channel": "telegram"}] * 7
        + [{"barrier": "appointment", "district": "Mitte", "channel": "web"}] * 5
        + [{"barrier": "language", "district": "Mitte", "channel": "telegram"}] * 7
        + [{"barrier": "cost", "district": "Nordstadt", "channel": "telegram"}] * 2
    )
    add_needs(db, [row | {"created_at": IN_LAST_MONTH} for row in rows])
    add_ratings(db, "eat_card", 9, 6, IN_LAST_MONTH)


def figures_of(db, threshold=5, **where):
    labels = Labels(translator("de"), lambda topic: topic)
    scope = Scope(synthetic=False, where=where)
    return {
        f.key: f
        for f in build(
            db, scope, threshold, labels, [MONTH], {"Mitte": (0, 0), "Nordstadt": (1, 0)}
        )
    }


def test_a_chart_shows_exactly_its_table_and_nothing_that_is_suppressed(db):
    seed_last_month(db)

    figures = figures_of(db)

    barrier = figures["barrier"]
    assert barrier.rows == [["Termine", 12], ["Kosten", None], ["Sprache", None]]
    assert [(bar.label, bar.value, bar.shown) for bar in barrier.bars] == [
        ("Termine", 12, "12"),
        ("Kosten", None, "unterdrückt"),
        ("Sprache", None, "unterdrückt"),
    ]
    district = figures["district"]
    assert district.rows == [["Mitte", 12], ["Nordstadt", 9]]
    assert all(tile.shown in ("12", "9") for tile in district.tiles)


def test_a_filtered_view_is_a_slice_of_a_table_suppressed_as_a_whole(db):
    seed_last_month(db)

    telegram = figures_of(db, channel="telegram")["barrier"].rows
    whole = need_counts(db, ["barrier", "channel"], Scope(), 5)

    # telegram: appointment 7, language 7, cost 2; web: appointment 5. Alone, the telegram
    # slice would show appointment and language; then "all channels" minus "telegram" would
    # reveal web's 5 appointments as 12 - 7, and so on. Suppressed as a whole, it cannot.
    hidden = {(row["barrier"], row["channel"]) for row in whole if row["suppressed"]}
    assert ("cost", "telegram") in hidden
    for label, count in telegram:
        barrier = {"Termine": "appointment", "Sprache": "language", "Kosten": "cost"}[label]
        assert (count is None) == ((barrier, "telegram") in hidden)


def test_the_xlsx_export_holds_the_numbers_the_dashboard_shows(client, db):
    seed_last_month(db)
    sign_in(client, "analyst")

    response = client.get(f"/dashboard/export.xlsx?from={MONTH}&to={MONTH}")

    book = load_workbook(io.BytesIO(response.content))
    rows = list(book["barrier"].iter_rows(values_only=True))
    assert rows == [("Barriere", "Anzahl"), ("Termine", 12), ("Kosten", None), ("Sprache", None)]
    assert "feedback" in book.sheetnames and "about" in book.sheetnames
    assert 'filename="lotse_barriers_' in response.headers["content-disposition"]


def test_a_month_that_is_not_one_is_explained(client):
    sign_in(client, "analyst")

    response = client.get("/dashboard?from=2026-13")

    assert response.status_code == 422
    assert "kein Monat im Format JJJJ-MM" in response.text


def test_the_monthly_report_has_the_dashboards_numbers_and_a_pdf(client, db):
    seed_last_month(db)
    sign_in(client, "analyst")

    page = client.get(f"/monthly/{MONTH}").text
    pdf = client.get(f"/monthly/{MONTH}.pdf")

    assert f"Monitoringbericht {MONTH}" in page
    assert re.search(r"<dt>Gemeldete oder erkannte Barrieren</dt><dd>21</dd>", page)
    assert re.search(r"<dt>Antworten als hilfreich bewertet</dt><dd>60 %</dd>", page)
    assert pdf.headers["content-type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert client.get("/monthly/2026-99").status_code == 404


def test_demo_data_is_never_counted_with_real_data(client, db):
    seed_last_month(db)
    demo.seed(db)
    analyst = issue(client, "analyst")

    real = client.get(
        "/api/v1/reports/barriers",
        params={"group_by": "barrier", "since": f"{MONTH}-01"},
        headers={"Authorization": f"Bearer {analyst}"},
    ).json()
    synthetic = client.get(
        "/api/v1/reports/barriers",
        params={"group_by": "barrier", "dataset": "demo"},
        headers={"Authorization": f"Bearer {analyst}"},
    ).json()

    assert {row["barrier"]: row["count"] for row in real} == {
        "appointment": 12,
        "language": None,
        "cost": None,
    }
    assert sum(row["count"] or 0 for row in synthetic) > 500
    assert figures_of(db)["barrier"].rows == [["Termine", 12], ["Kosten", None], ["Sprache", None]]


def test_the_demo_view_is_labelled_on_every_page(client, db):
    demo.seed(db)
    client.post("/signin", data={"token": "admin-secret"})
    csrf = csrf_of(client.get("/dashboard").text)

    client.post("/preferences", data={"csrf": csrf, "demo": "true"})

    for path in ("/inbox", "/dashboard", f"/monthly/{MONTH}"):
        assert "Beispieldaten: synthetische Datensätze" in client.get(path).text, path
    assert "SYNTHETIC DEMO DATA" in client.get("/inbox/export?lang=de").text
