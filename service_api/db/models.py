"""Table models. Request and response shapes live in service_api/schemas/."""

from datetime import UTC, datetime

from sqlalchemy import DateTime, Float, ForeignKey, LargeBinary, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    pass


class ApiToken(Base):
    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    label: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class UnmetNeed(Base):
    __tablename__ = "unmet_needs"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, index=True
    )
    kind: Mapped[str] = mapped_column(String(32), index=True)
    channel: Mapped[str] = mapped_column(String(32))
    lang: Mapped[str | None] = mapped_column(String(16), index=True)
    text: Mapped[str] = mapped_column(Text)
    text_de: Mapped[str | None] = mapped_column(Text)
    intent: Mapped[str | None] = mapped_column(String(64))
    confidence: Mapped[float | None] = mapped_column(Float)
    topic: Mapped[str | None] = mapped_column(String(64), index=True)
    barrier: Mapped[str | None] = mapped_column(String(32), index=True)
    district: Mapped[str | None] = mapped_column(String(64))
    sender: Mapped[str] = mapped_column(String(64), index=True)
    status: Mapped[str] = mapped_column(String(16), default="new", index=True)
    idempotency_key: Mapped[str | None] = mapped_column(String(200), unique=True)
    occurred_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Sentence embedding of the text for grouping (services/grouping.py); None until computed.
    embedding: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    # Demo data seeded by `make run DEMO=1`: shown apart, never counted in real reports.
    synthetic: Mapped[bool] = mapped_column(default=False, index=True)


class Erasure(Base):
    """A sender who had their data deleted: late deliveries from before are dropped."""

    __tablename__ = "erasures"

    sender: Mapped[str] = mapped_column(String(64), primary_key=True)
    erased_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class NeedStatusChange(Base):
    """The review history of one need."""

    __tablename__ = "need_status_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    need_id: Mapped[int] = mapped_column(
        ForeignKey("unmet_needs.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    from_status: Mapped[str] = mapped_column(String(16))
    to_status: Mapped[str] = mapped_column(String(16))
    topic: Mapped[str | None] = mapped_column(String(64))
    duplicate_of: Mapped[int | None] = mapped_column()
    actor: Mapped[str] = mapped_column(String(240))


class AuditEvent(Base):
    """What reviewers and admins did, and who."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(240))
    action: Mapped[str] = mapped_column(String(64))
    target: Mapped[str] = mapped_column(String(240), default="")


class FeedbackEntry(Base):
    """👍/👎 on an answer: the feedback rate per topic comes from here."""

    __tablename__ = "feedback"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, index=True
    )
    helpful: Mapped[bool] = mapped_column()
    topic: Mapped[str | None] = mapped_column(String(64), index=True)
    channel: Mapped[str] = mapped_column(String(32))
    lang: Mapped[str | None] = mapped_column(String(16))
    sender: Mapped[str] = mapped_column(String(64), index=True)
    idempotency_key: Mapped[str | None] = mapped_column(String(200), unique=True)
    synthetic: Mapped[bool] = mapped_column(default=False, index=True)


class StaffSession(Base):
    """A signed-in reviewer or analyst in the city's screens; the cookie holds the secret."""

    __tablename__ = "staff_sessions"

    id_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    role: Mapped[str] = mapped_column(String(16))
    label: Mapped[str] = mapped_column(String(240))  # for the audit log
    name: Mapped[str] = mapped_column(String(200))  # shown in the header
    csrf: Mapped[str] = mapped_column(String(64))
    ui_lang: Mapped[str] = mapped_column(String(8), default="de")
    demo: Mapped[bool] = mapped_column(default=False)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
