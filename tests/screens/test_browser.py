"""The city's screens in headless Chromium: a reviewer's and an analyst's whole path."""

import io
import re
import subprocess
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
import uvicorn
import yaml
from openpyxl import load_workbook
from PIL import Image, ImageStat
from playwright.sync_api import Browser, Page, expect

from service_api.app import create_app
from service_api.screens import period
from service_api.services.enrichment import embed_pending
from service_api.settings import Settings
from tests.screens.conftest import LAST_MONTH
from tests.utils.browser import axe_violations, chromium, screenshot, screenshot_path
from tests.utils.needs import add_needs, add_ratings
from tests.utils.ports import free_port

ADMIN = "admin-secret"
MONTH = f"{LAST_MONTH:%Y-%m}"
SIMILAR = [
    ("de", "Brauche ich nach dem Umzug eine neue Meldebescheinigung?", None),
    (
        "en",
        "Do I need a new registration certificate after moving house?",
        "Brauche ich nach dem Umzug eine neue Meldebescheinigung?",
    ),
    (
        "ar",
        "هل أحتاج إلى شهادة تسجيل جديدة بعد الانتقال إلى بيت جديد؟",
        "Brauche ich nach dem Umzug eine neue Meldebescheinigung?",
    ),
]
OTHERS = [
    ("de", "Wo finde ich einen Sportverein für meine Kinder?", None),
    (
        "en",
        "Is there a library card for refugees?",
        "Gibt es einen Bibliotheksausweis für Geflüchtete?",
    ),
]


def seed(app_state) -> None:
    with app_state.runtime.sessions() as session:
        for back, scale in ((3, 1), (2, 2), (1, 3)):
            month = period.shift(period.this_month(), -back)
            at = datetime(month.year, month.month, 12, 10, tzinfo=UTC)
            rows = (
                [
                    {
                        "barrier": "appointment",
                        "district": "Nordstadt",
                        "channel": "telegram",
                        "lang": "ar",
                    }
                ]
                * (4 * scale)
                + [{"barrier": "appointment", "district": "Mitte", "channel": "web", "lang": "de"}]
                * (3 * scale)
                + [
                    {
                        "barrier": "language",
                        "district": "Weststadt",
                        "channel": "telegram",
                        "lang": "uk",
                    }
                ]
                * (3 * scale)
                + [
                    {
                        "barrier": "processing_time",
                        "district": "Südviertel",
                        "channel": "web",
                        "lang": "en",
                    }
                ]
                * (2 * scale)
                + [
                    {
                        "barrier": "cost",
                        "district": "Nordstadt",
                        "channel": "telegram",
                        "lang": "tr",
                    }
                ]
                * (2 if back == 1 else 0)
            )
            add_needs(session, [row | {"created_at": at, "status": "needs_answer"} for row in rows])
            add_ratings(session, "eat_card", 6 * scale, 5, at)
            add_ratings(session, "address_registration", 12 * scale, 5, at)
        add_needs(
            session,
            [
                {
                    "kind": "fallback",
                    "lang": lang,
                    "text": text,
                    "text_de": de or (text if lang == "de" else None),
                    "intent": "address_registration",
                    "confidence": 0.41,
                }
                for lang, text, de in SIMILAR
            ]
            + [
                {"kind": "out_of_scope", "lang": lang, "text": text, "text_de": de or text}
                for lang, text, de in OTHERS
            ],
        )
        while embed_pending(session):
            pass


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    """service_api on a loopback port with its own SQLite database and seeded needs."""
    folder = tmp_path_factory.mktemp("screens")
    app = create_app(
        Settings(data_dir=folder, pseudonym_secret="p", admin_token=ADMIN, enrich_interval_s=0)
    )
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            if httpx.get(f"{base}/api/v1/languages", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            threading.Event().wait(0.05)
    seed(app.state)
    yield base
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as running:
        yield running


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="de-DE", accept_downloads=True
    )
    page = context.new_page()
    yield page
    context.close()


def token(server: str, role: str) -> str:
    response = httpx.post(
        f"{server}/api/v1/tokens",
        json={"role": role, "label": "Frau Test" if role == "reviewer" else "Herr Test"},
        headers={"Authorization": f"Bearer {ADMIN}"},
    )
    return str(response.json()["token"])


def sign_in(page: Page, server: str, role: str, path: str) -> None:
    page.goto(server + path)
    expect(page).to_have_url(f"{server}/signin?next={path.replace('/', '%2F')}")
    assert axe_violations(page) == []
    page.get_by_label("Zugangsschlüssel").fill(token(server, role))
    page.keyboard.press("Enter")
    expect(page).to_have_url(server + path)


