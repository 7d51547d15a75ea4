"""Work done on stored needs in the background, never while a user waits.

- `text_de`: the German rendering reviewers read beside the original, where
  installed translation packages lead from the need's language to German
  (through English allowed). It is then also what the need is embedded from.
- the sentence embedding each need gets for grouping.
Several service_api replicas may run this at once; they compute the same values.
"""

import logging

from sqlalchemy import select
from sqlalchemy.orm import Session

from service_api.db.models import UnmetNeed
from service_api.services.grouping import embed, to_bytes
from service_api.services.retention import PURGED
from service_api.services.translation import Translator

BATCH = 64
GERMAN = "de"
logger = logging.getLogger(__name__)
_untranslatable: set[int] = set()  # needs a package failed on: not retried by this process


def german(lang: str) -> bool:
    return lang.split("-")[0] == GERMAN  # de, and Leichte Sprache (de-x-ls)


def translate_pending(session: Session, translator: Translator, batch: int = BATCH) -> int:
    """Fill text_de for up to `batch` needs with a path to German; how many were done."""
    languages = session.scalars(
        select(UnmetNeed.lang)
        .where(UnmetNeed.text_de.is_(None), UnmetNeed.text != PURGED, UnmetNeed.lang.is_not(None))
        .distinct()
    ).all()
    reachable = [
        lang for lang in languages if lang and (german(lang) or translator.can(lang, GERMAN))
    ]
    if not reachable:
        return 0
    needs = session.scalars(
        select(UnmetNeed)
        .where(UnmetNeed.text_de.is_(None), UnmetNeed.text != PURGED, UnmetNeed.lang.in_(reachable))
        .where(UnmetNeed.id.not_in(_untranslatable))
        .order_by(UnmetNeed.id)
        .limit(batch)
    ).all()
    for need in needs:
        try:
            lang = need.lang or ""
            need.text_de = (
                need.text if german(lang) else translator.translate(need.text, lang, GERMAN)
            )
        except Exception:  # one text a package cannot take must not hold up the rest
            logger.warning("could not translate need %d to German", need.id, exc_info=True)
            _untranslatable.add(need.id)
            continue
        if not german(lang):
            need.embedding = None  # embed again, from the German
    session.commit()
    return len(needs)


def embed_pending(session: Session, batch: int = BATCH) -> int:
    """Embed up to `batch` needs that have text but no embedding; how many were done."""
    needs = session.scalars(
        select(UnmetNeed)
        .where(UnmetNeed.embedding.is_(None), UnmetNeed.text != PURGED)
        .order_by(UnmetNeed.id)
        .limit(batch)
    ).all()
    if not needs:
        return 0
    vectors = embed([need.text_de or need.text for need in needs])
    for need, vector in zip(needs, vectors, strict=True):
        need.embedding = to_bytes(vector)
    session.commit()
    return len(needs)
