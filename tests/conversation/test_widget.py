"""The web widget in headless Chromium, embedded on another site, against the real stack."""

import json
import re
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.conversation.test_chat import FOOTER
from tests.utils.browser import axe_violations, chromium, city_site, screenshot

PAGE = """<!doctype html>
<html lang="de"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Stadt Musterstadt – Service</title></head>
<body><main><h1>Stadt Musterstadt</h1><p>Willkommen auf der Website der Stadt.</p></main>
<script src="{lotse}/static/widget.js" data-endpoint="{lotse}" data-lang="de" defer></script>
</body></html>"""
QUESTION_DE = "Wie melde ich meine neue Wohnung beim Bürgeramt an?"
QUESTION_AR = "كيف أسجل عنواني الجديد بعد الانتقال إلى شقة جديدة؟"
XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as running:
        yield running


@pytest.fixture
def site(stack) -> Iterator[str]:
    with city_site(PAGE.format(lotse=stack.base)) as url:
        yield url


@pytest.fixture
def page(browser: Browser, site: str, stack) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    page = context.new_page()
    page.requests = []  # type: ignore[attr-defined]
    page.on("request", lambda request: page.requests.append(request.url))  # type: ignore[attr-defined]
    page.goto(site)
    expect(page.locator(".lotse-launcher")).to_be_visible()
    yield page
    context.close()


def open_widget(page: Page) -> None:
    page.keyboard.press("Tab")  # the launcher is the page's only focusable element
    expect(page.locator(".lotse-launcher")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#lotse-input")).to_be_focused()


def ask(page: Page, text: str) -> None:
    count = page.locator(".lotse-bot").count()
    page.keyboard.type(text)
    page.keyboard.press("Enter")
    expect(page.locator(".lotse-bot")).not_to_have_count(count, timeout=60_000)


def test_a_conversation_in_german_by_keyboard(page: Page, stack, tmp_path):
    open_widget(page)
    ask(page, QUESTION_DE)

    answer = page.locator(".lotse-bot").last
    expect(answer).to_contain_text(FOOTER["de"])
    expect(answer.get_by_role("link").first).to_have_attribute("href", re.compile("^https://"))
    page.keyboard.press("Shift+Tab")  # from the input back to the answer's last button
    assert page.evaluate("document.activeElement.closest('.lotse-choices') !== null")
    page.locator(".lotse-choices button", has_text="👍").last.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".lotse-bot")).to_have_count(2, timeout=60_000)
    screenshot(page, "widget-de", tmp_path)

    assert not (violations := axe_violations(page)), violations
    page.keyboard.press("Escape")
    expect(page.locator(".lotse-panel")).to_be_hidden()
    expect(page.locator(".lotse-launcher")).to_be_focused()
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # focus is visible


def test_a_conversation_in_arabic_turns_the_layout_right_to_left(page: Page, tmp_path):
    open_widget(page)
    ask(page, QUESTION_AR)

    root = page.locator(".lotse")
    expect(root).to_have_attribute("dir", "rtl")
    expect(root).to_have_attribute("lang", "ar")
    expect(page.locator(".lotse-send")).to_have_text("إرسال")
    expect(page.locator(".lotse-bot").last).to_contain_text(FOOTER["ar"])
    panel = page.locator(".lotse-panel").bounding_box()
    assert panel is not None and panel["x"] < 100  # anchored on the left in RTL
    page.locator(".lotse-choices button").first.click()  # the first detail: documents
    expect(page.locator(".lotse-bot")).to_have_count(2, timeout=60_000)
    expect(page.locator(".lotse-bot").last).to_contain_text(FOOTER["ar"])
    screenshot(page, "widget-ar", tmp_path)
    assert not (violations := axe_violations(page)), violations


def test_the_picker_offers_every_reply_language_and_sets_it(page: Page):
    open_widget(page)
    options = page.locator("#lotse-lang option").all_text_contents()
    assert options[1:] == [
        "Deutsch", "Leichte Sprache", "English", "العربية", "فارسی / دری", "Türkçe",
        "Українська", "Русский",
        "Italian (tiny synthetic test model)",  # through the stack's translation packages
    ]  # fmt: skip
    page.select_option("#lotse-lang", "uk")
    expect(page.locator(".lotse-send")).to_have_text("Надіслати")
    page.locator("#lotse-input").focus()
    ask(page, "hallo")
    expect(page.locator(".lotse")).to_have_attribute("lang", "uk")


def test_xss_in_user_and_bot_text_is_shown_as_text(page: Page):
    def evil_bot(route):
        body = {
            "sender": "x", "lang": "de", "detected_lang": "de", "intent": None,
            "confidence": None, "topic": None, "unmet": False,
            "replies": [{"text": XSS, "buttons": [{"title": XSS, "payload": "/greet"}],
                         "machine_translated": True}],
        }  # fmt: skip
        route.fulfill(status=200, content_type="application/json", body=json.dumps(body))

    page.route("**/api/v1/chat", evil_bot)  # nothing real sends markup, so a route stands in
    open_widget(page)
    ask(page, XSS)

    expect(page.locator(".lotse-user .lotse-text")).to_have_text(XSS)
    expect(page.locator(".lotse-bot .lotse-text")).to_have_text(XSS)
    expect(page.locator(".lotse-bot .lotse-mt")).to_have_text("maschinell übersetzt")
    assert page.locator(".lotse img, .lotse script").count() == 0
    assert page.evaluate("window.__xss") is None


def test_delete_my_data_clears_the_conversation_and_starts_afresh(page: Page, stack):
    open_widget(page)
    ask(page, QUESTION_DE)
    before = page.evaluate("JSON.parse(localStorage.getItem('lotse.widget')).sender")
    page.once("dialog", lambda dialog: dialog.accept())

    page.locator(".lotse-footer button").last.click()

    expect(page.locator(".lotse-user")).to_have_count(0, timeout=60_000)
    expect(page.locator(".lotse-bot")).to_have_count(1)
    after = page.evaluate("JSON.parse(localStorage.getItem('lotse.widget')).sender")
    assert after != before
    assert page.context.cookies() == []


def test_only_lotse_and_the_city_site_are_ever_contacted(page: Page, site, stack):
    open_widget(page)
    ask(page, QUESTION_DE)

    origins = {
        urlsplit(url)._replace(path="", query="", fragment="").geturl() for url in page.requests
    }
    assert origins == {
        urlsplit(site)._replace(path="").geturl(),
        stack.base,
    }


@pytest.mark.parametrize(
    ("name", "viewport", "scale"),
    [("phone", {"width": 375, "height": 667}, 2), ("zoom-200", {"width": 640, "height": 450}, 2)],
)
def test_usable_on_a_phone_and_at_200_percent_zoom(browser, site, name, viewport, scale, tmp_path):
    context = browser.new_context(viewport=viewport, device_scale_factor=scale)
    page = context.new_page()
    page.goto(site)
    page.locator(".lotse-launcher").click()
    ask(page, QUESTION_DE)

    for part in (".lotse-panel", "#lotse-input", ".lotse-send", ".lotse-close"):
        box = page.locator(part).bounding_box()
        assert box is not None
        assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"] + 1, part
        assert box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"] + 1, part
    overflow = page.evaluate("document.querySelector('.lotse-panel').scrollWidth")
    assert overflow <= viewport["width"]
    screenshot(page, f"widget-{name}", tmp_path)
    context.close()