def test_a_reviewer_goes_from_sign_in_to_a_triaged_group_and_a_training_file(
    page: Page, server: str, tmp_path: Path
):
    sign_in(page, server, "reviewer", "/inbox")
    expect(page.get_by_role("heading", level=1)).to_have_text("Eingang ungeklärter Anliegen")
    assert axe_violations(page) == []
    screenshot(page, "review-inbox", tmp_path, full_page=True)

    # one click, by keyboard: "not our business" for the library question
    row = page.locator("tr", has_text="library card")
    row.get_by_role("button", name="Nicht zuständig").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_have_text("1 Anliegen eingeordnet: nicht zuständig.")
    expect(page.locator("tr", has_text="library card")).to_have_count(0)  # the inbox shows new ones

    page.get_by_role("link", name="Ähnliche Fragen").click()
    group = page.locator("section.group", has_text="Meldebescheinigung").first
    expect(group.get_by_role("heading")).to_contain_text("3 Anliegen (ar, de, en)")
    expect(group).to_contain_text("شهادة تسجيل")  # the original beside its German rendering
    assert axe_violations(page) == []
    screenshot(page, "review-groups", tmp_path, full_page=True)
    form = group.locator("form.group-actions")
    expect(form.get_by_label("Thema")).to_have_value(
        "address_registration"
    )  # the guess, preselected
    form.get_by_label("Entscheidung").select_option("training_example")
    form.get_by_role("button", name="Auf Ausgewählte anwenden").click()
    expect(page.get_by_role("status")).to_have_text("3 Anliegen eingeordnet: Trainingsbeispiel.")

    page.get_by_role("link", name="Eingang").click()
    page.get_by_label("Sprache", exact=True).last.select_option("ar")
    with page.expect_download() as download:
        page.get_by_role("button", name="Herunterladen").click()
    assert download.value.suggested_filename == "nlu_ar.yml"
    training = yaml.safe_load(Path(download.value.path()).read_text(encoding="utf-8"))
    assert training["nlu"] == [
        {"intent": "address_registration", "examples": f"- {SIMILAR[2][1]}\n"}
    ]


def test_an_analyst_goes_from_sign_in_to_a_filtered_chart_an_xlsx_and_a_monthly_pdf(
    page: Page, server: str, tmp_path: Path
):
    sign_in(page, server, "analyst", "/dashboard")
    page.get_by_label("Kanal", exact=True).select_option("telegram")
    page.get_by_role("button", name="Filter anwenden").click()
    expect(page).to_have_url(re.compile("channel=telegram"))

    figure = page.locator("section.figure", has=page.locator("#fig-barrier"))
    table = [
        [cell.strip() for cell in row.locator("th, td").all_inner_texts()]
        for row in figure.locator("tbody tr").all()
    ]
    chart = [
        [item.locator(".bar-label").inner_text(), item.locator(".bar-track").inner_text().strip()]
        for item in figure.locator(".bars li").all()
    ]
    assert table == chart  # the chart shows exactly the table, suppression included
    assert ["Termine", "24"] in table and ["Kosten", "unterdrückt"] in table
    assert axe_violations(page) == []
    screenshot(page, "dashboard", tmp_path, full_page=True)

    with page.expect_download() as download:
        page.get_by_role("link", name="Alle Tabellen als Excel (XLSX)").click()
    book = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes()))
    sheet = [
        [label, "unterdrückt" if count is None else str(count)]
        for label, count in list(book["barrier"].iter_rows(values_only=True))[1:]
    ]
    assert sheet == table

    page.get_by_role("link", name="Monatsbericht").click()
    page.get_by_label("Bericht für einen Monat").fill(MONTH)
    page.get_by_role("button", name="Bericht öffnen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Monitoringbericht {MONTH}")
    assert axe_violations(page) == []
    screenshot(page, "monthly-report", tmp_path, full_page=True)
    with page.expect_download() as download:
        page.get_by_role("link", name="Als PDF herunterladen").click()
    pdf = tmp_path / "report.pdf"
    download.value.save_as(pdf)

    text = " ".join(
        subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    assert f"Monitoringbericht {MONTH}" in text
    assert "Gemeldete oder erkannte" in text and " 38 " in text  # the total, as on the page
    png = screenshot_path("monthly-report-pdf", tmp_path)
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "80",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(pdf),
            str(png.with_suffix("")),
        ],
        check=True,
    )
    image = Image.open(png).convert("L")
    assert (
        image.size[0] > 500 and ImageStat.Stat(image).stddev[0] > 10
    )  # a rendered page, not blank


def test_a_reviewer_cannot_open_the_dashboard(page: Page, server: str):
    sign_in(page, server, "reviewer", "/inbox")

    page.goto(server + "/dashboard")

    expect(page.get_by_role("heading", level=1)).to_have_text("Kein Zugriff")
    assert axe_violations(page) == []
