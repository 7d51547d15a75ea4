"""The command line every evaluation report shares: print it, and write it with --out."""

import argparse
from collections.abc import Callable
from pathlib import Path


def report_main(report: Callable[[], str], description: str) -> None:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--out", type=Path, help="write the report here as well")
    args = parser.parse_args()
    text = report()
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
