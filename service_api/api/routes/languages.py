"""GET /api/v1/languages: the languages Lotse answers in, for the channels' pickers."""

from fastapi import APIRouter, Response

from service_api.api.deps import RuntimeDep
from service_api.schemas.languages import LanguageOut, LanguagesOut
from service_api.services.translation import PIVOT

router = APIRouter(tags=["chat"])


@router.get("/languages")
def languages(runtime: RuntimeDep, response: Response) -> LanguagesOut:
    """Public: every reply language with its name, direction and the widget's texts.

    Languages served through installed translation packages follow the
    reviewed ones, marked machine_translated; their widget texts are English.
    """
    catalogue = runtime.catalogue
    response.headers["Cache-Control"] = "public, max-age=300"
    names = runtime.translator.names()
    offered = [(code, name, False) for code, name in catalogue.offered()] + [
        (code, names.get(code, code), True) for code in sorted(runtime.translated_languages())
    ]
    return LanguagesOut(
        default=runtime.settings.default_lang,
        languages=[
            LanguageOut(
                code=code,
                name=name,
                dir="rtl" if catalogue.direction(code) == "rtl" else "ltr",
                machine_translated=translated,
                texts=catalogue.widget_texts(PIVOT if translated else code),
            )
            for code, name, translated in offered
        ],
    )
