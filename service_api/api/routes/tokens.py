"""Issue tokens for the roles of DESIGN.md (admin only)."""

from fastapi import APIRouter, status

from service_api.api.deps import AdminDep, SessionDep
from service_api.db.models import ApiToken
from service_api.schemas.tokens import TokenIn, TokenOut
from service_api.services.audit import audit
from service_api.services.tokens import hash_token, new_token

router = APIRouter(prefix="/tokens", tags=["tokens"])


@router.post("", status_code=status.HTTP_201_CREATED)
def issue_token(body: TokenIn, session: SessionDep, admin: AdminDep) -> TokenOut:
    token = new_token()
    session.add(ApiToken(token_hash=hash_token(token), role=body.role, label=body.label))
    audit(session, admin.label, "issue_token", f"{body.role} {body.label}")
    session.commit()
    return TokenOut(token=token, role=body.role)
