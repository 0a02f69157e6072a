"""What a count counts: the noun right after the number must support the catalog unit's noun.

The nouns compare by their singular, by a class of words news uses for one kind of thing (ships and
vessels, jobs and roles, agreements and deals), and by people (a person noun or a demonym is people;
"deaths" or "arrivals" count people too). "326 seats" recorded as `votes` counts another kind of
thing, and says so. Modifiers before the noun are passed over ("343 bilateral agreements", "40,000
12-inch wafers", "30 million of its own shares"). Only a contradiction is reported: where no noun
follows ("a further 400"), or the noun is one no class knows ("12 container giants"), nothing is said.
"""

from __future__ import annotations

import re

from dashboard.text.units import UNCOUNTED_PLURALS, Unit, is_person_noun, singular

_STOPS = frozenset(
    """in on at to from by with for since per over under across between into through during after before
    about against among than as via within without around and or but nor that which who whom whose while
    when where is are was were be been being has have had will would can could may might must shall should
    do does did said says say reported according compared apiece last this next each every""".split()
)
_MODIFIERS = frozenset(
    """new more other additional further extra direct indirect compulsory voluntary used older old young
    total annual active registered postal production full-time part-time foreign local domestic overseas
    international national regional rural urban net gross estimated average median senior junior skilled
    unskilled permanent temporary such its their his her our own the a an more""".split()
)
_DETERMINERS = frozenset("its their his her our the a an this that these those".split())
_PERSON_UNITS = frozenset({"people", "persons", "person", "individuals"})
# What happens to people, counted as people: "killed 2.6 million people" recorded as `deaths`.
_PERSON_EVENTS = frozenset(
    """death fatality casualty victim killing case infection hospitalisation hospitalization admission arrest
    detention deportation birth injury arrival departure crossing vote ballot signature application
    registration enrolment enrollment hire redundancy dismissal layoff displacement return evacuation
    rescue""".split()
)
# Words news uses for one kind of thing, by singular.
_CLASSES: dict[str, str] = {
    word: name
    for name, words in {
        "ship": "ship vessel boat tanker carrier freighter ferry warship submarine",
        "aircraft": "jet aircraft plane fighter warplane airplane airliner bomber",
        "helicopter": "helicopter rotorcraft chopper",
        "vehicle": "car vehicle truck lorry bus van",
        "tank": "tank",
        "home": "home house dwelling property apartment flat housing",
        "job": "job role post position vacancy",
        "company": "company firm business enterprise",
        "country": "country nation state economy",
        "agreement": "agreement deal accord treaty contract pact memorandum document",
        "missile": "missile rocket",
        "share": "share stock",
        "seat": "seat",
        "vote": "vote ballot",
        "goal": "goal",
        "point": "point",
        "medal": "medal gold silver bronze",
        "race": "race",
        "game": "game match fixture",
        "case": "case infection",
        "death": "death fatality",
        "well": "well",
        "school": "school",
        "hospital": "hospital",
        "library": "library",
        "bed": "bed",
        "tonne": "tonne ton",
        "barrel": "barrel",
        "shell": "shell round",
        "container": "container box",
        "cargo": "cargo shipment consignment",
        "payment": "payment transfer transaction remittance",
        "animal": "head cattle sheep pig goat animal livestock cow",
        "project": "project scheme",
        "store": "store shop outlet branch",
        "product": "product item unit",
    }.items()
    for word in words.split()
}
_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def counted_noun(words: str | None) -> str | None:
    """The noun a count's following words name: the first plural (or uncounted plural, or person noun)
    before a stop word, modifiers passed over; None when there is none."""
    if not words:
        return None
    found = _WORD.findall(words)[:6]
    for i, word in enumerate(found):
        low = word.lower()
        if low == "of" and (i + 1 >= len(found) or found[i + 1].lower() not in _DETERMINERS):
            return None  # "seven of them": the noun is elsewhere
        if low in _STOPS:
            return None
        if low in _MODIFIERS or low == "of" or any(c.isdigit() for c in word) or low.endswith(("'s", "’s", "s'", "s’")):
            continue  # "of the county's 38 libraries": a possessive is not what is counted
        if "-" in low and not low.endswith("s"):
            continue
        if low in UNCOUNTED_PLURALS or is_person_noun(word) or (low.endswith("s") and not low.endswith("ss")):
            return str(word)
        if low == "head":
            return str(word)
    return None


def other_noun(unit: Unit, words: str | None, *, strict: bool = False) -> str | None:
    """The noun the quote counts when it contradicts the one `unit` names (else None). `strict`: any other
    noun contradicts, known to a class or not (a curator's own translation names what the unit should)."""
    noun = counted_noun(words)
    if noun is None or unit.noun is None:
        return None
    if noun[0].isupper() and not is_person_noun(noun):
        return None  # a name used as a noun ("six Majors"): which things it names, the text alone cannot tell
    wanted = [singular(w) for w in _WORD.findall(unit.noun)]
    following = [singular(w) for w in _WORD.findall(words or "")[:6]]
    if not wanted or wanted[-1] in following or singular(noun) in wanted:
        return None
    said, asked = singular(noun), wanted[-1]
    if wanted[0] == "head" and said in ("head", "cattle", "sheep", "pig", "goat", "animal"):
        return None
    person_said = is_person_noun(noun)
    person_asked = unit.noun in _PERSON_UNITS or is_person_noun(asked) or asked in _PERSON_EVENTS
    if person_said and person_asked and not (strict and unit.noun not in _PERSON_UNITS):
        return None  # "300 guides" are people; but a translation's "teachers" are no `students`
    class_said, class_asked = _CLASSES.get(said), _CLASSES.get(asked)
    if class_said is not None and class_said == class_asked:
        return None
    known_said = class_said is not None or person_said
    known_asked = class_asked is not None or person_asked
    if strict and not ((unit.noun in _PERSON_UNITS or is_person_noun(asked)) and not known_said):
        return noun  # but "specialists" may well be the `people` asked for
    return noun if known_said and known_asked else None
