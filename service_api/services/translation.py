"""Machine translation with argostranslate, offline, for languages Lotse does not write.

Language packages live in `<LOTSE_DATA_DIR>/argos-packages`; `python -m
service_api.translation_packages` installs, lists and removes them. Nothing
is ever downloaded:
- argostranslate's data, config and cache folders point into the data dir
  (it would otherwise read and create folders in $HOME at import time);
- its one `import stanza` is stood in for: stanza (and with it torch) is not
  installed, and is only used by packages that bring a stanza splitter;
  packages must bundle a MiniSBD splitter (`minisbd/*.onnx`), which runs
  locally (a package without one would fetch a splitter on first use, so the
  CLI refuses it).
The installed packages are re-read whenever their folder changes, so a new
package works without a restart. Translations are cached.
"""

import importlib.util
import logging
import os
import sys
import threading
import types
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

PIVOT = "en"  # the language every package pair is built around
CACHE_SIZE = 4096


def prepare_argos(data_dir: Path) -> Path:
    """Point argostranslate at `data_dir` before it is first imported; the packages folder."""
    packages = data_dir / "argos-packages"
    for folder in ("data", "config", "cache"):
        (data_dir / "argos" / folder).mkdir(parents=True, exist_ok=True)
    packages.mkdir(parents=True, exist_ok=True)
    wanted = {
        "XDG_DATA_HOME": data_dir / "argos" / "data",
        "XDG_CONFIG_HOME": data_dir / "argos" / "config",
        "XDG_CACHE_HOME": data_dir / "argos" / "cache",
        "ARGOS_PACKAGES_DIR": packages,
        "ARGOS_DEVICE_TYPE": "cpu",
    }
    if "argostranslate.settings" not in sys.modules:
        os.environ.update({name: str(value) for name, value in wanted.items()})
    _stand_in_for_stanza()
    # argostranslate logs every sentence it translates at INFO: never the users' words.
    logging.getLogger("argostranslate").setLevel(logging.WARNING)
    return packages


def _point_at(packages: Path) -> None:
    """argostranslate keeps its packages folder in module globals; make it ours."""
    from argostranslate import settings, translate

    if settings.package_data_dir != packages:
        settings.package_data_dir = packages
        settings.package_dirs = [packages]
        _forget_installed(translate)


def _stand_in_for_stanza() -> None:
    """argostranslate.sbd imports stanza at import time; only stanza splitters use it."""
    if "stanza" in sys.modules or importlib.util.find_spec("stanza") is not None:
        return
    stub = types.ModuleType("stanza")

    class Pipeline:
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            raise RuntimeError(
                "this language package needs a stanza sentence splitter, which Lotse does "
                "not install; use a package with a bundled minisbd/ splitter"
            )

    stub.Pipeline = Pipeline  # type: ignore[attr-defined]
    sys.modules["stanza"] = stub


def _forget_installed(translate: Any) -> None:
    """Make argostranslate build its languages afresh.

    Besides its cached language list, it keeps each package's translation in
    `installed_translates`, tied to the Language objects of the list it was
    first built for; reused after a change, they hide new pivots (it -> en
    -> de once en -> de arrives).
    """
    translate.get_installed_languages.cache_clear()
    translate.installed_translates.clear()


@dataclass(frozen=True)
class InstalledPackage:
    source: str
    target: str
    version: str
    path: Path


class Translator:
    """The installed argostranslate packages, with pivoting through English."""

    def __init__(self, data_dir: Path) -> None:
        self.packages_dir = prepare_argos(data_dir)
        self._lock = threading.Lock()
        self._stamp: tuple[str, ...] | None = None
        self._languages: frozenset[str] | None = None  # worked out once per package set
        self._translate = lru_cache(maxsize=CACHE_SIZE)(self._translate_uncached)

    def packages(self) -> list[InstalledPackage]:
        from argostranslate import package

        self._refresh()
        return [
            InstalledPackage(p.from_code, p.to_code, str(p.package_version), p.package_path)
            for p in package.get_installed_packages()
            if p.type == "translate"
        ]

    def can(self, source: str, target: str) -> bool:
        """True when installed packages translate source to target, directly or via English."""
        return source == target or self._translation(source, target) is not None

    def languages(self) -> frozenset[str]:
        """Languages Lotse can both understand (into English) and answer in (from English)."""
        self._refresh()
        if self._languages is None:
            from argostranslate import translate

            codes = {language.code for language in translate.get_installed_languages()} - {PIVOT}
            self._languages = frozenset(
                c for c in codes if self.can(c, PIVOT) and self.can(PIVOT, c)
            )
        return self._languages

    def names(self) -> dict[str, str]:
        """The installed languages' names, as their packages give them."""
        from argostranslate import translate

        self._refresh()
        return {language.code: language.name for language in translate.get_installed_languages()}

    def translate(self, text: str, source: str, target: str) -> str:
        """The translation of `text`; raises LookupError when no package path exists."""
        if source == target:
            return text
        self._refresh()
        result: str = self._translate(text, source, target, self._stamp)
        return result

    def _translate_uncached(
        self, text: str, source: str, target: str, stamp: tuple[str, ...] | None
    ) -> str:
        translation = self._translation(source, target)
        if translation is None:
            raise LookupError(f"no installed translation from {source} to {target}")
        with self._lock:  # one model call at a time: CTranslate2 already uses the cores
            return str(translation.translate(text))

    def _translation(self, source: str, target: str) -> Any:
        from argostranslate import translate

        self._refresh()
        languages = {language.code: language for language in translate.get_installed_languages()}
        if source not in languages or target not in languages:
            return None
        return languages[source].get_translation(languages[target])

    def _refresh(self) -> None:
        """Re-read the packages when their folder changed (installed by the CLI, say)."""
        _point_at(self.packages_dir)
        stamp = tuple(sorted(p.name for p in self.packages_dir.iterdir() if p.is_dir()))
        if stamp != self._stamp:
            from argostranslate import translate

            _forget_installed(translate)
            self._stamp = stamp
            self._languages = None
