"""The audit log of reviewer and admin actions."""

from sqlalchemy.orm import Session

from service_api.db.models import AuditEvent


def audit(session: Session, actor: str, action: str, target: str = "") -> None:
    """Add an event to the session; it is kept when the action's transaction commits."""
    session.add(AuditEvent(actor=actor, action=action, target=target[:240]))
