"""Name keys shared by the index builder and the matcher: one normalisation, used on both sides."""

from __future__ import annotations

import unicodedata

import regex

from pantau.text.tokens import Token

# A token: letters/digits, with inner apostrophes kept ("Ma'rib"); tokens of one name are joined
# by spaces or hyphens only (never across commas, full stops or line breaks).
TOKEN_RE = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:['’`ʼ‘][\p{L}\p{M}\p{N}]+)*")
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
    return " ".join(fold(m.group()) for m in TOKEN_RE.finditer(name))


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


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The words of text[start:end] with offsets into text, each with its folded key (fold) as its low."""
    stop = len(text) if end is None else end
    out: list[Token] = []
    append, new = out.append, tuple.__new__  # Token(...) by one C call: see text.tokens
    for m in TOKEN_RE.finditer(text, start, stop):
        word = m.group()
        if word.isascii() and "'" not in word and "`" not in word:  # fold() of a plain ASCII word: its lower case
            key = word if word.islower() else word.lower()
        else:
            key = fold(word)
        s, e = m.span()
        append(new(Token, (s, e, word, key)))
    return out


def joined(text: str, left: Token, right: Token) -> bool:
    """True when two consecutive tokens may belong to one name (only spaces or a hyphen between)."""
    gap = text[left.end : right.start]
    return gap == " " or (bool(gap) and JOIN_RE.fullmatch(gap) is not None)

