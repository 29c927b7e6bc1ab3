"""The schema of lang/<lang>/text.yaml, which five readers share (boilerplate, sentences, metadata, roles,
claims): read through pantau.lang.schema, once per process, a misspelt key refused with its file and line."""

from __future__ import annotations

from pantau.lang.schema import LangData, Words, load_data


class BoilerplateData(LangData):
    """`boilerplate`: regular expressions of the lines that are no part of the story, by reason."""

    comments: Words
    share: Words
    read_also: Words
    caption: Words
    byline: Words
    source_line: Words


class AttributionData(LangData):
    """`attribution`: the words that cite who reports something."""

    verbs_after: Words
    verbs: Words
    media_nouns: Words
    source_verbs: Words
    source_labels: Words
    list_joins: Words
    preps: Words
    agencies: Words


class TextData(LangData):
    """The schema of lang/<lang>/text.yaml."""

    boilerplate: BoilerplateData
    abbreviations: Words
    final_abbreviations: Words
    attribution: AttributionData
    published_cues: Words
    header_chars: int


def text_data(lang: str) -> TextData:
    """The checked text.yaml of a language."""
    return load_data(lang, "text.yaml", TextData)
