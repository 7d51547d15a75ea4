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

EMAIL = "EMAIL"
PHONE = "PHONE"
IBAN = "IBAN"
DOCUMENT = "DOCUMENT_NUMBER"
BIRTH = "DATE_OF_BIRTH"
NAME = "NAME"
ADDRESS = "ADDRESS"
FILE_NUMBER = "FILE_NUMBER"

I = re.IGNORECASE  # noqa: E741

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)\d{1,3}[\s./-]?(?:\(0\)\s?)?|0)\(?\d{2,5}\)?"
    r"(?:[\s./-]{0,3}\d{2,}){1,4}(?![\w])"
)
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?\b", I)
_DOC_SHAPE = re.compile(r"\b(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z][A-Z0-9]{7,9}\b")
_DOC_LOWER = re.compile(r"\b(?=(?:[a-z]*\d){2})(?=[a-z0-9]*[a-z])[a-z][a-z0-9]{7,9}\b")
_DOC_CONTEXT = re.compile(
    r"(?:pass(?:port)?\s?(?:nummer|number|no\.?|nr\.?|#)|ausweis(?:nummer|-?nr\.?)?"
    r"|(?:id|identity)[- ]?(?:card)?\s?(?:number|no\.?|nr\.?)|karten-?nummer|card\s(?:number|no\.?)"
    r"|visa\s?(?:number|nummer)|visum-?nummer|aufenthaltstitel-?nummer|eat-?nummer"
    r"|pasaport\s?(?:no|numaras[ıi]m?)|kimlik\s?(?:no|numaras[ıi]m?)|номер\s(?:паспорта|карты|документа)"
    r"|паспорт[а-я]*|رقم\s(?:الجواز|جواز\sالسفر|الهوية|الإقامة|الاقامة|الكرت)"
    r"|شماره\s(?:پاسپورت|گذرنامه|کارت|اقامت))[\s:#№.-]*"
    r"(\d{2}\s?\d{2}\s\d{6}|\d{2}\s\d{7}|[A-Z0-9]{6,12})",
    I,
)
_FILE_CONTEXT = re.compile(
    r"(?:aktenzeichen|az\.?|gesch(?:ä|ae)ftszeichen|gz\.?|kunden-?(?:nummer|nr\.?)"
    r"|vorgangs-?(?:nummer|nr\.?)|antrags-?(?:nummer|nr\.?)|bg-?(?:nummer|nr\.?)"
    r"|file\s(?:number|no\.?)|reference\s(?:number|no\.?)|ref\.?|case\s(?:number|no\.?)"
    r"|dosya\s(?:no|numaras[ıi]m?)|başvuru\s(?:no|numaras[ıi]m?)|номер\s(?:дела|заявки|справи|заяви)"
    r"|رقم\s(?:الملف|المعاملة|الطلب)|شماره\s(?:پرونده|درخواست)|customer\s(?:number|no\.?))"
    r"[^\d\n]{0,40}?"
    r"\b((?=(?:[A-Z./-]*\d){2})[A-Z0-9][A-Z0-9./-]{2,}[A-Z0-9](?:\s\d[\d./-]*\d)?)",
    I,
)
_JOBCENTER_CUSTOMER = re.compile(r"\b\d{3}D\d{6}\b|\b\d{5}BG\d{7}\b", I)
_DICTATED_PHONE = re.compile(r"(?<![\d\w])(?:\+\s?|0\s)(?:\d\s){5,13}\d(?![\d\w])")
_BAMF_FILE = re.compile(r"\b\d{7,8}-\d{3}\b")
_DATE = re.compile(r"\b(?:\d{1,2}[./-]\d{1,2}[./-](\d{4})|(\d{4})[./-]\d{1,2}[./-]\d{1,2})\b")
MONTHS = (
    "jan|feb|m(?:a|ä)r|apr|ma[iy]|jun|jul|aug|sep|o[ck]t|nov|de[cz]"  # de, en (prefixes)
    "|ocak|[sş]ubat|mart|nisan|may[ıi]s|haziran|temmuz|a[gğ]ustos|eyl[uü]l|ekim|kas[ıi]m|aral[ıi]k"
    "|январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр"
    "|січ|лют|берез|квіт|трав|черв|лип|серп|верес|жовт|листопад|груд"
    "|yanvar|fevral|aprel|iyun|iyul|avgust|sentyabr|oktyabr|noyabr|dekabr"
    "|كانون|شباط|آذار|اذار|نيسان|أيار|ايار|حزيران|تموز|آب|أيلول|ايلول|تشرين"
    "|يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر"
    "|فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند"
    "|ژانویه|فوریه|آوریل|مه|ژوئن|ژوئیه|اوت|سپتامبر|اکتبر|نوامبر|دسامبر"
    "|farvardin|ordibehesht|khordad|tir|mordad|shahrivar|mehr|aban|azar|dey|bahman|esfand"
)
_DATE_WORDS = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th|\.)?\s(?:of\s(?:the\s)?)?(?:{MONTHS})\w*\.?"
    rf"(?:\s(?:الأول|الاول|الثاني))?,?\s(\d{{4}})\b"
    rf"|\b(?:{MONTHS})\w*\.?\s\d{{1,2}}(?:st|nd|rd|th)?,?\s(\d{{4}})\b",
    I,
)
_BIRTH_CONTEXT = re.compile(
    r"geboren|geb\.|geburtsdatum|geburtstag|born|birth|d\.?o\.?b|doğum|dogum|doğdum"
    r"|рожд|родил|народ|تاريخ\s?(?:الميلاد|ميلادي)|ميلادي|مواليد|تولد|متولد|be\sdonya"
    r"|ولد|ولدت|انولد",
    I,
)
_STREET = re.compile(
    r"\b(?-i:[A-ZÄÖÜ][\wäöüß-]*\s)?[\wäöüß-]*(?:stra(?:ß|ss)e|str\.|weg|platz|allee|gasse|ring"
    r"|damm|ufer|chaussee)\s?\d{1,4}\s?[a-z]?\b",
    I,
)
_STREET_PREFIXED = re.compile(
    r"\b(?:Am|An der|An den|Auf der|Im|In der|Zum|Zur)\s"
    r"(?!(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Januar|Februar|März"
    r"|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\b)"
    r"[A-ZÄÖÜ][\wäöüß-]+\s\d{1,4}\s?[a-z]?\b(?!\s?(?:uhr|h\b|:))"
)
_NAME_INTRO = re.compile(
    r"(?:ich\shei(?:ß|ss)e|mein\s(?:vor|nach)?name\sist|my\s(?:first\s|last\s|full\s)?name\sis"
    r"|my\sname's|i\sam\scalled|i'm\scalled|call\sme|\bname\s?:|benim\sad[ıi]m|\bad[ıi]m"
    r"|benim\sismim|\bismim|меня\sзовут|мо[её]\sимя|моя\sфамилия|мене\sзвати|моє\sім[’']я"
    r"|(?:أنا\s|انا\s)?[اإ]سم[يى](?:\sالكامل)?|اسم\sمن|نام\sمن|اسمم"
    r"|\b(?:ana\s)?[ei]smi|\besme\sman|\besmam|\bname\sman|\bmene\szvaty|\bmenya\szovut"
    r"|\bmo[ey]e?\simya)\s*[:,-]?\s*",
    I,
)
_NAME_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))*")
_NAME_STOP = {
    "und",
    "and",
    "ich",
    "i",
    "bin",
    "am",
    "from",
    "aus",
    "komme",
    "wie",
    "how",
    "what",
    "was",
    "mein",
    "my",
    "ve",
    "ben",
    "и",
    "я",
    "і",
    "та",
    "و",
    "من",
    "است",
    "هست",
    "هستم",
    "هستش",
    "ist",
    "is",
    "habe",
    "have",
    "need",
    "brauche",
    "want",
    "möchte",
    "the",
    "der",
    "die",
    "das",
    "bir",
    "bu",
    "a",
    "an",
    "هو",
    "انا",
    "أنا",
    "از",
    "در",
    "لدي",
    "عندي",
    "y",
    "de",
    "у",
    "из",
    "з",
    "with",
    "mit",
    "please",
    "bitte",
    "lütfen",
    "пожалуйста",
}
NAME_MAX_WORDS = 3
# "I'm …", "ich bin …", "ben …", "я …", "это …": only with two capitalised words,
# so that "ich bin Student" or "I'm from Syria" stay; Persian "من … هستم" by its verb.
_NAME_FA = re.compile(r"(?<!\S)(?:من|اینجا)\s+([^\s،,.]+(?:\s[^\s،,.]+){0,2})\s+(?:هستم|هستش)")
_CAPITALISED = r"[A-ZÄÖÜÇŞİĞА-ЯЁІЇЄҐ][^\W\d_]+(?:[-'’][^\W\d_]+)?"
_NAME_BROAD = re.compile(
    r"(?:\b(?:i'?m|i\sam|this\sis|it'?s|ich\sbin|hier\sist|ben|ana|man)|(?<!\w)(?:я|это|це|тут))"
    rf"\s+((?-i:{_CAPITALISED}(?:\s{_CAPITALISED}){{1,2}}))",
    I,
)


