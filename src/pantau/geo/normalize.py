"""Name keys shared by the index builder and the matcher: one normalisation, used on both sides.

The words of a name are found by pantau.text.tokens (`NAME_TOKEN`, `name_tokens`), the one tokeniser; this
module folds them (case, diacritics, apostrophes, transliteration variants)."""

from __future__ import annotations

import unicodedata
from functools import partial

import regex

from pantau.text.tokens import NAME_TOKEN, Token, name_tokens

# The words of one name are joined by spaces or hyphens only (never across commas, full stops or line breaks).
JOIN_RE = regex.compile(r"[ \t\u00a0]*[-‐‑–][ \t\u00a0]*|[ \t\u00a0]+")
_APOSTROPHES = str.maketrans("", "", "'’`ʼ‘ʻʿʾ")
_MARKS = str.maketrans("", "", "‘’ʻʿʾ")
_SPECIAL_CASED = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D"})
_SPECIAL = str.maketrans(
    {"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "ß": "ss", "æ": "ae", "œ": "oe"}
)

# Loose keys: Arabic transliteration variants folded together (Deir ez-Zor, Dayr az Zawr, Deir al-Zour).
# The article words themselves ("al", "ez", ...) come from lang/<lang>/places.yaml.
_LOOSE_SUBS = (
    ("sy", "sh"),
    ("ou", "u"),
    ("oo", "u"),
    ("aw", "u"),
    ("ee", "i"),
    ("ie", "i"),
    ("iy", "i"),
    ("ei", "ai"),
    ("ay", "ai"),
    ("ey", "ai"),
    ("q", "k"),
    ("o", "u"),
    ("e", "a"),
)


def fold(text: str) -> str:
    """Casefold and strip diacritics and apostrophes ("Ḩamāh" -> "hamah", "Ma'rib" -> "marib")."""
    if text.isascii():
        low = text.lower()
        return low.translate(_APOSTROPHES) if "'" in low or "`" in low else low
    text = unicodedata.normalize("NFKD", text.casefold().translate(_SPECIAL))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).translate(_APOSTROPHES)


def plain(name: str) -> str:
    """A display name without diacritics or Arabic ayn/hamza marks, case kept ("Ālbū Kamāl" -> "Albu Kamal")."""
    if name.isascii():
        return name
    text = unicodedata.normalize("NFKD", name.translate(_SPECIAL_CASED))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).translate(_MARKS)


def name_key(name: str) -> str:
    """Normalised key of a name: folded tokens joined by single spaces ("Deir ez-Zor" -> "deir ez zor")."""
    return " ".join(fold(m.group()) for m in NAME_TOKEN.finditer(name))


def loose_key(key: str, articles: frozenset[str]) -> str:
    """A fuzzier key for Arabic-transliterated names: articles dropped, vowels and doubled letters folded."""
    out = []
    for tok in key.split():
        if tok in articles:
            continue
        for a, b in _LOOSE_SUBS:
            tok = tok.replace(a, b)
        squeezed = [c for i, c in enumerate(tok) if i == 0 or c != tok[i - 1]]
        tok = "".join(squeezed)
        if len(tok) > 3 and tok.endswith("ah"):
            tok = tok[:-1]
        if len(tok) > 3 and tok.endswith("h") and tok[-2] in "aiu":
            tok = tok[:-1]
        out.append(tok)
    return " ".join(out)


def is_latin(name: str) -> bool:
    """True when every letter of the name is Latin script."""
    return all(unicodedata.name(ch, "").startswith("LATIN") for ch in name if ch.isalpha())


# tokens(text, start, end): the words of names in text[start:end] with offsets into text, each with its folded
# key (fold) as its low; a partial, not a wrapper function, as the place finder calls it per window
tokens = partial(name_tokens, fold=fold)


def joined(text: str, left: Token, right: Token) -> bool:
    """True when two consecutive tokens may belong to one name (only spaces or a hyphen between)."""
    gap = text[left.end : right.start]
    return gap == " " or (bool(gap) and JOIN_RE.fullmatch(gap) is not None)

