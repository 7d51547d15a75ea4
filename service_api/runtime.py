"""Everything the routes share, built once at start-up (see app.lifespan)."""

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import httpx
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from service_api.services.catalogue import Catalogue
from service_api.services.rate_limit import Limiter
from service_api.services.redaction import Redactor
from service_api.services.translation import Translator
from service_api.services.vocabulary import Vocabulary
from service_api.settings import Settings


@dataclass
class Runtime:
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    catalogue: Catalogue
    redactor: Redactor
    limiter: Limiter
    vocabulary: Vocabulary
    translator: Translator
    # Replies are translated here, so that a slow package can be given up on (NLG).
    translation_pool: ThreadPoolExecutor
    rasa: httpx.AsyncClient
    probe: httpx.AsyncClient

    @property
    def reply_languages(self) -> frozenset[str]:
        """Languages with reviewed texts."""
        return self.catalogue.languages

    def translated_languages(self) -> frozenset[str]:
        """Languages served through installed translation packages (changes at run time)."""
        return self.translator.languages() - self.reply_languages