# Persian and Arabic-Indic digits match like ASCII ones (one character each, so
# offsets into the original text stay valid).
_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int
    kind: str


def _group_spans(pattern: re.Pattern[str], kind: str, text: str, group: int = 0) -> list[Span]:
    return [Span(m.start(group), m.end(group), kind) for m in pattern.finditer(text)]


def _phones(text: str) -> list[Span]:
    spans = []
    for match in _PHONE.finditer(text):
        digits = sum(char.isdigit() for char in match.group())
        if 7 <= digits <= 15 and not _DATE.fullmatch(match.group().strip()):
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
    for match in _IBAN.finditer(text):
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
    for match in [*_DATE.finditer(text), *_DATE_WORDS.finditer(text)]:
        year = int(next(group for group in match.groups() if group))
        solar = 1300 <= year <= 1500  # Solar Hijri, as written in Iran and Afghanistan
        old = year <= (this_year - 621 if solar else this_year) - 14
        around = text[max(0, match.start() - 40) : match.end() + 20]
        if old or _BIRTH_CONTEXT.search(around):
            spans.append(Span(match.start(), match.end(), BIRTH))
    return spans


def _names(text: str) -> list[Span]:
    spans = []
    for intro in _NAME_INTRO.finditer(text):
        position, end, words = intro.end(), intro.end(), 0
        while words < NAME_MAX_WORDS:
            word = _NAME_WORD.match(text, position)
            if word is None or word.group().lower() in _NAME_STOP:
                break
            end, words = word.end(), words + 1
            gap = re.match(r"[ \t]+", text[end:])
            position = end + (gap.end() if gap else 0)
            if not gap:
                break
        if words:
            spans.append(Span(intro.end(), end, NAME))
    for broad in (_NAME_BROAD, _NAME_FA):
        spans += [Span(m.start(1), m.end(1), NAME) for m in broad.finditer(text)]
    return spans


