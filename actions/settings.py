"""Action server settings, read from the environment once."""

from functools import lru_cache

from pydantic import BaseSettings


class Settings(BaseSettings):
    service_api_url: str = "http://127.0.0.1:8000"
    ingest_token: str = ""
    request_timeout_s: float = 5.0

    class Config:
        env_prefix = "LOTSE_"


@lru_cache
def get_settings() -> Settings:
    return Settings()
