"""The FastAPI application: `uvicorn service_api.app:create_app --factory`."""

import asyncio
import logging
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles

from service_api.api.main import api_router, root_router
from service_api.api.middleware import RequestGuard
from service_api.db.session import make_engine, migrate, session_factory
from service_api.observability import Metrics, configure_logging, metrics_endpoint
from service_api.runtime import Runtime
from service_api.screens.routes import SCREENS_STATIC, not_allowed, screens_router, to_sign_in
from service_api.screens.session import NotAllowed, SignInRequired
from service_api.services import demo
from service_api.services.catalogue import Catalogue
from service_api.services.enrichment import embed_pending, translate_pending
from service_api.services.rate_limit import make_limiter
from service_api.services.redaction import Redactor
from service_api.services.retention import purge
from service_api.services.translation import Translator
from service_api.services.vocabulary import load_vocabulary
from service_api.settings import Settings, get_settings

STATIC = Path(__file__).resolve().parent / "static"
logger = logging.getLogger("service_api")
RETENTION_INTERVAL_S = 3600


def build_runtime(settings: Settings) -> Runtime:
    engine = make_engine(settings.database_url)
    migrate(engine)
    catalogue = Catalogue.load(settings.catalogue_dir)
    return Runtime(
        settings=settings,
        engine=engine,
        sessions=session_factory(engine),
        catalogue=catalogue,
        redactor=Redactor(catalogue.public_addresses),
        limiter=make_limiter(settings.chat_per_sender_per_minute, settings.redis_url),
        vocabulary=load_vocabulary(settings.vocabulary_file),
        translator=Translator(settings.data_dir),
        translation_pool=ThreadPoolExecutor(max_workers=2, thread_name_prefix="translate"),
        rasa=httpx.AsyncClient(base_url=settings.rasa_url, timeout=settings.rasa_timeout_s),
        probe=httpx.AsyncClient(timeout=3.0),
    )


async def keep_retention(runtime: Runtime) -> None:
    """Apply the retention period now and every hour."""
    while True:
        with runtime.sessions() as session:
            count = await run_in_threadpool(purge, session, runtime.settings.retention_days)
        if count:
            logger.info("retention: blanked the text of %d needs", count)
        await asyncio.sleep(RETENTION_INTERVAL_S)


async def keep_enriching(runtime: Runtime) -> None:
    """German renderings, then embeddings for grouping, batch by batch, while some wait."""
    while True:
        try:
            with runtime.sessions() as session:
                done = await run_in_threadpool(translate_pending, session, runtime.translator)
                done += await run_in_threadpool(embed_pending, session)
        except Exception:  # a bad batch must not stop the loop; it is retried
            logger.exception("enrichment failed; retrying later")
            done = 0
        if not done:
            await asyncio.sleep(runtime.settings.enrich_interval_s)


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    runtime = build_runtime(app.state.settings)
    app.state.runtime = runtime
    if runtime.settings.demo_data:
        with runtime.sessions() as session:
            added = await run_in_threadpool(demo.seed, session)
        logger.info("demo data: %d synthetic needs added (shown only in the demo view)", added)
    logger.info(
        "service_api ready: database migrated, catalogue %s", sorted(runtime.reply_languages)
    )
    tasks = [asyncio.create_task(keep_retention(runtime))]
    if runtime.settings.enrich_interval_s:
        tasks.append(asyncio.create_task(keep_enriching(runtime)))
    try:
        yield
    finally:
        for task in tasks:
            task.cancel()
        await runtime.rasa.aclose()
        await runtime.probe.aclose()
        runtime.translation_pool.shutdown(wait=False, cancel_futures=True)
        runtime.engine.dispose()


def create_app(settings: Settings | None = None) -> FastAPI:
    app = FastAPI(
        title="Lotse service API",
        summary="Chat gateway, NLG endpoint and unmet-needs store of the Lotse assistant.",
        version="0.1.0",
        lifespan=lifespan,
    )
    app.state.settings = settings or get_settings()
    configure_logging(app.state.settings.log_format)
    app.add_middleware(
        RequestGuard,
        max_bytes=app.state.settings.max_body_bytes,
        larger={
            "/nlg": app.state.settings.nlg_max_body_bytes,
            "/api/v1/needs/batch": app.state.settings.batch_max_body_bytes,
        },
    )
    app.add_middleware(Metrics)
    # The widget runs on the city's own site and calls Lotse from there; no cookies.
    app.add_middleware(
        CORSMiddleware,
        allow_origins=app.state.settings.widget_origins,
        allow_methods=["GET", "POST"],
        allow_headers=["Content-Type"],
    )
    app.include_router(api_router, prefix="/api/v1")
    app.include_router(root_router)
    app.include_router(screens_router)
    app.add_route("/metrics", metrics_endpoint, include_in_schema=False)
    app.add_exception_handler(SignInRequired, to_sign_in)  # type: ignore[arg-type]
    app.add_exception_handler(NotAllowed, not_allowed)  # type: ignore[arg-type]
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.mount("/screens/static", StaticFiles(directory=SCREENS_STATIC), name="screens-static")
    return app
