"""Numbers from digits and Indonesian number words ("seratus dua puluh", "dua lusin", "puluhan")."""

from __future__ import annotations

from dataclasses import dataclass, field

from pantau.lang.schema import LangData, load_data
from pantau.model import Quantity, Span
from pantau.text.tokens import Token


@dataclass(frozen=True)
class NumberLexicon:
    """Number words of one language, by role."""

    units: dict[str, int]
    teens: dict[str, int]
    teen_suffix: str
    multipliers: dict[str, int]
    prefixed: dict[str, int]
    lusin: str
    lusin_value: int
    vague: dict[str, int]
    digit_scales: dict[str, int]
    thousands: str
    decimal: str
    fractions: dict[str, float] = field(default_factory=dict)
    words: frozenset[str] = field(init=False, repr=False, compare=False)  # every word of a spelled-out number

    def __post_init__(self) -> None:
        """Gather the words is_number_word accepts."""
        words = {*self.units, *self.teens, self.teen_suffix, *self.multipliers, *self.prefixed, self.lusin,
                 *self.fractions}
        object.__setattr__(self, "words", frozenset(words))

    @classmethod
    def load(cls, lang: str = "id") -> NumberLexicon:
        """Load the number words of a language."""
        d = load_data(lang, "numbers.yaml", NumbersData)
        return cls(
            units=dict(d.units),
            teens=dict(d.teens),
            teen_suffix=d.teen_suffix,
            multipliers=dict(d.multipliers),
            prefixed=dict(d.prefixed),
            lusin=d.lusin,
            lusin_value=d.lusin_value,
            vague=dict(d.vague),
            digit_scales=dict(d.digit_scales),
            thousands=d.thousands_separator,
            decimal=d.decimal_separator,
            fractions=dict(d.fractions),
        )

    def is_number_word(self, word: str) -> bool:
        """True when the word can be part of a spelled-out number."""
        return word in self.words


class NumbersData(LangData):
    """The schema of lang/<lang>/numbers.yaml."""

    units: dict[str, int]
    teens: dict[str, int]
    teen_suffix: str
    multipliers: dict[str, int]
    prefixed: dict[str, int]
    fractions: dict[str, float]
    lusin: str
    lusin_value: int
    vague: dict[str, int]
    thousands_separator: str
    decimal_separator: str
    digit_scales: dict[str, int]


_MAX_DIGITS = 20  # "1.000.000.000.000" has 17 characters


def parse_digits(text: str, lex: NumberLexicon) -> float | None:
    """Read '1.200', '27', '1,5' as a number; None for dates and times like '08/02' or '15:02'.

    None too for a run of more digits than a float holds exactly (an ID, a phone number, noise): thousands
    of digits would otherwise make an infinite float, which no count can be.
    """
    if "/" in text or ":" in text or len(text) > _MAX_DIGITS:
        return None
    if lex.thousands in text:
        groups = text.split(lex.thousands)
        if all(len(g) == 3 and _digits(g) for g in groups[1:]) and _digits(groups[0]) and lex.decimal not in text:
            return float("".join(groups))
        return None
    if lex.decimal in text:
        whole, _, frac = text.partition(lex.decimal)
        return float(f"{whole}.{frac}") if _digits(whole) and _digits(frac) else None
    return float(text) if _digits(text) else None


def _digits(text: str) -> bool:
    """True for ASCII digits only: str.isdigit() also accepts "²", which float() refuses."""
    return text.isascii() and text.isdigit()


def _parse_words(words: list[str], lex: NumberLexicon) -> int | None:
    """Value of a run of number words: 'seratus dua puluh' -> 120, 'dua lusin' -> 24."""
    total = small = cur = 0
    frac = 0.0  # "setengah": a fraction waiting for its multiplier
    seen = False
    for w in words:
        if w in lex.fractions:
            frac = lex.fractions[w]
        elif w in lex.units:
            if cur:
                return None  # "dua tiga" is not one number
            cur = lex.units[w]
        elif w in lex.teens:
            small += lex.teens[w]
        elif w == lex.teen_suffix:
            small += 10 + cur
            cur = 0
        elif w in lex.prefixed:
            value = lex.prefixed[w]
            if value >= 1000:
                total += value
            else:
                small += value
        elif w == lex.lusin:
            small += (cur or 1) * lex.lusin_value
            cur = 0
        elif w in lex.multipliers:
            m = lex.multipliers[w]
            if m >= 1000:
                total += round((small + cur + frac or 1) * m)
                small = cur = 0
            else:
                small += round((cur + frac or 1) * m)
                cur = 0
            frac = 0.0
        else:
            return None
        seen = True
    if frac:
        return None  # a fraction with nothing to take it of ("setengah" alone) is no count
    return total + small + cur if seen else None


def find_quantities(toks: list[Token], lex: NumberLexicon, text: str) -> list[Quantity]:
    """Every number in a token list, as digits, number words or vague quantities."""
    out: list[Quantity] = []
    i = 0
    n = len(toks)
    words, vague = lex.words, lex.vague
    while i < n:
        t = toks[i]
        if t.low not in words and t.low not in vague and not t.text[:1].isdigit():
            i += 1  # the common case: not a number at all
            continue
        if t.text[:1].isdigit():
            value = parse_digits(t.text, lex)
            if value is not None:
                end = t.end
                if i + 1 < n and toks[i + 1].low in lex.digit_scales:
                    value *= lex.digit_scales[toks[i + 1].low]
                    end = toks[i + 1].end
                    i += 1
                out.append(Quantity(Span(t.start, end, text[t.start : end]), int(value)))
            i += 1
            continue
        if t.low in lex.vague:
            value = lex.vague[t.low]
            end = t.end
            # "puluhan ribu", "ratusan juta": scale the conventional figure
            if i + 1 < n and toks[i + 1].low in lex.multipliers and lex.multipliers[toks[i + 1].low] >= 1000:
                value *= lex.multipliers[toks[i + 1].low]
                end = toks[i + 1].end
                i += 1
            out.append(Quantity(Span(t.start, end, text[t.start : end]), value, vague=True))
            i += 1
            continue
        if lex.is_number_word(t.low) and t.low != lex.teen_suffix and t.low not in lex.multipliers:
            j = i
            while j < n and toks[j].low in words:
                j += 1
            # take the longest prefix of the run that parses
            while j > i:
                value_w = _parse_words([x.low for x in toks[i:j]], lex)
                if value_w is not None:
                    break
                j -= 1
            if j > i and value_w is not None:
                out.append(Quantity(Span(t.start, toks[j - 1].end, text[t.start : toks[j - 1].end]), value_w))
                i = j
                continue
        i += 1
    return out
