"""The reviewers' work, shared by the API and the review inbox: triage, groups, export."""

from collections.abc import Sequence

import numpy as np
import yaml
from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session, undefer

from service_api.db.models import NeedStatusChange, UnmetNeed
from service_api.schemas.review import Triage, TriageIn
from service_api.services.audit import audit
from service_api.services.grouping import cluster, from_bytes

NEWEST_FIRST = (UnmetNeed.created_at.desc(), UnmetNeed.id.desc())


class TriageError(ValueError):
    """A triage that cannot be applied: unknown need or topic, a need repeating itself."""


def triage(
    session: Session,
    needs: Sequence[UnmetNeed],
    decision: TriageIn,
    actor: str,
    topics: frozenset[str],
) -> None:
    """Apply one decision to each need, with its history and an audit event; not committed."""
    if decision.topic is not None and decision.topic not in topics:
        raise TriageError(f"Unknown topic {decision.topic!r}")
    if decision.action is Triage.DUPLICATE:
        if any(need.id == decision.duplicate_of for need in needs):
            raise TriageError("A need cannot repeat itself")
        if session.get(UnmetNeed, decision.duplicate_of or 0) is None:
            raise TriageError(f"No need with id {decision.duplicate_of}")
    for need in needs:
        session.add(
            NeedStatusChange(
                need_id=need.id,
                from_status=need.status,
                to_status=decision.action,
                topic=decision.topic,
                duplicate_of=decision.duplicate_of,
                actor=actor,
            )
        )
        need.status = decision.action
        if decision.topic is not None:
            need.topic = decision.topic
    ids = ", ".join(str(need.id) for need in needs)
    audit(session, actor, f"triage:{decision.action}", f"needs {ids}")


def groups(
    session: Session, conditions: Sequence[ColumnElement[bool]], limit: int
) -> tuple[list[list[UnmetNeed]], int, int]:
    """Similar needs among the newest `limit` that match, biggest group first.

    Returns the groups, how many needs were considered, and how many of those
    are not embedded yet (seconds after arrival) and so in no group.
    """
    rows = session.scalars(
        select(UnmetNeed)
        .options(undefer(UnmetNeed.embedding))
        .where(*conditions)
        .order_by(*NEWEST_FIRST)
        .limit(limit)
    ).all()
    embedded = [row for row in rows if row.embedding]
    vectors = np.array([from_bytes(row.embedding) for row in embedded if row.embedding])
    found = [[embedded[i] for i in members] for members in cluster(vectors)]
    return found, len(rows), len(rows) - len(embedded)


def training_data(session: Session, lang: str, synthetic: bool = False) -> tuple[str, int]:
    """Needs triaged as training examples in one language, as Rasa NLU YAML, and their count."""
    rows = session.execute(
        select(UnmetNeed.topic, UnmetNeed.text)
        .where(
            UnmetNeed.status == Triage.TRAINING_EXAMPLE,
            UnmetNeed.lang == lang,
            UnmetNeed.synthetic.is_(synthetic),
        )
        .order_by(UnmetNeed.topic, UnmetNeed.id)
    ).all()
    examples: dict[str, list[str]] = {}
    for topic, text in rows:
        if topic and text and " ".join(text.split()) not in examples.setdefault(topic, []):
            examples[topic].append(" ".join(text.split()))
    document = {
        "version": "3.1",
        "nlu": [
            {"intent": topic, "examples": "".join(f"- {text}\n" for text in texts)}
            for topic, texts in examples.items()
        ],
    }
    header = "# SYNTHETIC DEMO DATA: never train a real model on it\n" if synthetic else ""
    return header + yaml.safe_dump(document, allow_unicode=True, sort_keys=False), len(rows)
