"""The chat page at / (it grows into the embeddable widget)."""

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse

router = APIRouter(include_in_schema=False)
INDEX = Path(__file__).resolve().parents[2] / "static" / "index.html"


@router.get("/")
def index() -> FileResponse:
    return FileResponse(INDEX)
