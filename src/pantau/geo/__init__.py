"""Offline geography for pantau: gazetteer, place mentions in Indonesian text, disambiguation."""

from pantau.geo.gazetteer import Gazetteer, Place
from pantau.geo.lexicon import PlaceLexicon
from pantau.geo.places import PlaceMention, dateline_span, find_places
from pantau.geo.resolve import focus_countries, locate, resolve, to_location
from pantau.geo.userdata import import_geonames_dump

__all__ = [
    "Gazetteer",
    "Place",
    "PlaceLexicon",
    "PlaceMention",
    "dateline_span",
    "find_places",
    "focus_countries",
    "import_geonames_dump",
    "locate",
    "resolve",
    "to_location",
]
