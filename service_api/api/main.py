"""Collects the routers; nothing else lives here."""

from fastapi import APIRouter

from service_api.api.routes import (
    chat,
    feedback,
    health,
    languages,
    needs,
    nlg,
    pages,
    reports,
    review,
    senders,
    tokens,
)

api_router = APIRouter()
api_router.include_router(chat.router)
api_router.include_router(languages.router)
api_router.include_router(needs.router)
api_router.include_router(review.router)
api_router.include_router(feedback.router)
api_router.include_router(tokens.router)
api_router.include_router(reports.router)
api_router.include_router(senders.router)

root_router = APIRouter()
root_router.include_router(nlg.router)
root_router.include_router(health.router)
root_router.include_router(pages.router)
