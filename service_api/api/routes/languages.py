"""GET /api/v1/languages: the languages Lotse answers in, for the channels' pickers."""

from fastapi import APIRouter, Response

from service_api.api.deps import RuntimeDep
from service_api.schemas.languages import LanguageOut, LanguagesOut

router = APIRouter(tags=["chat"])


@router.get("/languages")
def languages(runtime: RuntimeDep, response: Response) -> LanguagesOut:
    """Public: every reply language with its name, direction and the widget's texts."""
    catalogue = runtime.catalogue
    response.headers["Cache-Control"] = "public, max-age=300"
    return LanguagesOut(
        default=runtime.settings.default_lang,
        languages=[
            LanguageOut(
                code=code,
                name=name,
                dir="rtl" if catalogue.direction(code) == "rtl" else "ltr",
                machine_translated=False,
                texts=catalogue.widget_texts(code),
            )
            for code, name in catalogue.offered()
        ],
    )
