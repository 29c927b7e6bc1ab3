"""Progress of a long run: a live line on a terminal, one summary line at the end on a pipe.

Decisions: on a terminal (stderr is a TTY) rich draws articles, events, failures, the rate and, once the
inputs are counted, the ETA; the count (`ingest.count_documents`) runs in a background thread, since
counting rows is a thousand times faster than coding them but still takes a while on a big archive. On a
pipe nothing is drawn: failures are printed as they come (each names its input) and one summary line ends
the run, so logs stay readable. Rejected: tqdm (one more dependency for what rich, already used for
tables, does) and printing a line every N articles (noise in logs)."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, TextIO


@dataclass
class Progress:
    """Counts of a run and how they are shown."""

    out: TextIO = field(default_factory=lambda: sys.stderr)
    live: Any = None  # a rich Progress on a terminal
    task: Any = None
    articles: int = 0
    events: int = 0
    failures: int = 0
    chars: int = 0
    started: float = field(default_factory=time.perf_counter)

    @classmethod
    def for_stderr(cls, count: Callable[[], int | None] | None = None) -> Progress:
        """A Progress drawn live when stderr is a terminal; count: how many documents to expect, if known."""
        return cls.for_stream(sys.stderr, count)

    @classmethod
    def for_stream(cls, stream: TextIO, count: Callable[[], int | None] | None = None) -> Progress:
        """A Progress on stream: drawn live when it is a terminal, else only failures and a summary line."""
        if not stream.isatty():
            return cls(out=stream)
        from rich.console import Console
        from rich.progress import BarColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn
        from rich.progress import Progress as Live

        live = Live(
            TextColumn("{task.completed:,} articles"), BarColumn(),
            TextColumn("{task.fields[events]:,} events, {task.fields[failures]:,} failed"),
            TextColumn("{task.fields[rate]:,.0f} articles/s"), TimeElapsedColumn(), TimeRemainingColumn(),
            # the records go to stdout, often a file or a pipe: rich must not take them over for its display
            console=Console(file=stream, force_terminal=True), transient=False, redirect_stdout=False,
            redirect_stderr=False,
        )
        p = cls(out=stream, live=live, task=live.add_task("coding", total=None, events=0, failures=0, rate=0.0))
        if count is not None:
            threading.Thread(target=lambda: live.update(p.task, total=count()), daemon=True).start()
        return p

    def __enter__(self) -> Progress:
        if self.live is not None:
            self.live.start()
        return self

    def coded(self, events: int, chars: int) -> None:
        """One article coded, with its number of events and characters."""
        self.articles += 1
        self.events += events
        self.chars += chars
        self._draw()

    def failed(self, message: str) -> None:
        """One document that could not be read or coded: its message is printed at once."""
        self.failures += 1
        if self.live is not None:
            self.live.console.print(message, markup=False, highlight=False)
        else:
            print(message, file=self.out)
        self._draw()

    def _draw(self) -> None:
        if self.live is not None:
            rate = self.articles / max(time.perf_counter() - self.started, 1e-9)
            self.live.update(self.task, completed=self.articles + self.failures, events=self.events,
                             failures=self.failures, rate=rate)

    def summary(self) -> str:
        """One line: articles, events, failures, time and rate."""
        dt = time.perf_counter() - self.started
        return (f"pantau: {self.articles:,} articles coded, {self.events:,} events, {self.failures:,} failed "
                f"in {dt:.1f} s ({self.articles / max(dt, 1e-9):.1f} articles/s, "
                f"{self.chars / max(dt, 1e-9) / 1e6:.2f} M chars/s)")

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self.live is not None:
            self.live.stop()
        print(self.summary(), file=self.out)
