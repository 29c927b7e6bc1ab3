"""The service's commands: `pantau token create/revoke/list` and `pantau serve` as a real process."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from pantau.cli.main import app
from pantau.store.db import Store
from pantau.store.tokens import TokenState, check_token


def test_token_create_list_revoke(db_url: str) -> None:
    runner = CliRunner()
    made = runner.invoke(app, ["token", "create", "newsroom", "--db", db_url])
    assert made.exit_code == 0, made.output
    token = made.stdout.strip().splitlines()[0]
    assert token.startswith("pantau_") and len(token) > 40
    with Store.open(db_url) as store:
        assert check_token(store, token) == (TokenState.VALID, "newsroom")
    listed = runner.invoke(app, ["token", "list", "--db", db_url])
    assert "newsroom" in listed.stdout and "live" in listed.stdout and token not in listed.stdout
    gone = runner.invoke(app, ["token", "revoke", "newsroom", "--db", db_url])
    assert gone.exit_code == 0 and "1 token(s)" in gone.stdout
    with Store.open(db_url) as store:
        assert check_token(store, token)[0] is TokenState.REVOKED
    again = runner.invoke(app, ["token", "revoke", "newsroom", "--db", db_url])
    assert again.exit_code == 1 and "no live token" in again.output


@pytest.mark.parametrize("name", ["", " ", "x" * 129])
def test_token_names_are_checked(tmp_path: Path, name: str) -> None:
    r = CliRunner().invoke(app, ["token", "create", name, "--db", str(tmp_path / "t.db")])
    assert r.exit_code == 1 and "token name" in r.output


def test_serve_answers_until_stopped(tmp_path: Path) -> None:
    from test_web import free_port

    port = free_port()
    exe = Path(sys.executable).with_name("pantau")
    proc = subprocess.Popen([str(exe), "serve", "--db", str(tmp_path / "s.db"), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/events", params={"total": "true"}, timeout=2)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.2)
        assert r.status_code == 200 and r.json()["total"] == 0
        assert httpx.get(f"http://127.0.0.1:{port}/").status_code == 200
    finally:
        proc.terminate()
        out, _err = proc.communicate(timeout=20)
    assert f"http://127.0.0.1:{port}/" in out
