"""Synthetic demo records for a first look at the screens (`make run DEMO=1`).

Every record is marked `synthetic`: the screens show it only in their demo
view, under a banner, and no real report, export or API count includes it.
The texts are invented examples, not messages anyone sent.
"""

import random
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from service_api.db.models import FeedbackEntry, UnmetNeed

SENDER = "synthetic-demo"
MONTHS = 8
NEEDS = 1200
RATINGS = 900

# (barrier, lang, text, German rendering)
BARRIER_TEXTS = [
    ("appointment", "de", "Seit Wochen kein freier Termin bei der Ausländerbehörde.", None),
    (
        "appointment",
        "en",
        "There are no appointments online for two months.",
        "Seit zwei Monaten gibt es online keine Termine.",
    ),
    (
        "appointment",
        "ar",
        "لا توجد مواعيد متاحة منذ أسابيع.",
        "Seit Wochen gibt es keine freien Termine.",
    ),
    (
        "appointment",
        "uk",
        "Немає вільних термінів у відомстві.",
        "Es gibt keine freien Termine bei der Behörde.",
    ),
    ("language", "de", "Die Formulare gibt es nur auf Deutsch.", None),
    ("language", "ar", "لا يوجد مترجم في المكتب.", "Im Amt gibt es keinen Dolmetscher."),
    ("language", "fa", "فرم‌ها فقط به زبان آلمانی است.", "Die Formulare sind nur auf Deutsch."),
    ("language", "tr", "Dairede kimse İngilizce konuşmuyor.", "Im Amt spricht niemand Englisch."),
    ("reachability", "de", "Niemand geht ans Telefon, E-Mails bleiben unbeantwortet.", None),
    (
        "reachability",
        "ru",
        "Никто не отвечает на письма уже месяц.",
        "Seit einem Monat antwortet niemand auf E-Mails.",
    ),
    (
        "processing_time",
        "en",
        "I have been waiting five months for my card.",
        "Ich warte seit fünf Monaten auf meine Karte.",
    ),
    (
        "processing_time",
        "uk",
        "Чекаю на рішення вже пів року.",
        "Ich warte seit einem halben Jahr auf die Entscheidung.",
    ),
    ("digital_access", "de", "Das Online-Portal bricht beim Hochladen immer ab.", None),
    (
        "digital_access",
        "tr",
        "Online başvuru sayfası açılmıyor.",
        "Die Online-Antragsseite öffnet sich nicht.",
    ),
    (
        "information",
        "en",
        "The website says something different from the office.",
        "Die Website sagt etwas anderes als das Amt.",
    ),
    (
        "documents",
        "ar",
        "لا أستطيع الحصول على شهادة الميلاد من بلدي.",
        "Ich kann die Geburtsurkunde aus meinem Land nicht bekommen.",
    ),
    ("cost", "de", "Die Übersetzung der Zeugnisse ist zu teuer.", None),
    ("physical_access", "de", "Das Amt ist mit dem Rollstuhl nicht erreichbar.", None),
    (
        "discrimination",
        "en",
        "I was treated rudely at the counter.",
        "Ich wurde am Schalter unhöflich behandelt.",
    ),
]
# (kind, lang, text, German rendering, topic guess)
QUESTION_TEXTS = [
    ("fallback", "de", "Kann ich mit Duldung einen Hund anmelden?", None, None),
    (
        "fallback",
        "en",
        "Can my cousin visit me for a wedding?",
        "Kann mein Cousin mich zu einer Hochzeit besuchen?",
        None,
    ),
    (
        "fallback",
        "ar",
        "هل يمكنني تغيير اسمي في الإقامة؟",
        "Kann ich meinen Namen im Aufenthaltstitel ändern?",
        "eat_card",
    ),
    (
        "fallback",
        "uk",
        "Чи можна продовжити посвідку онлайн?",
        "Kann man den Aufenthaltstitel online verlängern?",
        "residence_permit_extension",
    ),
    ("out_of_scope", "de", "Wo kann ich am Wochenende Fußball spielen?", None, None),
    (
        "out_of_scope",
        "tr",
        "Araba sigortası nasıl yapılır?",
        "Wie schließt man eine Autoversicherung ab?",
        None,
    ),
    (
        "negative_feedback",
        "en",
        "How long is the residence permit extension valid?",
        "Wie lange gilt die Verlängerung des Aufenthaltstitels?",
        "residence_permit_extension",
    ),
    (
        "negative_feedback",
        "fa",
        "برای ثبت نام چه مدارکی لازم است؟",
        "Welche Unterlagen brauche ich für die Anmeldung?",
        "address_registration",
    ),
    ("handoff_request", "de", "Ich möchte mit einer Person sprechen.", None, None),
    ("unsupported_language", "ti", "ቆጸራ ክረክብ ደልየ", None, None),
]
DISTRICTS = [("Nordstadt", 5), ("Mitte", 3), ("Südviertel", 2), ("Weststadt", 1), (None, 3)]
CHANNELS = [("telegram", 6), ("web", 4)]
TOPICS = [
    "residence_permit_extension",
    "address_registration",
    "integration_course",
    "eat_card",
    "naturalisation",
    "qualification_recognition",
]


def present(session: Session) -> bool:
    return bool(session.scalar(select(exists().where(UnmetNeed.synthetic.is_(True)))))


def seed(session: Session, now: datetime | None = None, seed: int = 7) -> int:
    """Add the demo records unless they are there already; returns how many needs were added."""
    if present(session):
        return 0
    rng = random.Random(seed)
    now = now or datetime.now(UTC)

    def when() -> datetime:
        # more recent months carry more records: a visible trend
        days = MONTHS * 30 * (1 - rng.random() ** 0.7)
        return now - timedelta(days=days, minutes=rng.randrange(1440))

    def pick(weighted: Sequence[tuple[str | None, int]]) -> str | None:
        return rng.choices([v for v, _ in weighted], [w for _, w in weighted])[0]

    for i in range(NEEDS):
        channel = pick(CHANNELS) or "web"
        if rng.random() < 0.55:
            barrier, lang, text, text_de = rng.choice(BARRIER_TEXTS)
            need = UnmetNeed(
                kind="barrier_report",
                barrier=barrier,
                topic=rng.choice(TOPICS) if rng.random() < 0.7 else None,
                district=pick(DISTRICTS),
                lang=lang,
                text=text,
                text_de=text_de or text,
            )
        else:
            kind, lang, text, text_de, topic = rng.choice(QUESTION_TEXTS)
            need = UnmetNeed(
                kind=kind,
                barrier="language" if kind == "unsupported_language" else None,
                topic=topic,
                intent=topic,
                confidence=round(rng.uniform(0.2, 0.6), 2),
                lang=lang,
                text=text,
                text_de=text_de or (text if lang == "de" else None),
            )
        need.channel = channel
        need.sender = f"{SENDER}-{i % 300}"
        need.created_at = when()
        need.synthetic = True
        session.add(need)
    for _ in range(RATINGS):
        topic = rng.choice(TOPICS)
        session.add(
            FeedbackEntry(
                helpful=rng.random() < (0.55 if topic == "eat_card" else 0.85),
                topic=topic,
                channel=pick(CHANNELS) or "web",
                lang=rng.choice(["de", "en", "ar", "uk", "tr", "fa", "ru"]),
                sender=f"{SENDER}-{rng.randrange(300)}",
                created_at=when(),
                synthetic=True,
            )
        )
    session.commit()
    return NEEDS
