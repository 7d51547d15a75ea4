"""Resident memory of each running Lotse process (read from /proc), e.g. under `make run`.

.venv/bin/python -m bench.memory
"""

from pathlib import Path

KINDS = [
    ("rasa run actions", "action server"),
    ("rasa run", "Rasa server"),
    ("service_api.app:create_app", "service_api"),
    ("telegram_bridge", "Telegram bridge"),
    ("haproxy", "HAProxy"),
]


def processes() -> list[tuple[str, int, float]]:
    """(kind, pid, resident MiB) of every Lotse process."""
    found = []
    for folder in Path("/proc").iterdir():
        if not folder.name.isdigit():
            continue
        try:
            command = (folder / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            status = (folder / "status").read_text()
        except OSError:
            continue
        kind = next((name for needle, name in KINDS if needle in command), None)
        if kind is None or "bench.memory" in command or command.startswith(("/bin/sh", "sh ")):
            continue
        rss = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS"))
        found.append((kind, int(folder.name), rss / 1024))
    return sorted(found)


def main() -> None:
    print(f"{'process':<18}{'pid':>8}{'RSS MiB':>10}")
    for kind, pid, mib in processes():
        print(f"{kind:<18}{pid:>8}{mib:>10.0f}")


if __name__ == "__main__":
    main()
