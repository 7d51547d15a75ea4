"""Manage the machine-translation packages in <LOTSE_DATA_DIR>/argos-packages.

    python -m service_api.translation_packages list
    python -m service_api.translation_packages install FILE_OR_URL [...]
    python -m service_api.translation_packages remove FROM TO

A running service_api picks up changes without a restart. Lotse never
downloads anything by itself: `install URL` is for an operator's machine with
internet access (packages: https://www.argosopentech.com/argospm/index/); on
a closed network, download the .argosmodel files elsewhere and install them
from files. Packages must bundle their sentence splitter (`minisbd/*.onnx`),
or they would try to fetch one on first use; such packages are refused.
"""

import argparse
import os
import sys
import tempfile
import urllib.request
import zipfile
from pathlib import Path

from service_api.settings import REPO_ROOT

SPLITTER = "/minisbd/"


def data_dir() -> Path:
    return Path(os.environ.get("LOTSE_DATA_DIR", REPO_ROOT / "var"))


def check_package(path: Path) -> str | None:
    """Why the file cannot be installed, or None when it can."""
    if not zipfile.is_zipfile(path):
        return "not an argostranslate package (.argosmodel is a zip archive)"
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
    if not any(name.endswith("metadata.json") for name in names):
        return "no metadata.json inside: not an argostranslate package"
    if not any(SPLITTER in name and name.endswith(".onnx") for name in names):
        return (
            "no bundled sentence splitter (minisbd/*.onnx): it would be downloaded on "
            "first use, and Lotse works offline"
        )
    return None


def fetch(source: str, folder: Path) -> Path:
    if source.startswith(("http://", "https://")):
        target = folder / Path(source).name
        urllib.request.urlretrieve(source, target)  # noqa: S310 - an operator's explicit URL
        return target
    return Path(source)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m service_api.translation_packages", description=__doc__.split("\n\n")[0]
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("list", help="the installed packages")
    install = commands.add_parser("install", help="install .argosmodel files or URLs")
    install.add_argument("sources", nargs="+")
    remove = commands.add_parser("remove", help="remove the package FROM -> TO")
    remove.add_argument("source")
    remove.add_argument("target")
    args = parser.parse_args(argv)

    from service_api.services.translation import Translator

    translator = Translator(data_dir())
    from argostranslate import package

    if args.command == "list":
        installed = translator.packages()
        for p in sorted(installed, key=lambda p: (p.source, p.target)):
            print(f"{p.source} -> {p.target}  version {p.version}  {p.path}")
        if not installed:
            print(f"no packages in {translator.packages_dir}")
        print("languages Lotse can serve through translation:", sorted(translator.languages()))
        return 0
    if args.command == "install":
        with tempfile.TemporaryDirectory() as tmp:
            for source in args.sources:
                path = fetch(source, Path(tmp))
                if problem := check_package(path):
                    print(f"{source}: {problem}", file=sys.stderr)
                    return 1
                package.install_from_path(path)
                print(f"installed {path.name}")
        return 0
    for installed_package in package.get_installed_packages():
        if (installed_package.from_code, installed_package.to_code) == (args.source, args.target):
            package.uninstall(installed_package)
            print(f"removed {args.source} -> {args.target}")
            return 0
    print(f"no package {args.source} -> {args.target} is installed", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
