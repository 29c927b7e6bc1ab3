"""Progress: live counts on a terminal, nothing but failures and one summary line on a pipe."""

from __future__ import annotations

import io
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pantau.progress import Progress

DATA = Path(__file__).parent / "data"


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_pipe_gets_failures_and_one_summary_line() -> None:
    out = subprocess.run([sys.executable, "-m", "pantau.cli.main", "extract", str(DATA / "corpus.jsonl")],
                         capture_output=True, text=True, check=False)
    lines = out.stderr.splitlines()
    assert lines[:2] == ["pantau: corpus.jsonl:5: row has an empty 'text'",
                         "pantau: corpus.jsonl:6: row has no 'text' field"]
    assert len(lines) == 3
    assert lines[2].startswith("pantau: 4 articles coded, ") and " 2 failed in " in lines[2]
    assert "articles/s" in lines[2]


def test_terminal_shows_articles_events_failures_rate_and_eta(capsys: pytest.CaptureFixture[str]) -> None:
    screen = Terminal()
    with Progress.for_stream(screen, count=lambda: 10) as p:
        print('{"event_id": "x"}')  # a record on stdout stays there, whatever the display does
        time.sleep(0.05)  # the count arrives from its thread
        for _ in range(4):
            p.coded(events=2, chars=1000)
        p.failed("pantau: x.jsonl:3: not JSON")
        p.live.refresh()
        assert p.live.tasks[0].total == 10  # the count gives the ETA column its end
    shown = screen.getvalue()
    assert capsys.readouterr().out == '{"event_id": "x"}\n'
    assert "event_id" not in shown
    assert "5 articles" in shown and "8 events, 1 failed" in shown and "articles/s" in shown
    assert "pantau: x.jsonl:3: not JSON" in shown
    assert "-:--:--" in shown or "0:00:0" in shown  # the time columns (elapsed, remaining)
    assert "pantau: 4 articles coded, 8 events, 1 failed" in shown.rstrip().splitlines()[-1]


def test_pipe_stream_draws_nothing_live() -> None:
    stream = io.StringIO()
    with Progress.for_stream(stream) as p:
        p.coded(events=1, chars=10)
    assert p.live is None
    assert stream.getvalue().count("\n") == 1