class Redactor:
    def __init__(self, public_addresses: Iterable[str] = ()) -> None:
        self._public = [a.strip().lower() for a in public_addresses if a.strip()]
        self._finders: list[Callable[[str], list[Span]]] = [
            lambda t: _group_spans(_EMAIL, EMAIL, t),
            _ibans,
            lambda t: _group_spans(_DOC_CONTEXT, DOCUMENT, t, 1),
            lambda t: _group_spans(_FILE_CONTEXT, FILE_NUMBER, t, 1),
            lambda t: _group_spans(_BAMF_FILE, FILE_NUMBER, t),
            lambda t: _group_spans(_JOBCENTER_CUSTOMER, FILE_NUMBER, t),
            _birth_dates,
            _phones,
            lambda t: _group_spans(_DICTATED_PHONE, PHONE, t),
            lambda t: _group_spans(_DOC_SHAPE, DOCUMENT, t),
            lambda t: _group_spans(_DOC_LOWER, DOCUMENT, t),
            self._streets,
            _names,
        ]

    def _streets(self, text: str) -> list[Span]:
        found = _group_spans(_STREET, ADDRESS, text) + _group_spans(_STREET_PREFIXED, ADDRESS, text)
        return [s for s in found if not self._is_public(text[s.start : s.end])]

    def _is_public(self, address: str) -> bool:
        address = address.strip().lower()
        return any(
            public.startswith(address) or address.endswith(public) for public in self._public
        )

    def spans(self, text: str) -> list[Span]:
        """Non-overlapping finds; the earlier finder wins a clash."""
        taken: list[Span] = []
        ascii_digits = text.translate(_DIGITS)
        for finder in self._finders:
            for span in finder(ascii_digits):
                if all(span.end <= t.start or span.start >= t.end for t in taken):
                    taken.append(span)
        return sorted(taken)

    def redact(self, text: str) -> str:
        for span in reversed(self.spans(text)):
            text = f"{text[: span.start]}[{span.kind}]{text[span.end :]}"
        return text
