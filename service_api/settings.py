"""service_api settings, read from the environment (prefix LOTSE_) at start-up."""

from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="LOTSE_", extra="ignore")

    data_dir: Path = REPO_ROOT / "var"
    database_url: str = Field(default="", validation_alias="DATABASE_URL")
    catalogue_dir: Path = REPO_ROOT / "data" / "catalogue"
    vocabulary_file: Path = REPO_ROOT / "data" / "topics.yml"

    rasa_url: str = "http://127.0.0.1:5005"
    action_server_url: str = "http://127.0.0.1:5055"
    rasa_token: SecretStr | None = None
    rasa_timeout_s: float = 30.0

    admin_token: SecretStr | None = None
    ingest_token: SecretStr | None = None
    pseudonym_secret: SecretStr = SecretStr("")

    # Sites that may embed the web widget (CORS for the public chat endpoints); "*" = any.
    widget_origins: list[str] = ["*"]
    default_lang: str = "de"
    translation_timeout_s: float = Field(default=10.0, gt=0)
    report_threshold: int = Field(default=5, ge=1)
    retention_days: int = Field(default=180, ge=1)
    enrich_interval_s: float = Field(
        default=5.0, ge=0, description="how often stored needs are embedded; 0 switches it off"
    )
    chat_per_sender_per_minute: int = Field(default=30, ge=0, description="0 switches it off")
    # Shared chat rate limit across replicas (redis://host:6379/1); in memory when unset.
    redis_url: str | None = None
    max_text_chars: int = 2000
    log_format: str = Field(default="json", pattern="^(json|text)$")
    # Seed synthetic demo records at start (`make run DEMO=1`); never counted as real.
    demo_data: bool = False
    max_body_bytes: int = 64 * 1024
    # Rasa posts the whole conversation to /nlg; it grows by a few KiB a turn.
    nlg_max_body_bytes: int = 16 * 1024 * 1024
    # POST /api/v1/needs/batch: up to 500 needs of about 8 KiB each.
    batch_max_body_bytes: int = 500 * 8 * 1024

    @model_validator(mode="after")
    def _defaults(self) -> "Settings":
        if not self.database_url:
            self.database_url = f"sqlite:///{self.data_dir / 'lotse.db'}"
        if not self.pseudonym_secret.get_secret_value():
            raise ValueError(
                "LOTSE_PSEUDONYM_SECRET is not set: it keys the sender pseudonyms "
                "(make run creates one in var/lotse.env)"
            )
        return self


@lru_cache
def get_settings() -> Settings:
    return Settings()
