"""The HTTP API of pantau (FastAPI): events, incidents and articles from the store; articles coded on POST."""

from pantau.api.app import ApiLimits, create_api

__all__ = ["ApiLimits", "create_api"]
