"""Read quantities and dates in Spanish news text, with Spanish conventions.

Numbers: a decimal comma and a thousands point ("1.500" is 1500, "1,5" is 1.5, "1.500.000"), thousands
split by a space, a no-break or a thin space ("1 850"); a point followed by one or two digits can only be
a decimal ("1.5 millones", as in Mexico). Four digits alone are written without a separator, so "2024"
is a year and "1850 toneladas" a count. Scales: "mil", "millón/millones", "mil millones" and "millardo"
(10^9), "billón/billones" (10^12, never the English billion), "mill.", "M", "MM", "mdd" (millones de
dólares). Numbers in words ("treinta y cinco", "doscientos", "dos mil", "medio millón", "un millón y
medio"), proportions in words ("la mitad", "un tercio", "dos tercios", "una cuarta parte") as percent,
multipliers ("el doble", "se triplicó", "tres veces más"), ordinals ("80.º", "3.er", "80 aniversario",
"tercer", "octogésimo"), durations ("diez años"), years, year ranges ("entre 2005 y 2013", "2025-2026"),
decades ("los años noventa") and dates ("8 de mayo de 2025", "julio de 2024", "el pasado noviembre",
"el año pasado", "14.02.2025" day first).

Hedges are read in Spanish and recorded as the English phrases of hedges.HEDGE_GROUPS ("más de" is
"more than", "unos" is "some", "ronda" is "around", "no llega al" is "under"). "hasta" is "up to" on its
own, but not inside a range ("de 40 hasta 55 millones") nor right after a verb of change ("subió hasta
46 %": "to"). "apenas" means "only" and is no hedge.

Numbers that are not quantities are no mentions: times of day ("a las 10:30"), telephone numbers, labels
("artículo 5", "Decreto N.º 4.512", "calle 5"), codes and model names ("Su-30MK2", "COVID-19").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from dashboard.text.dates import DateExpr
from dashboard.text.quantity import Mention
from dashboard.text.units import CURRENCY_SIGNS, ISO_CODES, MEASURES, Measure

# ------------------------------------------------------------------------------------- module constants

ABBREVIATIONS = frozenset(
    """EE.UU. EE. UU. Sr. Sra. Srta. Dr. Dra. Lic. Ing. Prof. Gral. Cnel. Tte. Cap. Sto. Sta. Bs. Bs.S. Bs.D.
    N.º Nº. No. núm. Núm. art. Art. arts. pág. págs. cap. vol. av. Av. avda. Avda. apto. mill. mll. aprox.
    etc. p.ej. ej. ss. tel. Tel. dpto. Dpto. Cía. S.A. C.A. Ltda. a.m. p.m. a.C. d.C. op. cit. pp. p.p. ud.
    uds. Ud. Uds. km. kg. min. máx. mín. ene. feb. mar. abr. may. jun. jul. ago. sept. sep. oct. nov. dic.""".split()
)
"""Abbreviations whose point does not end a sentence."""
SINCE = re.compile(r"(?i)\b(?:desde|a\s+partir\s+de(?:l)?|a\s+contar\s+de(?:l)?|contados?\s+desde)\s+(?:el\s+)?\Z")
"""Words right before a date that make it the start of a period running on ("desde 2006")."""
UNTIL = re.compile(r"(?i)\b(?:hasta|antes\s+de(?:l)?|para|a\s+más\s+tardar|a\s+finales\s+de(?:l)?)\s+(?:el\s+)?\Z")
"""Words right before a date that make it the end of a period ("hasta 2030", "antes de julio")."""
PRESENT = re.compile(r"(?i)\b(?:actualmente|hoy(?:\s+en\s+día)?|en\s+la\s+actualidad|ahora|hasta\s+la\s+fecha|"
                     r"a\s+día\s+de\s+hoy|al\s+presente)\b")  # fmt: skip
"""Words that date a figure at the time of writing."""
FUTURE = re.compile(
    r"(?i)\b(?:prevé|prevén|preveía|previsto|prevista|previstos|previstas|planea|planean|planeado|proyecta|"
    r"proyectan|proyectado|se\s+espera|se\s+esperan|espera|esperan|aspira|aspiran|pretende|pretenden|"
    r"meta|objetivo|próxim[oa]s?|para\s+(?:19|20)\d\d|confía|confían|confiaba|programad[oa]s?|"
    r"[a-záéíóúñ]{2,}(?:rá|rán))\b"
)
"""Markers of a plan or a forecast: a clause that looks ahead ("prevé", "se espera", "para 2030",
future verbs in -rá/-rán)."""
BETWEEN = re.compile(r"(?i)\b(?:entre|de|desde)\s+(?:el\s+|la\s+)?\Z")
"""Words right before the first of two dates joined into one span ("entre 2020 y 2022", "de enero a mayo")."""
JOINED = re.compile(r"(?i)[^\S\n]*(?:-|–|—|y|a|al|hasta(?:\s+el)?)[^\S\n]*")
"""What joins two dates into one span ("y", "a", "hasta", a dash)."""
COMPARED = re.compile(
    r"(?i)\b(?:frente\s+al?|comparad[oa]s?\s+con|en\s+comparación\s+con|respecto\s+(?:a|de)l?|contra)\s+"
    r"(?:(?:los|las|el|la|unos|unas|más\s+de|menos\s+de|casi|cerca\s+de|apenas|solo|sólo)\s+){0,3}(?:US\$|\$|€)?\s*\Z"
)
"""Words right before a figure that make it the one compared with ("frente a 31 millones"): its own time dates it."""
COMPARISON = re.compile(
    r"(?i)\b(?:frente\s+al?|comparad[oa]s?\s+con|en\s+comparación\s+con|respecto\s+(?:a|de)l?|contra|"
    r"(?:más|menos|mayor|menor|superior|inferior|doble|triple|mitad)\s+que)\b"
    r"(?:[^.;:]|\.\d){0,60}\Z"
)
"""Words before a date that make it the time of the figure compared with ("frente a … en 2022", "más que en 2023")."""
AGO = re.compile(
    r"(?i)\bhace\s+(?:(?P<count>\d{1,2}|un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez)\s+)?"
    r"(?P<unit>años?|décadas?)\b"
)
"""A time counted back from the writing ("hace dos años", "hace una década")."""
AGO_WORDS = {"un": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8,
             "nueve": 9, "diez": 10}  # fmt: skip
UNRESOLVED = re.compile(
    r"(?i)\b(?:el\s+año\s+anterior|el\s+mismo\s+per[ií]odo(?!\s+del?\s+(?:año\s+)?(?:19|20)\d\d)|interanual(?:es)?|en\s+lo\s+que\s+va\s+(?:de|del)\s+"
    r"(?:año|mes|semestre|trimestre)|recientemente|reciente|un\s+año\s+antes|un\s+año\s+atrás|hace\s+un\s+año|"
    r"la\s+década\s+pasada|el\s+último\s+año|los\s+últimos\s+\w+\s+años|ese\s+año|aquel\s+año|ese\s+mes|"
    r"entonces|semestre|trimestre|hasta\s+la\s+fecha)\b"
)
"""Time words the reader does not resolve to a date: the validator cannot check a period against them."""

# ------------------------------------------------------------------------------------------------ lexicon

ONES: dict[str, int] = {
    "cero": 0, "un": 1, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
    "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15,
    "dieciséis": 16, "dieciseis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20,
    "veintiún": 21, "veintiuno": 21, "veintiuna": 21, "veintidós": 22, "veintidos": 22, "veintitrés": 23,
    "veintitres": 23, "veinticuatro": 24, "veinticinco": 25, "veintiséis": 26, "veintiseis": 26,
    "veintisiete": 27, "veintiocho": 28, "veintinueve": 29,
}  # fmt: skip
TENS = {"treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80, "noventa": 90}
HUNDREDS = {
    "cien": 100, "ciento": 100, "doscientos": 200, "doscientas": 200, "trescientos": 300, "trescientas": 300,
    "cuatrocientos": 400, "cuatrocientas": 400, "quinientos": 500, "quinientas": 500, "seiscientos": 600,
    "seiscientas": 600, "setecientos": 700, "setecientas": 700, "ochocientos": 800, "ochocientas": 800,
    "novecientos": 900, "novecientas": 900,
}  # fmt: skip
SCALE_WORDS = {"mil": 10**3, "millón": 10**6, "millon": 10**6, "millones": 10**6, "millardo": 10**9,
               "millardos": 10**9, "billón": 10**12, "billon": 10**12, "billones": 10**12}  # fmt: skip
ORDINAL_WORDS = {
    "primer": 1, "primero": 1, "primera": 1, "segundo": 2, "segunda": 2, "tercer": 3, "tercero": 3, "tercera": 3,
    "cuarto": 4, "cuarta": 4, "quinto": 5, "quinta": 5, "sexto": 6, "sexta": 6, "séptimo": 7, "séptima": 7,
    "octavo": 8, "octava": 8, "noveno": 9, "novena": 9, "décimo": 10, "décima": 10, "undécimo": 11,
    "undécima": 11, "duodécimo": 12, "duodécima": 12, "vigésimo": 20, "vigésima": 20, "trigésimo": 30,
    "trigésima": 30, "cuadragésimo": 40, "cuadragésima": 40, "quincuagésimo": 50, "quincuagésima": 50,
    "sexagésimo": 60, "sexagésima": 60, "septuagésimo": 70, "septuagésima": 70, "octogésimo": 80,
    "octogésima": 80, "nonagésimo": 90, "nonagésima": 90, "centésimo": 100, "centésima": 100,
}  # fmt: skip
# Denominators of proportions in words: "un tercio", "dos tercios", "una cuarta parte", "tres quintos".
FRACTION_NOUNS = {"tercio": 3, "tercios": 3, "cuarto": 4, "cuartos": 4, "quinto": 5, "quintos": 5}
FRACTION_PARTS = {"tercera": 3, "terceras": 3, "cuarta": 4, "cuartas": 4, "quinta": 5, "quintas": 5, "sexta": 6,
                  "sextas": 6, "décima": 10, "décimas": 10}  # fmt: skip
MULTIPLIER_NOUNS = {"doble": 2, "triple": 3, "cuádruple": 4, "cuádruplo": 4, "quíntuple": 5}
MULTIPLIER_VERBS = re.compile(
    r"(?i)(?:se\s+)?(?P<verb>(?P<root>duplic|triplic|cuadruplic|quintuplic)(?:ó|aron|a|an|ar|ará|arán|ado|ada|"
    r"ados|adas|ando|aba|aban))\b"
)
_VERB_FACTOR = {"duplic": 2, "triplic": 3, "cuadruplic": 4, "quintuplic": 5}
MONTHS = {
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
    "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
}  # fmt: skip
TIME_UNITS = {"año": "years", "años": "years", "mes": "months", "meses": "months", "semana": "weeks",
              "semanas": "weeks", "día": "days", "días": "days", "dia": "days", "dias": "days", "hora": "hours",
              "horas": "hours", "minuto": "minutes", "minutos": "minutes", "segundo": "seconds",
              "segundos": "seconds", "década": "decades", "décadas": "decades"}  # fmt: skip
_DOLLARS = ("USD", "AUD", "CAD", "NZD", "HKD", "SGD", "TWD")
_PESOS = ("MXN", "ARS", "COP", "CLP", "UYU", "DOP", "CUP", "PHP")
# Currency names written after the number, plural and singular.
CURRENCY_WORDS: dict[str, tuple[str, ...]] = {
    "dólares estadounidenses": ("USD",), "dólar estadounidense": ("USD",), "dólares americanos": ("USD",),
    "dólares canadienses": ("CAD",), "dólares australianos": ("AUD",), "dólares": _DOLLARS, "dólar": _DOLLARS,
    "euros": ("EUR",), "euro": ("EUR",), "bolívares": ("VES", "VEF"), "bolívar": ("VES", "VEF"),
    "bolívares soberanos": ("VES",), "bolívares digitales": ("VES",), "rublos": ("RUB",), "rublo": ("RUB",),
    "yuanes": ("CNY",), "yuan": ("CNY",), "pesos mexicanos": ("MXN",), "pesos argentinos": ("ARS",),
    "pesos colombianos": ("COP",), "pesos chilenos": ("CLP",), "pesos": _PESOS, "peso": _PESOS,
    "libras esterlinas": ("GBP",), "libras": ("GBP", "EGP"), "yenes": ("JPY",), "reales": ("BRL",),
    "soles": ("PEN",), "francos suizos": ("CHF",), "rupias": ("INR", "PKR", "LKR", "NPR"), "liras": ("TRY",),
}  # fmt: skip
# Signs and codes written before the number; "$" in Spanish news is the dollar or a peso.
CURRENCY_BEFORE: dict[str, tuple[str, ...]] = {
    **{sign: codes for sign, codes in CURRENCY_SIGNS.items() if not sign[0].isalpha() or sign.startswith("Bs")},
    **{code: (code,) for code in ISO_CODES}, "$": _DOLLARS + _PESOS, "U$S": ("USD",), "US$": ("USD",),
    "USD$": ("USD",), "Bs.S": ("VES",), "Bs.S.": ("VES",), "Bs.D": ("VES",), "Bs.D.": ("VES",), "Bs.": ("VES",),
    "Bs": ("VES",),
}  # fmt: skip
# Spanish unit names -> the key of units.MEASURES they stand for.
MEASURE_WORDS: dict[str, str] = {
    "toneladas métricas": "tonnes", "toneladas": "tonnes", "tonelada": "tonnes", "kilotoneladas": "kilotonnes",
    "megatoneladas": "megatonnes", "kilómetros cuadrados": "square kilometres", "kilómetros": "km",
    "kilómetro": "km", "metros cúbicos": "cubic metres", "metros cuadrados": "square metres", "metros": "metres",
    "metro": "metres", "centímetros": "cm", "milímetros": "mm", "kilogramos": "kg", "kilogramo": "kg",
    "kilos": "kg", "gramos": "grams", "litros": "litres", "litro": "litres", "hectáreas": "hectares",
    "hectárea": "hectares", "barriles": "barrels", "barril": "barrels", "megavatios": "MW", "gigavatios": "GW",
    "kilovatios": "kW", "teravatios hora": "TWh", "gigavatios hora": "GWh", "megavatios hora": "MWh",
    "pies cúbicos": "cubic feet", "millas náuticas": "nautical miles", "millas": "miles", "onzas troy": "troy ounces",
    "onzas": "ounces", "acres": "acres", "grados centígrados": "°C", "grados Celsius": "°C", "nudos": "knots",
    "puntos porcentuales": "percentage points", "punto porcentual": "percentage points",
    "puntos básicos": "basis points", "punto básico": "basis points", "TEU": "TEU", "teu": "TEU",
}  # fmt: skip
_SYMBOLS = sorted((k for k in MEASURES if k.isascii() and len(k) <= 4 and " " not in k and not k.islower()
                   or k in ("t", "km", "kg", "ha", "m", "mm", "cm", "km²", "m³", "m²", "°C", "b/d", "bcm", "kt",
                            "Mt", "tcf", "bcf", "mb/d", "kb/d")), key=len, reverse=True)  # fmt: skip
RATE_AFTER: dict[str, str] = {
    "diarios": "d", "diarias": "d", "al día": "d", "por día": "d", "al dia": "d", "por dia": "d", "/d": "d",
    "/día": "d", "anuales": "yr", "al año": "yr", "por año": "yr", "/año": "yr", "mensuales": "mo",
    "al mes": "mo", "por mes": "mo", "semanales": "wk", "a la semana": "wk", "por semana": "wk",
}  # fmt: skip
_RATE_NAMES = {"d": "day", "yr": "year", "mo": "month", "wk": "week"}

# Hedges before a number, longest first, and the English phrase each is recorded as.
HEDGES: tuple[tuple[str, str], ...] = (
    (r"poco\s+más\s+de(?:l)?", "just over"), (r"poco\s+menos\s+de(?:l)?", "just under"),
    (r"muy\s+por\s+encima\s+de(?:l)?", "well above"), (r"muy\s+por\s+debajo\s+de(?:l)?", "well below"),
    (r"más\s+o\s+menos", "roughly"), (r"no\s+más\s+de(?:l)?", "no more than"),
    (r"no\s+menos\s+de(?:l)?", "no less than"), (r"más\s+de(?:l)?", "more than"), (r"menos\s+de(?:l)?", "less than"),
    (r"por\s+encima\s+de(?:l)?", "above"), (r"por\s+debajo\s+de(?:l)?", "below"), (r"en\s+torno\s+a(?:l)?", "around"),
    (r"alrededor\s+de(?:l)?", "around"), (r"cerca\s+de(?:l)?", "close to"),
    (r"del\s+orden\s+de(?:l)?", "on the order of"),
    (r"al\s+menos", "at least"), (r"por\s+lo\s+menos", "at least"), (r"como\s+mínimo", "at least"),
    (r"como\s+máximo", "at most"), (r"un\s+máximo\s+de(?:l)?", "a maximum of"),
    (r"un\s+mínimo\s+de(?:l)?", "a minimum of"), (r"aproximadamente", "approximately"), (r"aprox\.", "approx."),
    (r"aproximad[oa]s?\s+de(?:l)?", "approximately"), (r"(?:un\s+)?estimad[oa]s?\s+de(?:l)?", "estimated"),
    (r"unos|unas", "some"), (r"casi", "nearly"), (r"superior(?:es)?\s+a(?:l)?", "above"),
    (r"inferior(?:es)?\s+a(?:l)?", "below"), (r"mayor(?:es)?\s+a(?:l)?", "above"),
    (r"(?:supera|superan|superó|superaron|superaba|superaban|superará|superarán|superar|superando|superaría|"
     r"superarían|sobrepasa|sobrepasan|sobrepasó|sobrepasaron|sobrepasar|rebasa|rebasan|rebasó|rebasaron|rebasar|"
     r"excede|exceden|excedió|excedieron)(?:\s+la\s+(?:barrera|cifra|marca)\s+de(?:l)?)?", "over"),
    (r"(?:ronda|rondan|rondó|rondaron|rondaba|rondaban|rondará|rondarán|rondar|rondando|rondaría)"
     r"(?:\s+(?:hoy|ya|actualmente|ahora))?", "around"),
    (r"no\s+(?:llega|llegan|llegaba|llegaban|llegó|llegaron|alcanza|alcanzan|alcanzaba|alcanzaban|alcanzó|"
     r"alcanzaron)\s+a(?:l)?", "under"),
    (r"hasta", "up to"),
)  # fmt: skip
_HEDGE_PHRASES = [phrase for phrase, _ in HEDGES]
_ARTICLE = r"(?:el|la|los|las|un|una|unos|unas)"
_HEDGE_BEFORE = re.compile(
    r"(?<![\w])(?i:(" + "|".join(f"(?:{p})" for p in _HEDGE_PHRASES) + r"))(?:\s+" + _ARTICLE + r")?\s+\Z"
)
_HEDGE_AFTER = re.compile(r"\s+(?:o\s+más|o\s+menos|y\s+pico)\b(?!\s+(?:de|del|que)\b)", re.IGNORECASE)
_AFTER_ENGLISH = {"o más": "or more", "o menos": "or less", "y pico": "odd"}
# After one of these verbs of change, "hasta" is "to": "subió hasta 46 %", "se redujo hasta el 19 %".
_CHANGE_VERB = re.compile(
    r"(?i)\b(?:se\s+)?(?:aument|sub|crec|baj|ca|descend|disminu|reduj|reduc|redujer|elev|dispar|desplom|"
    r"increment|recort|retroced|avanz|repunt|escal|salt|pas|cre)(?:ó|aron|ieron|yó|yeron|eron|o|ió|a|an|"
    r"e|en|ido|ado|ando|iendo)\s+\Z"
)
# Before "de X a Y", such a verb makes two values of a change ("pasó de 45 a 28"), not a range.
_CHANGE_FROM = re.compile(
    r"(?i)\b(?:se\s+)?(?:aument|sub|crec|baj|ca|descend|disminu|reduj|reduc|redujer|elev|increment|recort|"
    r"retroced|avanz|repunt|pas|cay|dupl|tripl)[a-záéíóú]*\s+(?:\w+\s+){0,4}?\Z"
)
_LABEL = re.compile(
    r"(?i)(?<![\w])(?:artículos?|arts?\.|ley|leyes|decretos?|resolución|resoluciones|gaceta(?:\s+oficial)?|"
    r"providencia|sentencia|expediente|caso|capítulos?|cap\.|incisos?|numeral|párrafos?|secci[oó]n|cláusulas?|"
    r"páginas?|págs?\.|calle|carrera|avenida|avda?\.|av\.|piso|local|apartamento|apto\.|casa|edificio|"
    r"oficina|torre|km|kilómetro|ruta|autopista|vuelo|línea|puerta|modelo|versión|código|cédula|rif|tomo|"
    r"folio|sala|habitación|tel[ée]fono|tel\.|fax|lote|convenio|contrato|licitación|acta|oficio|circular|"
    r"n\.?\s?[ºo°]\.?|núm\.?|número|nro\.?)"
    r"(?:\s+(?:n\.?\s?[ºo°]\.?|núm\.?|número|nro\.?|no\.))?\s*\Z"
)
_SPACE = "[ \u00a0\u202f\u2009]"
_DIGITS = re.compile(
    r"\d{1,3}(?:\.\d{3})+(?![\d.]|,\d{3}\d)(?:,\d+)?"
    r"|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?![\d.,]\d)(?:,\d+)?(?!\d)"
    r"|\d+(?:,\d+)?(?:\.\d{1,2}(?!\d))?|\d+(?:\.\d{1,2}(?![\d.]))?"
)
_LEAD = re.compile(r"(?<![\w.@/:#\\,])(?<![^\W\d_]-)")
_SKIP = re.compile(
    r"https?://\S+|www\.\S+|\S+@\S+\.\w+"
    r"|\d{1,2}:\d{2}(?::\d{2})?(?:" + _SPACE + r"?(?:h|hrs?|horas|a\.?\s?m\.?|p\.?\s?m\.?)(?![\w]))?"
    r"|\d{1,2}(?:[.,]\d{2})?" + _SPACE + r"?(?:a\.\s?m\.|p\.\s?m\.|am|pm|hrs)(?![\w])"
    r"|\+\d{1,3}(?:[\s.-]?\(?\d{1,4}\)?){2,5}"
    r"|\(0?\d{2,4}\)[\s.-]?\d{3,4}[\s.-]?\d{2,4}|0\d{2,3}[-.]\d{3}[-.]?\d{2,4}|0\d{3}-?\d{7}"
)
_TIME_BEFORE = re.compile(r"(?i)\b(?:a|de|desde|hasta|entre|las)\s+las\s+\Z|\bla\s+una\s+y\s+\Z")
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_MONTH = r"(?:" + "|".join(MONTHS) + r")"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:\.?[ºo°])?"
_DATE = re.compile(
    r"(?P<num>[0-3]?\d(?P<sep>[./-])[01]?\d(?P=sep)" + _YEAR + r"|" + _YEAR + r"-[01]\d-[0-3]\d)(?![\w./-]\d)"
    r"|(?P<daydate>(?:primero|"
    + _DAY
    + r")\s+de\s+(?P<dmonth>"
    + _MONTH
    + r")(?:\s+(?:de|del)\s+(?P<dyear>"
    + _YEAR
    + r"))?)(?![\w])"
    r"|(?P<part>(?:finales|fines|final|principios|comienzos|inicios|mediados)\s+de(?:l)?\s+(?:(?P<pmonth>"
    + _MONTH
    + r")(?:\s+(?:de|del)\s+(?P<pmyear>"
    + _YEAR
    + r"))?|(?:año\s+)?(?P<pyear>"
    + _YEAR
    + r")))(?![\w])"
    r"|(?P<rel>(?:el\s+)?(?P<rword>pasado|próximo)\s+(?:mes\s+de\s+)?(?P<rmonth>" + _MONTH + r"))(?![\w])"
    r"|(?P<rel2>(?P<r2month>"
    + _MONTH
    + r")\s+(?P<r2word>pasado|próximo)|(?P<r3month>"
    + _MONTH
    + r")\s+(?:del|de\s+este)\s+(?P<r3word>año\s+pasado|año\s+próximo|año))(?![\w])"
    r"|(?P<unit>(?:(?:el|este|esta|la)\s+)?(?:(?P<uword>próximo|próxima|pasado|pasada)\s+)?(?P<uname>año|mes|"
    r"semana)(?:\s+(?P<uword2>pasado|pasada|próximo|próxima|que\s+viene|en\s+curso))?)(?![\w])"
    r"|(?P<month>(?P<mname>(?-i:" + _MONTH + r")|(?-i:Enero|Febrero|Marzo|Abril|Mayo|Junio|Julio|Agosto|Septiembre|"
    r"Setiembre|Octubre|Noviembre|Diciembre)(?=\s+(?:de|del)\s+"
    + _YEAR
    + r"))(?:\s+(?:de|del)\s+(?P<myear>"
    + _YEAR
    + r"))?)(?![\w])",
    re.IGNORECASE,
)
_PARTS = {"finales": "late", "fines": "late", "final": "late", "principios": "early", "comienzos": "early",
          "inicios": "early", "mediados": "mid"}  # fmt: skip
_DECADE_WORDS = {"veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70,
                 "ochenta": 80, "noventa": 90}  # fmt: skip
_DECADE = re.compile(
    r"(?i)(?:(?:los\s+)?años|(?:la\s+)?década\s+de(?:\s+los)?|los)\s+(?:(?P<word>"
    + "|".join(_DECADE_WORDS)
    + r")|(?P<short>[2-9]0)|(?P<full>(?:1[89]|20)\d0))(?![\w]|[.,]\d|\s+[a-záéíóúñ]+(?<!\sy)(?<!\so)(?<!\sdel)(?<!\sde)"
    r"(?<!\sque)(?<!\scuando)(?<!\sla)(?<!\sel)(?<!\slos)(?<!\slas)(?<!\sse)(?<!\sen)\b)"
)
_SCALE = re.compile(
    r"(?:\s+(?P<word>mil\s+millones|mil\s+billones|millones|millón|millon|millardos?|billones|billón|billon|mil)"
    r"(?![\w])|\s*(?P<abbr>mil\s+mill\.|mill\.|mills?\.|mll\.|MM|M|mdd|mmdd)(?![\w$]))"
)
_HALF_AFTER_SCALE = re.compile(r"\s+y\s+medio(?![\w])", re.IGNORECASE)
_PERCENT = re.compile(r"\s?%|\s+por\s+ciento(?![\w])|\s+por\s+cien(?![\w])", re.IGNORECASE)
_ORDINAL_SUFFIX = re.compile(r"(?:\.?[ºª]|\.(?:er|a|o)|(?:er|ro|ra|do|da|to|ta|mo|ma|vo|va|no|na)|°(?![CF]))(?![\w])")
_ANNIVERSARY = re.compile(r"\s+(?:aniversario|edición|cumpleaños)\b", re.IGNORECASE)
_TIME_UNIT = re.compile(r"\s+(?P<unit>" + "|".join(sorted(TIME_UNITS, key=len, reverse=True)) + r")(?![\w])",
                        re.IGNORECASE)  # fmt: skip
_AGE = re.compile(r"\s+de\s+edad\b", re.IGNORECASE)
_TIMES = re.compile(
    r"\s+veces(?=\s+(?:más|menos|mayor|menor|superior|inferior|el|la|lo|los|las|su|sus)\b)", re.IGNORECASE
)
_CURRENCY_AFTER = re.compile(
    r"(?P<de>\s+de)?\s*(?P<name>"
    + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(CURRENCY_WORDS, key=len, reverse=True))
    + r"|(?-i:USD|EUR|VES|RUB|CNY|GBP|JPY|MXN|ARS|COP|CLP|PEN|BRL)|Bs\.?S?\.?(?![\w])|€|₽)(?![\w])",
    re.IGNORECASE,
)
_CURRENCY_SIGN = re.compile(
    "(?:" + "|".join(re.escape(s) for s in sorted(CURRENCY_BEFORE, key=len, reverse=True)) + r")" + _SPACE + r"?(?=\d)"
)
_MEASURE_WORD = re.compile(
    r"(?P<de>\s+de)?\s+(?P<name>"
    + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(MEASURE_WORDS, key=len, reverse=True))
    + r")(?![\w])",
    re.IGNORECASE,
)
_MEASURE_SYMBOL = re.compile(_SPACE + r"?(?P<name>" + "|".join(re.escape(s) for s in _SYMBOLS) + r")(?![\w/²³]|\.\d)")
_RATE = re.compile(
    r"\s*(?P<rate>" + "|".join(re.escape(r).replace(r"\ ", r"\s+") for r in RATE_AFTER) + r")(?![\w])",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]+")
_NOUN = re.compile(r"\s+(?P<noun>(?:de\s+)?[a-záéíóúüñ]+(?:\s+de\s+[a-záéíóúüñ]+)?)")
_STOP = frozenset(
    """de del el la los las un una unos unas y o e u en a al que se con por para sin sobre entre hasta desde
    más menos como cuando donde durante según tras ante bajo contra hacia mediante frente es son fue fueron
    era eran ha han había habían su sus este esta estos estas ese esa lo le les no ni ya muy también""".split()
)
_YEAR_BEFORE = re.compile(
    r"(?i)(?:\b(?:en|de|del|desde|hasta|para|año|años|entre|y|a|el|al|o|e|ejercicio|periodo|período|curso|"
    r"temporada|campaña|zafra|censo|elecciones|mundial|juegos)|[-–—/(])\s*\Z"
)
# Capitalised words before a number that do not name it (sentence starts, hedges, prepositions).
_NOT_NAMES = frozenset(
    """En Unos Unas Casi Más Menos Desde Hasta Entre Para Según Con Sin Hace De Del El La Los Las Un Una Al Y O
    Solo Sólo Apenas Cerca Alrededor Hoy Ya Otros Otras Por Sobre Tras Durante Aproximadamente Al Ambos Sus Su
    Estos Estas Esos Esas Unos Cada Todos Todas Son Fueron Eran Hay Había Lo Le Se Que Como Cuando""".split()
)
_START = re.compile(r"(?<![\w])(?:\d|[$€£¥₽₹]|US\$|U\$S|[^\W\d_]|\(0|\+\d)")


@dataclass
class _Tok:
    """A mention under construction."""

    start: int
    end: int
    numeral: str
    kind: str = "count"
    base: Fraction | None = None
    scale: int = 1
    scale_written: bool = False
    currencies: tuple[str, ...] = ()
    measure: Measure | None = None
    unit_text: str | None = None
    time_unit: str | None = None
    noun: str | None = None
    rate: str | None = None
    qualifier: str | None = None
    no_hedge: bool = False
    fraction: tuple[int, int] | None = None
    date: DateExpr | None = None
    period: str | None = None
    high: _Tok | None = None
    digits: bool = False
    de: bool | None = False
    """Whether "de" comes before a currency or a unit: after "millones" it must ("2 millones de dólares"),
    after "mill." it may, after digits or "mil" it does not ("238 dólares", "dos mil euros")."""
    unit_written: bool = False
    """A unit, a currency, a percent sign or a time unit follows the number itself."""

    def value(self) -> Fraction | None:
        return None if self.base is None else self.base * self.scale


# ------------------------------------------------------------------------------------------------- reading


def read_mentions(text: str) -> list[Mention]:
    """All quantity and date mentions of a Spanish `text`, sorted by start and non-overlapping."""
    toks: list[_Tok] = []
    pos = 0
    while (match := _START.search(text, pos)) is not None:
        at = match.start()
        found = _read_at(text, at)
        if found is None:
            word = _WORD.match(text, at)
            pos = word.end() if word else at + 1
            continue
        tok, pos = found
        if tok is not None:
            toks.append(tok)
    toks = _ranges(toks, text)
    _years(toks, text)
    _elided_units(toks, text)
    return [_mention(tok, text) for tok in toks]


def _read_at(text: str, at: int) -> tuple[_Tok | None, int] | None:
    """(the mention at `at`, or None for something skipped; where reading goes on), or None: nothing here."""
    skip = _SKIP.match(text, at)
    if skip and _LEAD.match(text, at):
        return None, skip.end()
    decade = _DECADE.match(text, at)
    if decade:
        return _decade(decade), decade.end()
    date = _DATE.match(text, at)
    if date and _date_allowed(text, date):
        tok = _date(date, text)
        if tok is not None:
            return tok, tok.end
    if text[at].isdigit() or _CURRENCY_SIGN.match(text, at):
        return _digits(text, at)
    return _words(text, at)


def _date_allowed(text: str, match: re.Match[str]) -> bool:
    """A bare month is a date; "año", "mes", "semana" only with a relative word ("el año pasado")."""
    if match["unit"]:
        return bool(match["uword"] or match["uword2"] or re.match(r"(?i)est[ea]\s", match["unit"]))
    return True


def _date(match: re.Match[str], text: str) -> _Tok | None:
    """The DateExpr of a matched date."""
    g = match.groupdict()
    expr: DateExpr | None
    if g["num"]:
        expr = _numeric_date(g["num"])
    elif g["daydate"]:
        day_text = re.match(r"\d+|primero", g["daydate"], re.IGNORECASE)
        day = 1 if day_text is None or not day_text[0].isdigit() else int(day_text[0])
        expr = DateExpr(int(g["dyear"]) if g["dyear"] else None, MONTHS[g["dmonth"].lower()], day)
    elif g["part"]:
        part = _PARTS[g["part"].split()[0].lower()]
        if g["pmonth"]:
            year = g["pmyear"]
            expr = DateExpr(int(year) if year else None, MONTHS[g["pmonth"].lower()], None, part=part)
        else:
            expr = DateExpr(int(g["pyear"]), None, None, part=part)
    elif g["rel"]:
        expr = DateExpr(None, MONTHS[g["rmonth"].lower()], None, _relative(g["rword"]))
    elif g["rel2"]:
        if g["r2month"]:
            expr = DateExpr(None, MONTHS[g["r2month"].lower()], None, _relative(g["r2word"]))
        else:
            word = g["r3word"].lower()
            relative = "last" if "pasado" in word else "next" if "próximo" in word else "this"
            expr = DateExpr(None, MONTHS[g["r3month"].lower()], None, relative, "year")
    elif g["unit"]:
        word = (g["uword"] or g["uword2"] or "este").lower()
        unit = {"año": "year", "mes": "month", "semana": "week"}[g["uname"].lower()]
        expr = DateExpr(None, None, None, _relative(word), unit)
    else:
        year = g["myear"]
        expr = DateExpr(int(year) if year else None, MONTHS[g["mname"].lower()], None)
    if expr is None:
        return None
    return _Tok(match.start(), match.end(), match.group(), kind="date", date=expr)


def _relative(word: str) -> str:
    low = word.lower()
    if low.startswith("pasad"):
        return "last"
    if low.startswith("próxim") or low == "que viene":
        return "next"
    return "this"


def _numeric_date(written: str) -> DateExpr | None:
    """ "14.02.2025", "14/02/2025" (day first, as Spanish writes them), "2025-02-14"."""
    iso = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", written)
    if iso:
        year, month, day = int(iso[1]), int(iso[2]), int(iso[3])
    else:
        parts = re.split(r"[./-]", written)
        day, month, year = int(parts[0]), int(parts[1]), int(parts[2])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return DateExpr(year, month, day)


def _decade(match: re.Match[str]) -> _Tok:
    """ "los años noventa", "los años 90", "la década de 1990": a decade, with its period."""
    if match["word"]:
        first = 1900 + _DECADE_WORDS[match["word"].lower()]
    elif match["short"]:
        first = 1900 + int(match["short"])
    else:
        first = int(match["full"])
    tok = _Tok(match.start(), match.end(), match.group(), kind="decade", base=Fraction(first))
    tok.period = f"{first}/{first + 9}"
    return tok


# --------------------------------------------------------------------------------------- numbers in digits


def _digits(text: str, at: int) -> tuple[_Tok | None, int] | None:
    """A number in digits at `at` (after a currency sign if any), with what follows it."""
    currencies: tuple[str, ...] = ()
    start = at
    sign = _CURRENCY_SIGN.match(text, at)
    if sign:
        if not _LEAD.match(text, at) and not text[at].isalpha():
            return None
        currencies = CURRENCY_BEFORE[sign.group().strip(" \u00a0\u202f\u2009")]
        at = sign.end()
    elif not _LEAD.match(text, at) or re.search(r"[A-Za-z]-\Z", text[max(0, at - 2) : at]):
        return None, _skip_number(text, at)
    digits = _DIGITS.match(text, at)
    if digits is None:
        return None
    end = digits.end()
    if re.match(r"[.,:/]\d|[\w@]", text[end : end + 2]) and not _glued_unit(text, end):
        return None, _skip_number(text, at)
    if not currencies and (_LABEL.search(text, max(0, start - 40), start) or _TIME_BEFORE.search(text, 0, start)):
        return None, _skip_number(text, at)
    tok = _Tok(start, end, digits.group(), base=_parse_digits(digits.group()), digits=True, currencies=currencies)
    if currencies:
        tok.kind = "currency"
    _tail(text, tok)
    if _named(text, tok):
        return None, tok.end
    return tok, tok.end


def _named(text: str, tok: _Tok) -> bool:
    """Digits right after a capitalised name, with no unit, name a thing: "el bloque Junín 6", "Airbus 320"."""
    name = re.search(
        r"(?<![.!?:]\s)(?<![.!?:]\s\s)(?<!\n)(?<!\A)\b([A-ZÁÉÍÓÚÑ][a-záéíóúñA-Z]+)[ \u00a0]\Z",
        text[max(0, tok.start - 30) : tok.start],
    )
    if name is None or name[1] in _NOT_NAMES or tok.unit_written or tok.scale_written or tok.currencies:
        return False
    return not re.fullmatch(_YEAR, tok.numeral) and tok.kind == "count"


def _skip_number(text: str, at: int) -> int:
    """Where a number that is no quantity ends (with its points, commas, slashes and letters)."""
    match = re.compile(r"[\w.,/:-]*\w").match(text, at)
    return match.end() if match else at + 1


def _glued_unit(text: str, end: int) -> bool:
    """Letters glued to digits that still make a quantity: "165km", "80.º", "3er", "5M", "1,2mdd", "30%"."""
    return bool(
        _ORDINAL_SUFFIX.match(text, end)
        or _MEASURE_SYMBOL.match(text, end)
        or re.match(r"(?:MM|M|mdd|mmdd|mill\.)(?![\w])", text[end:])
    )


def _parse_digits(written: str) -> Fraction:
    """ "1.500" -> 1500, "1,5" -> 1.5, "1 850" -> 1850, "1.500.000,25"; a point before 1-2 digits is a decimal."""
    clean = re.sub(r"[ \u00a0\u202f\u2009]", "", written)
    if re.fullmatch(r"\d+\.\d{1,2}", clean):
        return Fraction(clean)
    whole, _, decimals = clean.replace(".", "").partition(",")
    return Fraction(f"{whole}.{decimals}" if decimals else whole)


def _tail(text: str, tok: _Tok) -> None:
    """What follows a number: ordinal suffix, scale, percent, points, currency, measure, time unit, noun."""
    ordinal = _ORDINAL_SUFFIX.match(text, tok.end) if tok.digits and not tok.currencies else None
    if ordinal:
        tok.kind, tok.end = "ordinal", ordinal.end()
        return
    if tok.digits and not tok.currencies and _ANNIVERSARY.match(text, tok.end):
        tok.kind = "ordinal"
        return
    _scale(text, tok)
    if tok.kind == "currency":
        after = _CURRENCY_AFTER.match(text, tok.end)
        if after and after["name"].lower().startswith("d"):  # "US$ 5 millones de dólares": the sign said it
            tok.end = after.end()
        _rate(text, tok)
        return
    percent = _PERCENT.match(text, tok.end)
    if percent:
        tok.kind, tok.end, tok.unit_written = "percent", percent.end(), True
        return
    currency = _CURRENCY_AFTER.match(text, tok.end)
    if currency and _de_fits(tok, currency):
        tok.kind, tok.end, tok.unit_written = "currency", currency.end(), True
        tok.currencies = _currency_codes(currency["name"])
        _rate(text, tok)
        return
    if tok.kind == "currency":
        return
    if _measure(text, tok):
        return
    times = _TIMES.match(text, tok.end)
    if times:
        tok.kind, tok.end = "multiplier", times.end()
        return
    unit = _TIME_UNIT.match(text, tok.end)
    if unit and tok.scale == 1:
        tok.kind, tok.end, tok.unit_written = "duration", unit.end(), True
        tok.time_unit = TIME_UNITS[unit["unit"].lower()]
        if _AGE.match(text, unit.end()) or (
            re.match(r"\s*(?:[,;)]|\Z)", text[unit.end() :])
            and re.search(r",\s+de\s+\Z", text[max(0, tok.start - 8) : tok.start])
        ):  # "de 52 años de edad", "Pérez, de 52 años, dijo"
            tok.kind = "age"
        return
    tok.noun = _noun(text, tok.end)
    _rate(text, tok)


def _scale(text: str, tok: _Tok) -> None:
    """ "mil", "millones", "mil millones", "billones", "mill.", "M", "mdd" after the number."""
    scale = _SCALE.match(text, tok.end)
    if scale is None:
        return
    written = " ".join((scale["word"] or scale["abbr"]).lower().split())
    if scale["abbr"] in ("M", "MM") and not (tok.currencies or _CURRENCY_AFTER.match(text, scale.end())):
        return  # "5 M" alone may be metres or a label; a scale with a currency only
    factor = {"mil millones": 10**9, "mil billones": 10**15, "mil mill.": 10**9, "mdd": 10**6, "mmdd": 10**9,
              "mm": 10**6, "m": 10**6, "mill.": 10**6, "mills.": 10**6, "mil.": 10**6, "mll.": 10**6}.get(
        written, SCALE_WORDS.get(written, 1))  # fmt: skip
    tok.scale, tok.scale_written, tok.end = factor, True, scale.end()
    tok.de = True if scale["word"] and written != "mil" else None if scale["abbr"] else False
    tok.numeral = (
        text[tok.start : tok.end] if not tok.currencies else tok.numeral + text[tok.end - len(scale.group()) : tok.end]
    )
    half = _HALF_AFTER_SCALE.match(text, tok.end)
    if half and factor >= 10**6 and tok.base is not None and tok.base.denominator == 1:
        tok.base, tok.end = tok.base + Fraction(1, 2), half.end()
    if written in ("mdd", "mmdd"):
        tok.kind, tok.currencies = "currency", ("USD",)


def _de_fits(tok: _Tok, unit: re.Match[str]) -> bool:
    return tok.de is None or (unit["de"] is not None) == tok.de


def _currency_codes(name: str) -> tuple[str, ...]:
    low = " ".join(name.lower().split())
    if low.startswith("bs"):
        return ("VES",)
    if low in ("€", "₽"):
        return CURRENCY_BEFORE[low]
    if name.upper() in ISO_CODES:
        return (name.upper(),)
    return CURRENCY_WORDS.get(low, ())


def _measure(text: str, tok: _Tok) -> bool:
    """A unit after the number: Spanish names ("toneladas", "barriles diarios") or symbols ("km", "MW")."""
    word = _MEASURE_WORD.match(text, tok.end)
    if word and _de_fits(tok, word):
        key = MEASURE_WORDS.get(" ".join(word["name"].split())) or MEASURE_WORDS[" ".join(word["name"].lower().split())]
        end = word.end()
    else:
        symbol = _MEASURE_SYMBOL.match(text, tok.end)
        if symbol is None or (symbol["name"] in ("m", "t", "M") and symbol.start() != tok.end):
            return False
        key, end = symbol["name"], symbol.end()
    measure = MEASURES[key]
    tok.kind, tok.end, tok.unit_written, tok.measure, tok.unit_text = "measure", end, True, measure, key
    rate = _RATE.match(text, tok.end)
    if rate and measure.rate is None:
        code = RATE_AFTER[" ".join(rate["rate"].lower().split())]
        tok.measure = Measure(measure.dimension, measure.factor, code)
        tok.unit_text = f"{key} per {_RATE_NAMES[code]}"
        tok.rate, tok.end = code, rate.end()
    return True


def _rate(text: str, tok: _Tok) -> None:
    """ "al año", "diarios", "por día" right after an amount or a count."""
    rate = _RATE.match(text, tok.end)
    if rate:
        tok.rate = RATE_AFTER[" ".join(rate["rate"].lower().split())]


def _noun(text: str, end: int) -> str | None:
    """The noun a count counts, as written ("acuerdos", "cabezas de ganado")."""
    match = _NOUN.match(text, end)
    if match is None:
        return None
    words = match["noun"].lower().split()
    if words[0] == "de":
        words = words[1:]
    if not words or words[0] in _STOP:
        return None
    if len(words) == 3 and words[2] in _STOP:
        words = words[:1]
    return " ".join(words)


# ---------------------------------------------------------------------------------------- numbers in words


def _word_run(text: str, at: int, limit: int = 10) -> list[tuple[str, int, int]]:
    """Up to `limit` words from `at`, separated by spaces: (lower-case word, start, end)."""
    words: list[tuple[str, int, int]] = []
    pos = at
    while len(words) < limit:
        match = _WORD.match(text, pos)
        if match is None:
            break
        words.append((match.group().lower(), match.start(), match.end()))
        gap = re.compile(r"[ \u00a0\n]+").match(text, match.end())
        if gap is None:
            break
        pos = gap.end()
    return words


def _words(text: str, at: int) -> tuple[_Tok | None, int] | None:
    """A quantity in words at `at`: a cardinal, a proportion, a multiplier, an ordinal."""
    words = _word_run(text, at)
    if not words:
        return None
    for reader in (_proportion, _multiplier, _scale_alone, _cardinal, _ordinal):
        tok = reader(text, words)
        if tok is not None:
            return tok, tok.end
    return None


def _proportion(text: str, words: list[tuple[str, int, int]]) -> _Tok | None:
    """ "la mitad", "un tercio", "dos tercios", "una cuarta parte", "tres cuartas partes", "la tercera parte"."""
    first = words[0][0]
    start = words[0][1]
    if first == "mitad" or (first == "la" and len(words) > 1 and words[1][0] == "mitad"):
        if re.search(r"(?i)\b(?:primera|segunda|a|en|la)\s+\Z", text[:start]) and first == "mitad":
            return None
        end = words[0][2] if first == "mitad" else words[1][2]
        return _fraction_tok(text, start, end, 1, 2)
    numerator = ONES.get(first) if first not in ("la", "el") else 1
    if numerator is None or numerator == 0 or len(words) < 2:
        return None
    second = words[1][0]
    if second in FRACTION_NOUNS and (second.endswith("s") == (numerator > 1)):
        if second.startswith(("cuarto", "quinto")) and not re.match(r"\s+de(?:l)?\b", text[words[1][2] :]):
            return None  # "un cuarto" alone is a room
        return _fraction_tok(text, start, words[1][2], numerator, FRACTION_NOUNS[second])
    if second in FRACTION_PARTS and len(words) > 2 and words[2][0] in ("parte", "partes"):
        return _fraction_tok(text, start, words[2][2], numerator, FRACTION_PARTS[second])
    return None


def _fraction_tok(text: str, start: int, end: int, numerator: int, denominator: int) -> _Tok:
    tok = _Tok(start, end, text[start:end], kind="percent", base=Fraction(100 * numerator, denominator))
    tok.fraction = (numerator, denominator)
    return tok


def _multiplier(text: str, words: list[tuple[str, int, int]]) -> _Tok | None:
    """ "el doble", "más del doble", "el triple", "se duplicó", "se triplicaron"."""
    first, start, end = words[0]
    if first == "el" and len(words) > 1 and words[1][0] in MULTIPLIER_NOUNS:
        return _Tok(start, words[1][2], "el " + words[1][0], kind="multiplier",
                    base=Fraction(MULTIPLIER_NOUNS[words[1][0]]))  # fmt: skip
    if first in MULTIPLIER_NOUNS and re.search(r"(?i)\b(?:al|del|lo|el)\s+\Z", text[:start]):
        return _Tok(start, end, text[start:end], kind="multiplier", base=Fraction(MULTIPLIER_NOUNS[first]))
    verb = MULTIPLIER_VERBS.match(text, start)
    if verb:
        tok = _Tok(
            start, verb.end(), verb["verb"], kind="multiplier", base=Fraction(_VERB_FACTOR[verb["root"].lower()])
        )
        tok.no_hedge = True
        return tok
    return None


def _scale_alone(text: str, words: list[tuple[str, int, int]]) -> _Tok | None:
    """ "el billón de bolívares", "el millón de visitantes": one of that scale."""
    if words[0][0] not in ("el", "del", "al") or len(words) < 2 or words[1][0] not in ("millón", "billón"):
        return None
    tok = _Tok(words[1][1], words[1][2], text[words[1][1] : words[1][2]], base=Fraction(1))
    tok.scale, tok.scale_written, tok.de = SCALE_WORDS[words[1][0]], True, True
    _tail(text, tok)
    return tok


def _cardinal(text: str, words: list[tuple[str, int, int]]) -> _Tok | None:
    """A cardinal in words with its scale: "treinta y cinco", "doscientos", "dos mil", "medio millón",
    "un millón y medio", "mil millones"."""
    total = group = current = 0
    value: Fraction | None = None
    i = 0
    last = -1
    top_scale = 1
    if words[0][0] in ("medio", "media") and len(words) > 1 and words[1][0] in ("millón", "billón", "docena"):
        half = {"millón": 10**6, "billón": 10**12, "docena": 12}[words[1][0]]
        value, last, top_scale = Fraction(half, 2), 1, half if half > 12 else 1
    else:
        while i < len(words):
            word = words[i][0]
            if word in ONES and (current % 10 == 0 or current >= 100 and current % 100 == 0):
                if current % 100 >= 10 and current % 100 < 30 and word not in ("un", "una", "uno"):
                    break
                current += ONES[word]
            elif word in TENS and current % 100 == 0:
                current += TENS[word]
            elif word in HUNDREDS and current == 0:
                current = HUNDREDS[word]
            elif word == "y" and i + 1 < len(words) and words[i + 1][0] in ONES and current % 100 >= 30 \
                    and current % 10 == 0:  # fmt: skip
                i += 1
                continue
            elif word == "mil" and current < 1000:
                group += (current or 1) * 1000
                current = 0
            elif word in ("millón", "millones", "millon", "billón", "billones") and (group or current):
                scale = SCALE_WORDS[word]
                total += (group + current) * scale
                top_scale = max(top_scale, scale)
                group = current = 0
            elif word == "docena" and current in (1, 2, 3):
                current *= 12
            else:
                break
            last = i
            i += 1
        if last < 0:
            return None
        value = Fraction(total + group + current)
        if words[last][0] in ("millón", "millones", "billón", "billones") and last + 2 < len(words) \
                and words[last + 1][0] == "y" and words[last + 2][0] in ("medio", "media"):  # fmt: skip
            value += Fraction(SCALE_WORDS[words[last][0]], 2)
            last += 2
    start, end = words[0][1], words[last][2]
    scale = top_scale if top_scale > 1 else 1000 if words[last][0] == "mil" else 1
    tok = _Tok(start, end, text[start:end], base=value / scale, scale=scale, scale_written=scale > 1)
    tok.de = top_scale > 1 and words[last][0] not in ("mil", "medio", "media")
    _tail(text, tok)
    if words[0][0] in ("un", "una", "uno") and last == 0 and tok.kind not in ("duration", "measure", "currency",
                                                                               "percent"):  # fmt: skip
        return None  # "un", "una" alone are articles
    return tok


def _ordinal(text: str, words: list[tuple[str, int, int]]) -> _Tok | None:
    """ "tercer", "segunda", "octogésimo", "vigésimo primero": a rank; not "primer semestre", "primeros seis"."""
    word, start, end = words[0]
    if word not in ORDINAL_WORDS:
        return None
    value = ORDINAL_WORDS[word]
    last = 0
    if value >= 20 and len(words) > 1 and words[1][0] in ORDINAL_WORDS and ORDINAL_WORDS[words[1][0]] < 10:
        value += ORDINAL_WORDS[words[1][0]]
        last = 1
    following = words[last + 1][0] if len(words) > last + 1 else ""
    if following in ("semestre", "trimestre", "cuatrimestre", "mitad") or following in ONES:
        return None
    if word in ("segundo", "cuarto", "cuarta") and not re.search(r"(?i)\b(?:el|la|los|las|su|sus|del|al)\s+\Z",
                                                                  text[:start]):  # fmt: skip
        return None  # "un segundo" is a time, "un cuarto" a room
    end = words[last][2]
    return _Tok(start, end, text[start:end], kind="ordinal", base=Fraction(value))


# ------------------------------------------------------------------------------------------ ranges, years

_RANGE_WORD = re.compile(r"\s*(?:-|–|—)\s*|\s+(?P<word>y|a|al|hasta|o)\s+(?:(?:el|los|las)\s+)?", re.IGNORECASE)
_RANGE_OPEN = re.compile(r"(?i)\b(?P<word>entre|de|desde|del)\s+(?:(?:el|los|las|un|unos|unas)\s+)?\Z")


def _ranges(toks: list[_Tok], text: str) -> list[_Tok]:
    """ "entre 20 y 30", "de 40 hasta 55 millones", "20-25 %": a range, the unit and scale written once at
    its end given to its start; "pasó de 45 a 28 días": two values, both in days."""
    out: list[_Tok] = []
    i = 0
    while i < len(toks):
        low = toks[i]
        high = toks[i + 1] if i + 1 < len(toks) else None
        joined = _RANGE_WORD.fullmatch(text, low.end, high.start) if high is not None else None
        if high is None or joined is None or low.kind in ("date", "decade", "ordinal") or high.kind != low.kind and \
                not (low.kind == "count" and not low.unit_written):  # fmt: skip
            out.append(low)
            i += 1
            continue
        word = (joined["word"] or "-").lower()
        opener = _RANGE_OPEN.search(text, max(0, low.start - 30), low.start)
        dash = word == "-"
        paired = (opener is not None and ((opener["word"].lower() == "entre") == (word == "y"))) or dash
        if not paired or word == "o" or (word == "y" and opener is None):
            out.append(low)
            i += 1
            continue
        _share(low, high)
        if high.kind == "year" or _yearish(low) and _yearish(high):
            out.append(low)
            i += 1
            continue
        low_value, high_value = low.value(), high.value()
        change = opener is not None and opener["word"].lower() in ("de", "desde", "del") and \
            _CHANGE_FROM.search(text, max(0, opener.start() - 60), opener.start())  # fmt: skip
        if low_value is None or high_value is None or low_value >= high_value or change:
            out.append(low)
            i += 1
            continue
        low.high, low.end = high, high.end
        low.no_hedge = word == "hasta" or low.no_hedge
        if opener is not None:
            hedge = _HEDGE_BEFORE.search(text, 0, opener.start())
            low.qualifier = _hedge_english(hedge[1]) if hedge and hedge[1].lower() != "hasta" else None
        out.append(low)
        i += 2
    return out


def _share(low: _Tok, high: _Tok) -> None:
    """Give the start of a range or a pair the scale and unit written once at its end."""
    if low.unit_written or low.kind not in ("count", high.kind):
        return
    if high.scale_written and not low.scale_written and low.base is not None and high.base is not None:
        low.scale = high.scale
    if high.kind in ("currency", "percent", "duration", "measure"):
        low.kind, low.currencies, low.time_unit = high.kind, high.currencies, high.time_unit
        low.measure, low.unit_text, low.rate = high.measure, high.unit_text, high.rate
        low.noun = None
    elif high.kind == "count" and low.noun is None:
        low.noun = high.noun


def _yearish(tok: _Tok) -> bool:
    return (tok.kind in ("count", "year") and tok.digits and tok.scale == 1 and not tok.unit_written
            and re.fullmatch(_YEAR, tok.numeral) is not None)  # fmt: skip


def _years(toks: list[_Tok], text: str) -> None:
    """Four digits 1800-2099 with no unit are a year (unless they count a noun after no year word);
    years joined by "y", "a", "-" after "entre"/"de" get their period, a year after "desde" an open one."""
    for tok in toks:
        if not _yearish(tok) or tok.high is not None:
            continue
        counts = tok.noun is not None and tok.noun.endswith("s") and not _YEAR_BEFORE.search(text, 0, tok.start)
        if not counts:
            tok.kind, tok.noun, tok.rate = "year", None, None
    for a, b in zip(toks, toks[1:], strict=False):
        if a.kind != "year" or a.period:
            continue
        joined = _RANGE_WORD.fullmatch(text, a.end, b.start)
        if joined is None:
            continue
        if b.kind == "count" and b.digits and re.fullmatch(r"\d\d", b.numeral) and (joined["word"] is None):
            b.kind, b.base = "year", (a.base or Fraction(0)) - (a.base or Fraction(0)) % 100 + (b.base or Fraction(0))
        opener = _RANGE_OPEN.search(text, max(0, a.start - 12), a.start)
        if (
            b.kind == "year"
            and a.base is not None
            and b.base is not None
            and a.base < b.base
            and (joined["word"] is None or (opener is not None and joined["word"].lower() in ("y", "a", "al", "hasta")))
        ):
            a.period = b.period = f"{a.base}/{b.base}"
    for tok in toks:
        if tok.kind == "year" and tok.period is None and SINCE.search(text, max(0, tok.start - 24), tok.start):
            tok.period = f"{tok.base}/.."


_ELLIPSIS_BEFORE = re.compile(r"(?i)\b(?:los|las)\s+(?:primer|últim|próxim|siguient|restant)[a-z]*\s+\Z")
_CLAUSE_END = re.compile(r"\s*(?:[,;:.)]|\Z)")


def _elided_units(toks: list[_Tok], text: str) -> None:
    """A figure whose unit the sentence gave once before: "superó el billón de bolívares: se situó en 1,04
    billones", "un plazo de diez años, con pagos mínimos durante los primeros seis"."""
    for i, tok in enumerate(toks):
        if tok.kind != "count" or tok.noun is not None or not _CLAUSE_END.match(text, tok.end):
            continue
        wanted: tuple[str, ...] = ("currency",) if tok.scale_written and tok.de is not False else ()
        if _ELLIPSIS_BEFORE.search(text, max(0, tok.start - 30), tok.start):
            wanted = ("duration", "measure", "currency")
        for before in reversed(toks[:i]):
            if "." in text[before.end : tok.start].replace("N.º", "").replace("EE.UU.", ""):
                break
            if before.kind in wanted:
                tok.kind, tok.currencies, tok.time_unit = before.kind, before.currencies, before.time_unit
                tok.measure, tok.unit_text = before.measure, before.unit_text
                break


