"""Action server settings, read from the environment once."""

from functools import lru_cache
from pathlib import Path

from pydantic import BaseSettings


class Settings(BaseSettings):
    service_api_url: str = "http://127.0.0.1:8000"
    ingest_token: str = ""
    request_timeout_s: float = 5.0
    data_dir: Path = Path("var")

    @property
    def outbox_path(self) -> Path:
        return self.data_dir / "outbox.db"

    class Config:
        env_prefix = "LOTSE_"


@lru_cache
def get_settings() -> Settings:
    return Settings()
