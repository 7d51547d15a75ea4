"""Redaction at the gateway: the corpus targets and the cases that must survive."""

from pathlib import Path

import pytest

from bench.redaction import score
from service_api.services.catalogue import Catalogue
from service_api.services.redaction import Redactor

ROOT = Path(__file__).resolve().parents[2]

REDACTOR = Redactor(Catalogue.load(ROOT / "data" / "catalogue").public_addresses)


CORPORA = ["corpus.jsonl", "heldout.jsonl", "heldout2.jsonl"]


def test_recall_and_false_positives_meet_the_targets():
    results = [score(REDACTOR, ROOT / "tests" / "redaction" / name) for name in CORPORA]
    found = sum(sum(r.found[k] for k in r.total if not k.startswith("lang:")) for r in results)
    total = sum(sum(r.total[k] for k in r.total if not k.startswith("lang:")) for r in results)
    kept, keep_total = sum(r.kept for r in results), sum(r.keep_total for r in results)
    misses = "\n".join(m for r in results for m in r.misses)

    assert found / total >= 0.98, misses
    assert 1 - kept / keep_total <= 0.05, misses


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ich heiße Lina Haddad", "ich heiße [NAME]"),
        ("my name is Samir Al-Khatib, thanks", "my name is [NAME], thanks"),
        ("Tel +49 151 23456789", "Tel [PHONE]"),
        ("شماره من ۰۱۵۷۸۸۸۷۷۶۶", "شماره من [PHONE]"),
        ("IBAN DE89370400440532013000 bitte", "IBAN [IBAN] bitte"),
        ("Pass C01X00T47", "Pass [DOCUMENT_NUMBER]"),
        ("born on 12 March 1993", "born on [DATE_OF_BIRTH]"),
        ("ich wohne in der Lindenstraße 14", "ich wohne in der [ADDRESS]"),
        ("Aktenzeichen: 41.2-34567/24", "Aktenzeichen: [FILE_NUMBER]"),
    ],
)
def test_each_kind_is_replaced_by_its_placeholder(text, expected):
    assert REDACTOR.redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Die Gebühr ist 93 € nach § 45 AufenthV",
        "Öffnungszeiten Mo, Di, Do 08:00–12:00",
        "Ausländerbehörde, Rathausplatz 1, 12345 Musterstadt",
        "mein Titel läuft am 15.03.2027 ab",
        "Am Montag 9 Uhr habe ich einen Termin",
        "ich bin seit 3 Jahren in 12347",
        "/residence_permit_extension",
    ],
)
def test_public_and_harmless_numbers_survive(text):
    assert REDACTOR.redact(text) == text
