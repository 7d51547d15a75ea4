"""Run the bridge: `python -m telegram_bridge` (polling, or webhook when configured)."""

import logging
from typing import Any

from prometheus_client import start_http_server
from pythonjsonlogger.json import JsonFormatter
from telegram import Update

from telegram_bridge.bot import build_application
from telegram_bridge.settings import BridgeSettings

WEBHOOK_PATH = "telegram"


def webhook_options(settings: BridgeSettings) -> dict[str, Any]:
    """Where Telegram posts updates, and the secret it must present with each."""
    if settings.webhook_secret is None:
        raise SystemExit("LOTSE_TELEGRAM_WEBHOOK_SECRET must be set for webhook mode")
    return {
        "listen": settings.webhook_listen,
        "port": settings.webhook_port,
        "url_path": WEBHOOK_PATH,
        "webhook_url": settings.webhook_url,
        "secret_token": settings.webhook_secret.get_secret_value(),
        "allowed_updates": Update.ALL_TYPES,
    }


def configure_logging(fmt: str) -> None:
    """One JSON object per line (or plain text); never who or what was written."""
    handler = logging.StreamHandler()
    pattern = "%(asctime)s %(levelname)s %(name)s %(message)s"
    handler.setFormatter(
        JsonFormatter(pattern, rename_fields={"asctime": "time", "levelname": "level"})
        if fmt == "json"
        else logging.Formatter(pattern)
    )
    logging.basicConfig(level=logging.INFO, handlers=[handler], force=True)
    logging.getLogger("httpx").setLevel(logging.WARNING)  # its lines carry the bot token


def main() -> None:
    settings = BridgeSettings()
    configure_logging(settings.log_format)
    if settings.metrics_port:
        start_http_server(settings.metrics_port, addr=settings.metrics_listen)
    application = build_application(settings)
    if settings.webhook_url is None:
        application.run_polling(allowed_updates=Update.ALL_TYPES)
    else:
        application.run_webhook(**webhook_options(settings))


if __name__ == "__main__":
    main()
