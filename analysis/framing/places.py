"""Countries by every name the news gives them: names, other spellings, demonyms, capitals.

The list is the ``countryinfo`` package's (250 states and territories, with
their demonyms and capitals), not one typed by hand; ``analysis/data/
country_names.tsv`` adds the forms news uses that it lacks (``U.S.``,
``Britain``, ``Beijing`` for China's government) and removes the ones that are
more often something else (``Chad`` and ``Jordan`` as given names). A place
whose name contains a country's (the South China Sea, North America) is not that
country: names are matched whole, longest first, and ``place_in`` refuses a
match followed by a geographic word (Sea, Seas, Strait) and America after North,
South, Central or Latin.
"""

from __future__ import annotations

import re
from functools import cache

from analysis.datafiles import read_entries

#: Words after a country's name that make it another place (the South China Sea).
GEOGRAPHIC_WORDS = frozenset({"sea", "seas", "strait", "straits", "gulf", "ocean", "peninsula",
                              "river", "basin", "islands", "america", "coast"})  # fmt: skip
#: Words before "America" that make it a continent (North America, Latin America).
CONTINENT_PREFIXES = frozenset({"north", "south", "central", "latin"})
#: Alternative spellings are kept when they look like names (not ISO codes or other scripts).
_NAME_LIKE = re.compile(r"[A-Z][A-Za-z.'’ -]+")


@cache
def _country_table() -> dict[str, str]:
    """Lower-case form -> country name."""
    import countryinfo

    forms: dict[str, str] = {}
    for country in countryinfo.all_countries():
        info = country.info()
        name = info.get("name")
        if not name:
            continue
        spellings = [s for s in info.get("altSpellings") or [] if _NAME_LIKE.fullmatch(s)
                     and len(s) > 3]  # fmt: skip
        for field in (name, info.get("demonym"), info.get("capital"), spellings):
            for form in field if isinstance(field, list) else [field]:
                if isinstance(form, str) and form:
                    forms.setdefault(form.casefold(), name)
    for form, country, action in read_entries("country_names.tsv", 3):
        if action == "remove":
            forms.pop(form.casefold(), None)
        else:
            forms[form.casefold()] = country
    return forms


@cache
def _longest_form() -> int:
    return max(len(form.split()) for form in _country_table())


def place_of(word: str) -> str | None:
    """The country one word names (``Chinese``, ``U.S.``, ``Japan’s``), or None."""
    word = word.replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    return _country_table().get(word.casefold().rstrip(","))


def place_in(text: str) -> str | None:
    """The first country a phrase names (``Chinese foreign ministry spokesperson`` ->
    China; ``Greek Foreign Minister`` -> Greece), or None. A name followed by a
    geographic word (South China Sea) does not count."""
    words = [w.replace("’", "'").removesuffix("'s") for w in re.findall(r"[\w.'’-]+", text)]
    table = _country_table()
    for i in range(len(words)):
        for n in range(min(_longest_form(), len(words) - i), 0, -1):
            form = " ".join(words[i : i + n]).casefold()
            if form in table:
                after = words[i + n].casefold() if i + n < len(words) else ""
                before = words[i - 1].casefold() if i > 0 else ""
                continent = form.startswith("america") and before in CONTINENT_PREFIXES
                if after not in GEOGRAPHIC_WORDS and not continent:
                    return table[form]
                break
    return None
