"""Ports for servers the tests start (works in both Python environments).

A port the kernel hands out for bind(0) comes from the ephemeral range, the
same range outgoing connections (to PostgreSQL, Redis, the other servers)
take their local ports from; between choosing a port and a server binding it,
such a connection may take it, and the server exits with "address in use".
So ports are drawn below the ephemeral range, each only once per process.
"""

import random
import socket
from pathlib import Path

_handed_out: set[int] = set()


def _below_ephemeral() -> range:
    try:
        low = int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        low = 32768
    return range(max(low - 12000, 1024), low)


def free_port() -> int:
    candidates = _below_ephemeral()
    if not candidates:  # an unusual range: let the kernel choose
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            return int(sock.getsockname()[1])
    for _ in range(200):
        port = random.choice(candidates)
        if port in _handed_out:
            continue
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
        _handed_out.add(port)
        return port
    raise RuntimeError(f"no free port in {candidates}")