# ------------------------------------------------------------------------------------------------ mentions


def _mention(tok: _Tok, text: str) -> Mention:
    kind = tok.kind
    value = _decimal(tok.value()) if kind not in ("date",) else None
    high = _decimal(tok.high.value()) if tok.high is not None else None
    qualifier = tok.qualifier
    if qualifier is None and not tok.no_hedge and kind not in ("year", "date", "decade", "ordinal"):
        qualifier = _hedge_before(text, tok)
    if qualifier is None and kind not in ("year", "date", "decade", "ordinal"):
        noun = re.compile(r"\s+" + re.escape(tok.noun), re.IGNORECASE).match(text, tok.end) if tok.noun else None
        after = _HEDGE_AFTER.match(text, noun.end() if noun else tok.end)
        if after:
            qualifier = _AFTER_ENGLISH[" ".join(after.group().lower().split())]
    return Mention(
        start=tok.start, end=tok.end, text=text[tok.start : tok.end], numeral=tok.numeral, kind=kind, value=value,
        high=high, currencies=tok.currencies if kind == "currency" else (), measure=tok.measure,
        unit_text=tok.unit_text if kind == "measure" else None, time_unit=tok.time_unit if kind == "duration" else None,
        noun=tok.noun if kind == "count" else None, rate=tok.rate, qualifier=qualifier, fraction=tok.fraction,
        date=tok.date, period=tok.period,
    )  # fmt: skip


def _decimal(value: Fraction | None) -> Decimal | None:
    if value is None:
        return None
    number = Decimal(value.numerator) / Decimal(value.denominator)
    return number.to_integral_value() if number == number.to_integral_value() else number.normalize()


def _hedge_before(text: str, tok: _Tok) -> str | None:
    """The Spanish hedge right before a number, as its English phrase; "hasta" after a verb of change is "to"."""
    match = _HEDGE_BEFORE.search(text, max(0, tok.start - 60), tok.start)
    if match is None:
        return None
    if match[1].lower() == "hasta" and _CHANGE_VERB.search(text, max(0, match.start() - 40), match.start()):
        return None
    return _hedge_english(match[1])


def _hedge_english(spanish: str) -> str | None:
    for pattern, english in HEDGES:
        if re.fullmatch(pattern, spanish, re.IGNORECASE):
            return english
    return None
