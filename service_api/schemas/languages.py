"""What the channels offer in their language pickers (GET /api/v1/languages)."""

from typing import Literal

from pydantic import BaseModel


class LanguageOut(BaseModel):
    code: str
    name: str  # in the language itself
    dir: Literal["ltr", "rtl"]
    machine_translated: bool  # answers come through machine translation
    texts: dict[str, str]  # the web widget's own texts in this language


class LanguagesOut(BaseModel):
    default: str
    languages: list[LanguageOut]
