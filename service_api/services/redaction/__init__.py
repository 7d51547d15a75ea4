"""Remove personal data from a chat message before Rasa, a log or the database sees it.

Patterns, not a model: e-mail addresses, phone numbers, IBANs, passport / ID /
residence-card numbers, dates of birth, names introduced as such, private
street addresses and file numbers, in the core languages. Public office
addresses from the catalogue, fees, paragraphs, opening hours and postcodes
stay. Each find becomes a placeholder such as "[PHONE]".
"""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from service_api.services.redaction import patterns

EMAIL = "EMAIL"
PHONE = "PHONE"
IBAN = "IBAN"
DOCUMENT = "DOCUMENT_NUMBER"
BIRTH = "DATE_OF_BIRTH"
NAME = "NAME"
ADDRESS = "ADDRESS"
FILE_NUMBER = "FILE_NUMBER"


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int
    kind: str


def _group_spans(pattern: re.Pattern[str], kind: str, text: str, group: int = 0) -> list[Span]:
    return [Span(m.start(group), m.end(group), kind) for m in pattern.finditer(text)]


def _phones(text: str) -> list[Span]:
    spans = []
    for match in patterns.PHONE.finditer(text):
        digits = sum(char.isdigit() for char in match.group())
        if 7 <= digits <= 15 and not patterns.DATE.fullmatch(match.group().strip()):
            spans.append(Span(match.start(), match.end(), PHONE))
    return spans


def _iban_valid(candidate: str) -> bool:
    compact = candidate.replace(" ", "").upper()
    if not 15 <= len(compact) <= 34:
        return False
    rearranged = compact[4:] + compact[:4]
    number = "".join(str(int(char, 36)) for char in rearranged)
    return int(number) % 97 == 1 or compact[:2] == "DE" and len(compact) == 22


def _ibans(text: str) -> list[Span]:
    spans = []
    for match in patterns.IBAN.finditer(text):
        candidate = match.group()
        while candidate and not _iban_valid(candidate):  # drop a trailing word caught as a group
            candidate = candidate.rsplit(" ", 1)[0] if " " in candidate else ""
        if candidate:
            spans.append(Span(match.start(), match.start() + len(candidate), IBAN))
    return spans


def _birth_dates(text: str) -> list[Span]:
    """Full dates that are old enough to be a birth date, or stand next to a word for birth."""
    this_year = date.today().year
    spans = []
    for match in [*patterns.DATE.finditer(text), *patterns.DATE_WORDS.finditer(text)]:
        year = int(next(group for group in match.groups() if group))
        solar = 1300 <= year <= 1500  # Solar Hijri, as written in Iran and Afghanistan
        old = year <= (this_year - 621 if solar else this_year) - 14
        before = text[max(0, match.start() - 40) : match.start()]
        after = text[match.end() : match.end() + 30]
        if old or patterns.BIRTH_CONTEXT.search(before) or patterns.BIRTH_AFTER.search(after):
            spans.append(Span(match.start(), match.end(), BIRTH))
    return spans


def _names(text: str) -> list[Span]:
    spans = []
    for intro in patterns.NAME_INTRO.finditer(text):
        position, end, words = intro.end(), intro.end(), 0
        while words < patterns.NAME_MAX_WORDS:
            word = patterns.NAME_WORD.match(text, position)
            if word is None or word.group().lower() in patterns.NAME_STOP:
                break
            end, words = word.end(), words + 1
            gap = re.match(r"[ \t]+", text[end:])
            position = end + (gap.end() if gap else 0)
            if not gap:
                break
        if words:
            spans.append(Span(intro.end(), end, NAME))
    for broad in (
        patterns.NAME_BROAD,
        patterns.NAME_FA,
        patterns.RELATIVE_LATIN,
        patterns.RELATIVE_ARABIC_SCRIPT,
    ):
        spans += [Span(m.start(1), m.end(1), NAME) for m in broad.finditer(text)]
    return spans


class Redactor:
    def __init__(self, public_addresses: Iterable[str] = ()) -> None:
        self._public = [a.strip().lower() for a in public_addresses if a.strip()]
        self._finders: list[Callable[[str], list[Span]]] = [
            lambda t: _group_spans(patterns.EMAIL, EMAIL, t),
            _ibans,
            lambda t: _group_spans(patterns.DOC_CONTEXT, DOCUMENT, t, 1),
            lambda t: _group_spans(patterns.FILE_CONTEXT, FILE_NUMBER, t, 1),
            lambda t: _group_spans(patterns.BAMF_FILE, FILE_NUMBER, t),
            lambda t: _group_spans(patterns.JOBCENTER_CUSTOMER, FILE_NUMBER, t),
            _birth_dates,
            _phones,
            lambda t: _group_spans(patterns.DICTATED_PHONE, PHONE, t),
            lambda t: _group_spans(patterns.RUSSIAN_PHONE, PHONE, t),
            lambda t: _group_spans(patterns.DOC_SHAPE, DOCUMENT, t),
            lambda t: _group_spans(patterns.DOC_LOWER, DOCUMENT, t),
            self._streets,
            _names,
        ]

    def _streets(self, text: str) -> list[Span]:
        found = _group_spans(patterns.STREET, ADDRESS, text) + _group_spans(
            patterns.STREET_PREFIXED, ADDRESS, text
        )
        return [s for s in found if not self._is_public(text[s.start : s.end])]

    def _is_public(self, address: str) -> bool:
        address = address.strip().lower()
        return any(
            public.startswith(address) or address.endswith(public) for public in self._public
        )

    def spans(self, text: str) -> list[Span]:
        """Non-overlapping finds; the earlier finder wins a clash."""
        taken: list[Span] = []
        ascii_digits = text.translate(patterns.DIGITS)
        for finder in self._finders:
            for span in finder(ascii_digits):
                if all(span.end <= t.start or span.start >= t.end for t in taken):
                    taken.append(span)
        return sorted(taken)

    def redact(self, text: str) -> str:
        for span in reversed(self.spans(text)):
            text = f"{text[: span.start]}[{span.kind}]{text[span.end :]}"
        return text
