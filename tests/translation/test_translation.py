"""Real argostranslate with the tiny it<->en packages built offline (make tiny-packages)."""

import socket
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from service_api.services.translation import Translator
from service_api.translation_packages import check_package

ROOT = Path(__file__).resolve().parents[2]
BUILT = ROOT / "var" / "tiny-argos"
IT_EN = BUILT / "translate-it_en-1_0.argosmodel"
EN_IT = BUILT / "translate-en_it-1_0.argosmodel"


@pytest.fixture(scope="module", autouse=True)
def packages_built():
    if not (BUILT / ".built").exists():
        pytest.fail("the tiny translation packages are missing: run `make tiny-packages`")


def cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "service_api.translation_packages", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"LOTSE_DATA_DIR": str(data_dir), "PATH": "/usr/bin:/bin"},
        timeout=120,
    )


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    """argostranslate's folders are set once per process, so one data dir for the module."""
    return tmp_path_factory.mktemp("lotse-data")


@pytest.fixture(scope="module")
def translator(data_dir) -> Translator:
    return Translator(data_dir)


@pytest.fixture
def installed(data_dir) -> Path:
    assert cli(data_dir, "install", str(IT_EN), str(EN_IT)).returncode == 0
    return data_dir


def held_out(pair: str) -> list[tuple[str, str]]:
    lines = (BUILT / f"{pair}.heldout.tsv").read_text(encoding="utf-8").splitlines()
    return [tuple(line.split("\t")) for line in lines[:40]]  # type: ignore[misc]


def test_unseen_sentences_are_translated_both_ways(installed, translator):
    for pair in ("it_en", "en_it"):
        source, target = pair.split("_")
        for text, expected in held_out(pair):
            assert translator.translate(text, source, target) == expected


def test_nothing_is_fetched_from_the_network(installed, translator, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError(f"network access: {args[:1]}")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)

    text = "Il cavallo alto corre. Un pesce verde dorme."
    assert translator.translate(text, "it", "en") == "The tall horse runs. A green fish sleeps."


def test_languages_are_those_with_a_way_in_and_out(installed, translator):
    assert translator.languages() == {"it"}
    assert translator.can("it", "en") and translator.can("en", "it")
    assert not translator.can("it", "de")
    with pytest.raises(LookupError):
        translator.translate("Il gatto dorme.", "it", "de")


def test_repeated_texts_come_from_the_cache(installed, translator):
    translator.translate("Un gatto dorme.", "it", "en")
    hits = translator._translate.cache_info().hits
    translator.translate("Un gatto dorme.", "it", "en")

    assert translator._translate.cache_info().hits == hits + 1


def test_a_package_installed_later_works_without_a_restart(data_dir, translator):
    cli(data_dir, "remove", "it", "en")
    assert not translator.can("it", "en")

    assert cli(data_dir, "install", str(IT_EN)).returncode == 0

    assert translator.translate("Il gatto dorme.", "it", "en") == "The cat sleeps."
    assert cli(data_dir, "remove", "it", "en").returncode == 0
    assert not translator.can("it", "en")


def test_the_cli_lists_and_refuses_what_it_cannot_use(installed, tmp_path):
    listed = cli(installed, "list")
    no_splitter = tmp_path / "no-splitter.argosmodel"
    with zipfile.ZipFile(no_splitter, "w") as archive:
        archive.writestr("pkg/metadata.json", "{}")

    assert "it -> en  version 1.0" in listed.stdout
    assert "['it']" in listed.stdout
    assert "sentence splitter" in (check_package(no_splitter) or "")
    refused = cli(installed, "install", str(no_splitter))
    assert refused.returncode == 1 and "sentence splitter" in refused.stderr
    assert cli(installed, "install", str(tmp_path / "missing.argosmodel")).returncode != 0
    assert cli(installed, "remove", "xx", "yy").returncode == 1


def test_a_package_installed_later_opens_a_new_path_through_english(installed, translator):
    cli(installed, "remove", "en", "de")
    assert translator.translate("Il gatto dorme.", "it", "en") == "The cat sleeps."
    assert not translator.can("it", "de")

    assert cli(installed, "install", str(BUILT / "translate-en_de-1_0.argosmodel")).returncode == 0

    assert translator.translate("Il gatto dorme.", "it", "de") == "Der Kater schläft."
    assert cli(installed, "remove", "en", "de").returncode == 0
