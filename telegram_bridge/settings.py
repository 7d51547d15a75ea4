"""Bridge settings, from the environment."""

from pathlib import Path

from pydantic import AnyHttpUrl, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent


class BridgeSettings(BaseSettings):
    model_config = SettingsConfigDict(extra="ignore")

    token: SecretStr = Field(validation_alias="TELEGRAM_BOT_TOKEN")
    # Telegram's Bot API; tests point it at a local fake server.
    api_base_url: str = Field(
        default="https://api.telegram.org/bot", validation_alias="TELEGRAM_API_BASE_URL"
    )
    lotse_url: AnyHttpUrl = Field(
        default=AnyHttpUrl("http://127.0.0.1:8000"), validation_alias="LOTSE_SERVICE_API_URL"
    )
    lotse_timeout_s: float = Field(default=30.0, validation_alias="LOTSE_TELEGRAM_LOTSE_TIMEOUT_S")
    # Webhook mode (production): Telegram posts updates to this public URL and
    # proves itself with the secret token; without it the bridge polls.
    webhook_url: str | None = Field(default=None, validation_alias="LOTSE_TELEGRAM_WEBHOOK_URL")
    webhook_secret: SecretStr | None = Field(
        default=None, validation_alias="LOTSE_TELEGRAM_WEBHOOK_SECRET"
    )
    webhook_listen: str = Field(default="127.0.0.1", validation_alias="LOTSE_TELEGRAM_LISTEN")
    webhook_port: int = Field(default=8443, validation_alias="LOTSE_TELEGRAM_PORT")
    # Prometheus metrics on their own port; 0 switches them off.
    metrics_port: int = Field(default=9101, ge=0, validation_alias="LOTSE_TELEGRAM_METRICS_PORT")
    metrics_listen: str = Field(
        default="127.0.0.1", validation_alias="LOTSE_TELEGRAM_METRICS_LISTEN"
    )
    log_format: str = Field(
        default="json", pattern="^(json|text)$", validation_alias="LOTSE_LOG_FORMAT"
    )
    catalogue_dir: Path = REPO_ROOT / "data" / "catalogue"
    default_lang: str = Field(default="de", validation_alias="LOTSE_DEFAULT_LANG")
