"""Wait until /healthz is ready, print where Lotse is, then stay out of the way."""

import os
import signal
import sys
import time
import urllib.error
import urllib.request

TIMEOUT_S = 300


def main() -> None:
    base = f"http://localhost:{os.environ.get('LOTSE_API_PORT', '8000')}"
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=2) as response:
                if response.status == 200:
                    break
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(1)
    else:
        print(f"Lotse is not ready after {TIMEOUT_S} s; see the logs above.", file=sys.stderr)
        sys.exit(1)
    print(
        "\nLotse is ready:\n"
        f"  chat page      {base}/\n"
        f"  chat API       POST {base}/api/v1/chat\n"
        f"  review inbox   {base}/inbox\n"
        f"  dashboard      {base}/dashboard  (sign in with LOTSE_ADMIN_TOKEN from var/lotse.env)\n"
        f"  API docs       {base}/docs\n"
        f"  health         {base}/healthz\n"
        "Press Ctrl-C to stop everything.\n",
        flush=True,
    )
    signal.pause()


if __name__ == "__main__":
    main()
