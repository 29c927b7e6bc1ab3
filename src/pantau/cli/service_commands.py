"""The service's commands: `pantau serve` (API and map page) and `pantau token create/revoke/list`.

Kept apart from cli/main.py like the store's commands, so the service changes without touching the coders'.
"""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from pantau.cli.store_commands import DbOption, open_store

token_app = typer.Typer(no_args_is_help=True, help="API tokens for POST /articles of pantau serve.")


def _coder_factory(reference_date: str | None) -> Any:
    """Build the pipeline coder on first use (loading the lexicons takes seconds; a reader never needs them)."""

    def build() -> Any:
        from pantau.cli.store_commands import _coder

        return _coder(reference_date)

    return build


def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on")] = 8000,
    reference_date: Annotated[str | None, typer.Option(help="YYYY-MM-DD for posted articles without a date")] = None,
    writes_per_minute: Annotated[float, typer.Option(help="POSTs one API token may make a minute")] = 600.0,
    write_burst: Annotated[int, typer.Option(help="POSTs one API token may make at once")] = 60,
) -> None:
    """Serve the API and the map page of the store (Ctrl-C stops it)."""
    import uvicorn

    from pantau.api.app import ApiLimits
    from pantau.web.server import create_app

    store = open_store(db)
    limits = ApiLimits(writes_per_minute=writes_per_minute, write_burst=write_burst)
    app = create_app(store, _coder_factory(reference_date), limits)
    shown = f"[{host}]" if ":" in host else host
    print(f"pantau: serving {store.incidents_count()} incidents at http://{shown}:{port}/ "
          f"(API docs at http://{shown}:{port}/docs); Ctrl-C stops it", flush=True)
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning")
    finally:
        store.close()


@token_app.command("create")
def token_create(name: Annotated[str, typer.Argument(help="Who the token is for")], db: DbOption = None) -> None:
    """Make an API token and print it once (only its digest is stored)."""
    from pantau.store.db import StoreError  # here, not at the top: SQLAlchemy costs 0.4 s of every start-up
    from pantau.store.tokens import create_token

    with open_store(db) as store:
        try:
            token = create_token(store, name)
        except StoreError as exc:
            print(f"pantau: {exc}", file=sys.stderr)
            raise typer.Exit(1) from exc
    print(token)
    print(f"pantau: token for {name!r} created; it is shown only now (send it as Authorization: Bearer TOKEN)",
          file=sys.stderr)


@token_app.command("revoke")
def token_revoke(name: Annotated[str, typer.Argument(help="The name the token was made for")],
                 db: DbOption = None) -> None:
    """Revoke every live token made for NAME."""
    from pantau.store.tokens import revoke_token

    with open_store(db) as store:
        n = revoke_token(store, name)
    if n == 0:
        print(f"pantau: no live token named {name!r}", file=sys.stderr)
        raise typer.Exit(1)
    print(f"{n} token(s) for {name!r} revoked")


@token_app.command("list")
def token_list(db: DbOption = None) -> None:
    """The tokens' names and when each was made or revoked."""
    from pantau.store.tokens import list_tokens

    with open_store(db) as store:
        for t in list_tokens(store):
            state = f"revoked {t['revoked_at']:%Y-%m-%d %H:%M}" if t["revoked_at"] else "live"
            print(f"{t['name']}\tcreated {t['created_at']:%Y-%m-%d %H:%M}\t{state}")


def register(app: typer.Typer) -> None:
    """Add the service's commands to the pantau command."""
    app.command()(serve)
    app.add_typer(token_app, name="token")
