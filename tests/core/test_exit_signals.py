"""SIGTERM and SIGHUP ask the app to exit as `q` does (status 143 and 129); after SIGHUP the output is
detached from the closed terminal before anything else runs. Run in a child process with a stand-in app."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SIGNAL_PROBE = """
import asyncio, json, os, signal, sys
from newsreader.ui.signals import exit_on_signals

calls = []

class App:
    def exit(self, result=None, return_code=0):
        calls.append(return_code)

async def main(sig):
    exit_on_signals(App())
    os.kill(os.getpid(), sig)
    for _ in range(100):  # a few loop turns: the exit is scheduled on the loop
        await asyncio.sleep(0)
        if calls:
            break
    with open(sys.argv[1], "w") as fh:
        json.dump({"calls": calls, "stdout": os.readlink("/proc/self/fd/1")}, fh)

asyncio.run(main(getattr(signal, sys.argv[2])))
if sys.argv[2] == "SIGHUP":
    os.kill(os.getpid(), signal.SIGHUP)  # after the App's loop is closed: the default action again
"""


@pytest.mark.parametrize(("name", "status"), [("SIGTERM", 143), ("SIGHUP", 129)])
def test_exit_signals_ask_the_app_to_exit(tmp_path: Path, name: str, status: int) -> None:
    result = tmp_path / "result.json"
    out = subprocess.run([sys.executable, "-c", SIGNAL_PROBE, str(result), name], capture_output=True, text=True,
                         timeout=60, stdin=subprocess.DEVNULL)
    seen = json.loads(result.read_text())
    assert seen["calls"] == [status]
    if name == "SIGHUP":  # detached from the (closed) terminal before anything else runs
        assert seen["stdout"] == "/dev/null" and out.returncode == -1
    else:
        assert seen["stdout"] != "/dev/null" and out.returncode == 0
