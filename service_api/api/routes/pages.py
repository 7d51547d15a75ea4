"""A demo city page at /, embedding the web widget with its one script tag."""

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse

router = APIRouter(include_in_schema=False)
INDEX = Path(__file__).resolve().parents[2] / "static" / "index.html"


@router.get("/")
def index() -> FileResponse:
    return FileResponse(INDEX)
