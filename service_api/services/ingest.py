"""Storing needs in batches: one query for erasures, one for known keys, one commit.

For deliveries that arrive in bulk (an outbox catching up, an import); the
per-record rules are those of POST /api/v1/needs: vocabulary checked, text
redacted, an idempotency key stored once, a sender's erasure respected.
"""

from datetime import UTC

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from service_api.db.models import Erasure, UnmetNeed
from service_api.observability import NEEDS_STORED
from service_api.schemas.needs import NeedIn, NeedResult
from service_api.services.redaction import Redactor
from service_api.services.vocabulary import Vocabulary


def unknown_terms(vocabulary: Vocabulary, need: NeedIn) -> str | None:
    """Why the need's topic or barrier is not in the shared vocabulary, or None."""
    if need.topic is not None and need.topic not in vocabulary.topics:
        return f"Unknown topic {need.topic!r}"
    if need.barrier is not None and need.barrier not in vocabulary.barriers:
        return f"Unknown barrier category {need.barrier!r}"
    return None


def store_batch(
    session: Session,
    redactor: Redactor,
    vocabulary: Vocabulary,
    needs: list[NeedIn],
    retry: bool = True,
) -> list[NeedResult]:
    """One result per need, in order: 201 stored, 200 known key, 204 erased sender, 422."""
    senders = {need.sender for need in needs}
    erased = {
        e.sender: e.erased_at.replace(tzinfo=e.erased_at.tzinfo or UTC)
        for e in session.scalars(select(Erasure).where(Erasure.sender.in_(senders)))
    }
    keys = {need.idempotency_key for need in needs if need.idempotency_key}
    rows = session.execute(
        select(UnmetNeed.idempotency_key, UnmetNeed.id).where(UnmetNeed.idempotency_key.in_(keys))
    )
    known: dict[str | None, int] = {key: need_id for key, need_id in rows}
    results: list[NeedResult] = []
    added: dict[str, UnmetNeed] = {}
    fresh: list[tuple[int, UnmetNeed]] = []
    for need in needs:
        problem = unknown_terms(vocabulary, need)
        when = (
            need.occurred_at.replace(tzinfo=need.occurred_at.tzinfo or UTC)
            if need.occurred_at
            else None
        )
        if problem is not None:
            results.append(NeedResult(status=422, detail=problem))
        elif need.sender in erased and when is not None and when <= erased[need.sender]:
            results.append(NeedResult(status=204))
        elif need.idempotency_key in known:
            results.append(NeedResult(status=200, id=known[need.idempotency_key]))
        elif need.idempotency_key in added:
            results.append(NeedResult(status=200))
            fresh.append((len(results) - 1, added[need.idempotency_key]))
        else:
            record = UnmetNeed(**need.model_dump() | {"text": redactor.redact(need.text)})
            if need.idempotency_key:
                added[need.idempotency_key] = record
            session.add(record)
            results.append(NeedResult(status=201))
            fresh.append((len(results) - 1, record))
    try:
        session.commit()
    except IntegrityError:  # a key stored meanwhile by another replica: one by one
        session.rollback()
        if not retry:
            raise
        return [
            store_batch(session, redactor, vocabulary, [need], retry=False)[0] for need in needs
        ]
    for index, record in fresh:
        results[index].id = record.id
    for record in {id(r): r for _, r in fresh}.values():
        NEEDS_STORED.labels(record.kind).inc()
    return results
