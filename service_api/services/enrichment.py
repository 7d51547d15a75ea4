"""Work done on stored needs in the background, never while a user waits.

Today: the sentence embedding each need gets for grouping. Several
service_api replicas may run this at once; they compute the same values.
"""

from sqlalchemy import select
from sqlalchemy.orm import Session

from service_api.db.models import UnmetNeed
from service_api.services.grouping import embed, to_bytes
from service_api.services.retention import PURGED

BATCH = 64


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
