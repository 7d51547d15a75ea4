"""GET /healthz: ready only when the database, Rasa (model loaded) and the action server are."""

import httpx
from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import SecretStr
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from service_api.api.deps import RuntimeDep
from service_api.runtime import Runtime
from service_api.services.rasa import model_loaded

router = APIRouter(tags=["health"])


def _database_ok(runtime: Runtime) -> bool:
    try:
        with runtime.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        return True
    except SQLAlchemyError:
        return False


async def _action_server_ok(runtime: Runtime) -> bool:
    url = f"{runtime.settings.action_server_url.rstrip('/')}/health"
    try:
        return (await runtime.probe.get(url)).status_code == 200
    except httpx.HTTPError:
        return False


def _secret(value: SecretStr | None) -> str | None:
    return value.get_secret_value() if value else None


@router.get("/healthz")
async def healthz(runtime: RuntimeDep) -> JSONResponse:
    checks = {
        "database": await run_in_threadpool(_database_ok, runtime),
        "rasa": await model_loaded(runtime.rasa, _secret(runtime.settings.rasa_token)),
        "action_server": await _action_server_ok(runtime),
    }
    missing = [name for name, ok in checks.items() if not ok]
    if missing:
        return JSONResponse({"status": "unavailable", "missing": missing}, status_code=503)
    return JSONResponse({"status": "ok"})
