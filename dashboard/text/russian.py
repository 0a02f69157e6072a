"""Read quantities and dates in Russian news text, by Russian conventions.

Numbers: decimal comma ("11,8"), thousands grouped by a space, a no-break, thin or narrow no-break space
("1 850"); scales as abbreviations or words in every case ("тыс.", "млн", "млрд.", "трлн", "тысячи",
"миллионов"); numerals in words in every case ("двух", "пятью", "полутора тысяч"); proportions in
words ("половина", "треть", "две трети"); percent ("%", "процента", "процентных пунктов"); currencies
after the number in every case ("долларов", "рубля", "евро", "боливаров") or as a sign ("$1,2 млрд").

Hedges (`HEDGES`) map onto the English phrases of hedges.HEDGE_GROUPS. "до" is `up to` only on its own:
between two numbers ("от 20 до 30 тыс.", "с 45 до 28 суток") and after a verb of change ("снизилась до
19%", "выросли вдвое — до 94 тыс. тонн") it means "to" and hedges nothing.

Dates ("3 июня 2025 года", "14.02.2025", "в июле 2024 года", "в мае", "в прошлом году"), years ("в 2019
году", "2024 г."), year ranges ("в 2000–2021 годах", "с 2000 по 2021 год"), decades ("1990-е годы",
"90-х годов"), ordinals ("80-летие", "18-е", "третий"), durations ("10 лет", "45 суток"), multipliers
("вдвое", "в три раза"). Labels and codes are no quantities: "статья 5", "№ 123", "Су-30", "4-го класса",
times of day, telephone numbers. Mentions never include the preposition before a date, so the
validator reads it with SINCE / UNTIL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from dashboard.text.dates import DateExpr
from dashboard.text.quantity import Mention
from dashboard.text.units import CURRENCY_SIGNS, MEASURES, Measure

# ------------------------------------------------------------------------------ constants for the validator

ABBREVIATIONS = frozenset(
    """г. гг. в. вв. тыс. млн. млрд. трлн. руб. долл. коп. т.е. т.д. т.п. т.к. т.н. и.о. им. ул. д. пр.
    др. см. ст. п. пп. с. стр. рис. табл. обл. кв. пос. ок. чел. ед. шт. изд. проф. акад. ген. гос. зам.
    напр. н.э. тел. просп. пер. эт. корп. мин. макс. прим. ред.""".split()
)
"""Abbreviations whose dot does not end a sentence ("в 2024 г. товарооборот", "1,2 млрд. долл. США")."""
SINCE = re.compile(r"(?i)(?<![\w-])(?:начиная\s+)?(?:с|со)\s+\Z")
"""Matches right before a date that starts a span: "с 2010 года", "начиная с марта", "со 2 июня"."""
UNTIL = re.compile(r"(?i)(?<![\w-])(?:до|к|ко|по)\s+(?:концу\s+|конца\s+)?\Z")
"""Matches right before a date that ends a span: "до 2047 года", "к 2030 году", "по 2013 год", "к концу"."""
PRESENT = re.compile(
    r"(?i)(?<![\w-])(?:сейчас|ныне|теперь|сегодня|в\s+настоящее\s+время|на\s+сегодняшний\s+день|"
    r"на\s+данный\s+момент|в\s+данный\s+момент|по-прежнему)(?![\w-])"
)
"""Words that put a figure at the time of writing: "сейчас", "в настоящее время", "на сегодняшний день"."""
FUTURE = re.compile(
    r"(?i)(?<![\w-])(?:планиру\w+|запланирован\w*|рассчитыва\w+|намерен\w*|будет|будут|буду|ожидает\w*|"
    r"предполага\w+|собира\w+|прогнозиру\w+|поставили\s+цель|цель\w*|должн\w+\s+(?:заработать|пройти|"
    r"составить|начать\w*|открыть\w*)|к\s+(?:концу\s+)?\d{4}\s+год\w*|в\s+(?:следующем|будущем)\s+году|"
    r"в\s+перспективе|может\s+(?:достичь|составить|превысить)|могут|мог\s+бы|могла\s+бы|"
    r"назначен\w*\s+на|(?:составит|достигнет|превысит|вырастет|сократится|увеличится|снизится|пройд[её]т|выделит|"
    r"добавится|заработает|откроется|начн[её]тся|подпишут|появится|получит|поставит|направит))(?![\w-])"
)
"""Future and plan markers: "планируется", "рассчитывают", "намерены", "будет", "к 2030 году", and
perfective verbs in the future ("составит", "пройдёт", "добавится")."""
BETWEEN = re.compile(r"(?i)(?<![\w-])(?:между|с|со|от|в)\s+\Z")
"""Words right before the first of two dates joined into one span ("с января по май", "между 2020 и 2022")."""
JOINED = re.compile(r"(?i)[^\S\n]*(?:-|–|—|и|по|до)[^\S\n]*")
"""What joins two dates into one span ("и", "по", "до", a dash)."""
COMPARED = re.compile(
    r"(?i)(?<![\w-])(?:против|по\s+сравнению\s+со?|в\s+сравнении\s+со?|(?<!более\s)(?<!менее\s)чем)\s+"
    r"(?:(?:менее|более|почти|около|примерно|свыше)\s+(?:чем\s+)?){0,2}\$?\s*\Z"
)
"""Words right before a figure that make it the one compared with ("против менее чем 40 процентов")."""
COMPARISON = re.compile(
    r"(?i)(?<![\w-])(?:против|по\s+сравнению\s+со?|в\s+сравнении\s+со?|чем|относительно|превыша\w*)(?![\w-])"
    r"(?:[^.;:]|\.\d){0,60}\Z"
)
"""Words before a date that make it the time of the figure compared with ("против 6,1 млрд в 2023 году",
"превышает показатель 2023 года")."""
AGO = re.compile(
    r"(?i)(?<![\w-])(?:(?P<count>\d{1,2}|два|две|три|четыре|пять|шесть|семь|восемь|девять|десять)\s+)?"
    r"(?P<unit>год|года|лет|десятилетие|десятилетия|десятилетий)\s+назад(?![\w-])"
)
"""A time counted back from the writing ("год назад", "пять лет назад")."""
AGO_WORDS = {"два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9,
             "десять": 10}  # fmt: skip
UNRESOLVED = re.compile(
    r"(?i)(?<![\w-])(?:годом\s+(?:ранее|позже|раньше)|за\s+тот\s+же\s+период|в\s+аналогичном\s+периоде|"
    r"в\s+годовом\s+выражении|с\s+начала\s+(?:текущего\s+)?года|недавно|в\s+последнее\s+время|"
    r"за\s+последние\s+\w+\s+(?:лет|года|месяцев|месяца)|в\s+последние\s+годы|ранее|в\s+то\s+время|"
    r"тогда|с\s+тех\s+пор|к\s+тому\s+времени|в\s+том\s+же\s+году|предыдущ\w+\s+год\w*)(?![\w-])"
)
"""Time words the reader does not resolve to a date: "годом ранее", "за тот же период", "недавно"."""

# ------------------------------------------------------------------------------------------------ lexicon


def _forms(stem: str, *endings: str) -> list[str]:
    return [stem + ending for ending in endings]


_UNITS: dict[str, int] = {
    **dict.fromkeys(("два", "две", "двух", "двум", "двумя"), 2),
    **dict.fromkeys(("три", "трёх", "трех", "трём", "трем", "тремя"), 3),
    **dict.fromkeys(("четыре", "четырёх", "четырех", "четырём", "четырем", "четырьмя"), 4),
    **dict.fromkeys(("восемь", "восьми", "восемью", "восьмью"), 8),
}
for _number, _stem in enumerate(
    ["пят", "шест", "сем", None, "девят", "десят", "одиннадцат", "двенадцат", "тринадцат", "четырнадцат",
     "пятнадцат", "шестнадцат", "семнадцат", "восемнадцат", "девятнадцат"], start=5,
):  # fmt: skip
    if _stem:
        _UNITS.update(dict.fromkeys(_forms(_stem, "ь", "и", "ью"), _number))
_TENS: dict[str, int] = {
    **dict.fromkeys(("сорок", "сорока"), 40),
    **dict.fromkeys(("пятьдесят", "пятидесяти", "пятьюдесятью"), 50),
    **dict.fromkeys(("шестьдесят", "шестидесяти", "шестьюдесятью"), 60),
    **dict.fromkeys(("семьдесят", "семидесяти", "семьюдесятью"), 70),
    **dict.fromkeys(("восемьдесят", "восьмидесяти", "восемьюдесятью"), 80),
    **dict.fromkeys(("девяносто", "девяноста"), 90),
}
_TENS.update(dict.fromkeys(_forms("двадцат", "ь", "и", "ью"), 20))
_TENS.update(dict.fromkeys(_forms("тридцат", "ь", "и", "ью"), 30))
_HUNDREDS: dict[str, int] = {
    **dict.fromkeys(("сто", "ста"), 100),
    **dict.fromkeys(("двести", "двухсот", "двумстам", "двумястами", "двухстах"), 200),
    **dict.fromkeys(("триста", "трёхсот", "трехсот", "тремстам", "тремястами", "трёхстах", "трехстах"), 300),
    **dict.fromkeys(("четыреста", "четырёхсот", "четырехсот", "четырёмстам", "четыремстам"), 400),
}
for _number, _stem in ((500, "пят"), (600, "шест"), (700, "сем"), (800, "восем"), (900, "девят")):
    _HUNDREDS.update(dict.fromkeys((_stem + "ьсот", _stem + "исот", _stem + "ьюстами", _stem + "истам"), _number))
_HUNDREDS["восьмисот"] = 800
_ONE = frozenset(("один", "одна", "одно", "одного", "одной", "одному", "одним", "одном", "одну"))
_HALF_MORE = frozenset(("полтора", "полторы", "полутора"))
"""One and a half, in every case ("полтора миллиона", "полутора тысяч")."""

SCALES: dict[str, int] = {
    **dict.fromkeys(_forms("тысяч", "", "а", "и", "у", "е", "ей", "ью", "ам", "ами", "ах"), 10**3),
    **dict.fromkeys(_forms("миллион", "", "а", "у", "е", "ом", "ы", "ов", "ам", "ами", "ах"), 10**6),
    **dict.fromkeys(_forms("миллиард", "", "а", "у", "е", "ом", "ы", "ов", "ам", "ами", "ах"), 10**9),
    **dict.fromkeys(_forms("триллион", "", "а", "у", "е", "ом", "ы", "ов", "ам", "ами", "ах"), 10**12),
    "тыс": 10**3, "млн": 10**6, "млрд": 10**9, "трлн": 10**12,
}  # fmt: skip
"""Scale words in every case and their abbreviations (written with or without a dot)."""

FRACTIONS: dict[str, tuple[int, int]] = {
    **dict.fromkeys(_forms("половин", "а", "ы", "е", "у", "ой"), (1, 2)),
    **dict.fromkeys(("треть", "трети"), (1, 3)),
    **dict.fromkeys(("четверть", "четверти", "четвертью"), (1, 4)),
}
"""Proportions in words; "две трети", "трёх четвертей" multiply the numerator."""
_FRACTION_PLURALS: dict[str, int] = {
    **dict.fromkeys(("трети", "третей", "третям", "третями", "третях"), 3),
    **dict.fromkeys(("четверти", "четвертей", "четвертям", "четвертями"), 4),
}

ORDINAL_STEMS = {
    "втор": 2, "четвёрт": 4, "четверт": 4, "пят": 5, "шест": 6, "седьм": 7, "восьм": 8, "девят": 9,
    "десят": 10,
}  # fmt: skip
_ORDINAL_ENDINGS = "ой|ый|ая|ое|ые|ого|ому|ым|ом|ую|ых|ыми"
_THIRD = "трет(?:ий|ья|ье|ьи|ьего|ьему|ьим|ьем|ьей|ью|ьих|ьими)"

MULTIPLIER_WORDS = {
    "вдвое": 2, "втрое": 3, "вчетверо": 4, "впятеро": 5, "вшестеро": 6, "всемеро": 7, "ввосьмеро": 8,
    "вдевятеро": 9, "вдесятеро": 10,
}  # fmt: skip

HEDGES: dict[str, str] = {
    "около": "about", "порядка": "about", "примерно": "approximately", "приблизительно": "approximately",
    "ориентировочно": "approximately", "оцениваемую в": "estimated", "оцениваемой в": "estimated",
    "оценивается в": "estimated", "почти": "nearly", "почти что": "nearly", "без малого": "nearly",
    "чуть менее": "just under", "чуть меньше": "just under", "немногим менее": "just under",
    "более": "more than", "больше": "more than", "более чем": "more than", "больше чем": "more than",
    "свыше": "over", "чуть более": "just over", "чуть больше": "just over", "немногим более": "just over",
    "не менее": "at least", "не меньше": "at least", "не менее чем": "at least", "не меньше чем": "at least",
    "как минимум": "at least", "по меньшей мере": "at least", "минимум": "at least",
    "менее": "less than", "меньше": "less than", "менее чем": "less than", "меньше чем": "less than",
    "до": "up to", "вплоть до": "up to", "не более": "no more than", "не больше": "no more than",
    "не более чем": "no more than", "не свыше": "no more than", "максимум": "no more than",
    "как максимум": "no more than", "превысить": "over", "превышает": "over", "превышать": "over",
    "превысил": "over", "превысила": "over", "превысило": "over", "превысили": "over", "превысит": "over",
    "превышают": "over", "превышающий": "over", "превышающую": "over", "превышал": "over", "превышала": "over",
    "превышало": "over", "превышали": "over", "не превышал": "no more than", "не превышала": "no more than",
    "не превышало": "no more than", "не превышали": "no more than", "не превышает": "no more than",
    "не превышают": "no more than", "не превысит": "no more than", "не превысил": "no more than",
    "не превысила": "no more than",
}  # fmt: skip
"""Russian hedges before a number and the English phrase of hedges.HEDGE_GROUPS each stands for."""
HEDGES_AFTER = {"с лишним": "more than", "с небольшим": "just over", "и более": "or more", "или более": "or more",
                "и больше": "or more", "и менее": "or less", "или менее": "or less"}  # fmt: skip
"""Hedges written after the number ("100 с лишним", "50 и более")."""

CURRENCY_WORDS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(_forms("доллар", "", "а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах"), ("USD",)),
    **dict.fromkeys(_forms("рубл", "ь", "я", "ю", "ем", "е", "и", "ей", "ям", "ями", "ях"), ("RUB",)),
    **dict.fromkeys(_forms("боливар", "", "а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах"), ("VES",)),
    **dict.fromkeys(_forms("юан", "ь", "я", "ю", "ем", "е", "и", "ей", "ям", "ями", "ях"), ("CNY",)),
    **dict.fromkeys(_forms("фунт", "", "а", "ов", "ы", "ам", "ами") + ["фунтов стерлингов"], ("GBP",)),
    **dict.fromkeys(_forms("иен", "а", "ы", "у", "ой", "ам"), ("JPY",)),
    **dict.fromkeys(("иен", "йен", "йены"), ("JPY",)),
    **dict.fromkeys(_forms("рупи", "й", "и", "я", "ю", "ям"), ("INR", "PKR", "LKR", "NPR")),
    **dict.fromkeys(_forms("гривн", "а", "ы", "у", "ой", "ам"), ("UAH",)),
    "гривен": ("UAH",),
    "евро": ("EUR",), "песо": ("MXN", "ARS", "COP", "CLP", "PHP", "UYU", "DOP", "CUP"), "тенге": ("KZT",),
    "долл.": ("USD",), "долл": ("USD",), "руб.": ("RUB",), "руб": ("RUB",), "р.": ("RUB",), "₽": ("RUB",),
    "$": CURRENCY_SIGNS["$"], "€": ("EUR",), "£": ("GBP",), "¥": ("CNY", "JPY"),
    **{code: (code,) for code in ("USD", "EUR", "RUB", "CNY", "VES", "GBP", "JPY")},
}  # fmt: skip
"""Currency names and signs written after the number, in every case."""
CURRENCY_BEFORE = {"$": CURRENCY_SIGNS["$"], "€": ("EUR",), "£": ("GBP",), "₽": ("RUB",), "¥": ("CNY", "JPY")}
"""Signs written before the number ("$10,3 млрд")."""

MEASURE_WORDS: dict[str, str] = {
    **dict.fromkeys(_forms("тонн", "", "а", "ы", "у", "ой", "ам", "ами", "ах") + ["т"], "tonnes"),
    **dict.fromkeys(_forms("километр", "", "а", "ов", "ам", "ами", "ах") + ["км"], "km"),
    **dict.fromkeys(_forms("метр", "", "а", "ов", "ам", "ами", "ах"), "metres"),
    **dict.fromkeys(_forms("килограмм", "", "а", "ов", "ам", "ами") + ["кг"], "kg"),
    **dict.fromkeys(_forms("литр", "", "а", "ов", "ам", "ами", "ах") + ["л"], "litres"),
    **dict.fromkeys(_forms("гектар", "", "а", "ов", "ам", "ами", "ах") + ["га"], "hectares"),
    **dict.fromkeys(_forms("кубометр", "", "а", "ов", "ам", "ами", "ах") + ["куб. м", "м³", "м3"], "m³"),
    **dict.fromkeys(_forms("баррел", "ь", "я", "ей", "ям", "ями", "ях"), "barrels"),
    **dict.fromkeys(_forms("градус", "", "а", "ов", "ам", "ами") + ["°C", "°С", "°"], "°C"),
    **dict.fromkeys(_forms("мегаватт", "", "а", "ов") + ["МВт"], "MW"),
    **dict.fromkeys(_forms("гигаватт", "", "а", "ов") + ["ГВт"], "GW"),
    **dict.fromkeys(_forms("киловатт", "", "а", "ов") + ["кВт"], "kW"),
    "МВт·ч": "MWh", "кВт·ч": "kWh", "ГВт·ч": "GWh", "км/ч": "km/h", "TEU": "TEU", "ДФЭ": "TEU",
    **dict.fromkeys(
        [f"процентн{a} пункт{b}" for a in ("ый", "ых", "ого", "ым", "ыми") for b in ("", "а", "ов", "ам", "ами")]
        + ["п.п.", "п. п.", "пп"], "percentage points"),
    **dict.fromkeys([f"базисн{a} пункт{b}" for a in ("ый", "ых", "ого") for b in ("", "а", "ов")]
                    + ["б.п.", "б. п."], "basis points"),
}  # fmt: skip
"""Units of measure in every case, each with the catalog's (international) unit it reads as."""
_PER_DAY = {"barrels": "b/d", "tonnes": "t/d"}
_PER_YEAR = {"tonnes": "t/yr", "m³": "bcm/yr"}

PERCENT_WORDS = frozenset(_forms("процент", "", "а", "ов", "ам", "ами", "ах", "е", "ом") + ["%", "проц."])
TIME_WORDS: dict[str, str] = {
    **dict.fromkeys(("лет", "год", "года", "году", "годам", "годами", "годах"), "years"),
    **dict.fromkeys(_forms("месяц", "", "а", "ев", "ам", "ами", "ах", "е"), "months"),
    **dict.fromkeys(_forms("недел", "я", "и", "ь", "ю", "ям", "ями", "ях"), "weeks"),
    **dict.fromkeys(("день", "дня", "дней", "дням", "днями", "днях", "суток", "сутки", "суткам", "сутками"), "days"),
    **dict.fromkeys(_forms("час", "", "а", "ов", "ам", "ами", "ах"), "hours"),
    **dict.fromkeys(_forms("минут", "", "а", "ы", "у", "ам", "ами"), "minutes"),
    **dict.fromkeys(_forms("секунд", "", "а", "ы", "у", "ам", "ами"), "seconds"),
    **dict.fromkeys(_forms("десятилети", "е", "я", "й", "ю", "ям", "ями"), "decades"),
}  # fmt: skip
"""Time units in every case ("45 суток" are days)."""

MONTH_FORMS: dict[str, int] = {}
for _number, (_nominative, _stem) in enumerate(
    [("январь", "январ"), ("февраль", "феврал"), ("март", "март"), ("апрель", "апрел"), ("май", "ма"),
     ("июнь", "июн"), ("июль", "июл"), ("август", "август"), ("сентябрь", "сентябр"), ("октябрь", "октябр"),
     ("ноябрь", "ноябр"), ("декабрь", "декабр")], start=1,
):  # fmt: skip
    _endings = ("а", "е", "у", "ом") if _stem in ("март", "август") else ("я", "е", "ю", "ем")
    MONTH_FORMS.update(dict.fromkeys([_nominative, *(_stem + e for e in _endings)], _number))
MONTH_FORMS["маем"] = 5
"""Month names in every case ("3 июня", "в июле", "к марту")."""

_CHANGE_STEMS = (
    "вырос", "выросл", "вырас", "возрос", "возраст", "увелич", "сократ", "сокращ", "сниз", "сниж", "уменьш",
    "повыс", "повыш", "пониз", "пониж", "подня", "поднима", "подним", "упа", "пада", "довест", "довед", "довод",
    "расшир", "подскоч", "опуст", "прибав", "подорож", "подешев", "ускор", "замедл", "рост", "сниже",
)  # fmt: skip
"""Verbs and nouns of change: "до" after them is "to", not "up to" ("снизилась до 19%")."""

_LABEL_WORDS = re.compile(
    r"(?i)(?<![\w-])(?:стать[яиеюёй]|ст\.|пункт[аеуом]?|п\.|глав[аеуыой]|част[ьию]|раздел[аеу]?|"
    r"приложени[еяю]|резолюци[яиюей]|номер[аеу]?|№|корпус[аеу]?|дом[аеу]?|д\.|кв\.|протокол[аеу]?|"
    r"класс[аеу]?|рейс[аеу]?|маршрут[аеу]?|модел[ьиюей]|версии|версия|серии|серия|канал[аеу]?|"
    r"уровн[юяе]|этап[аеу]?)\s*\Z"
)
"""A word before a number that makes it a label ("статья 5", "№ 123", "рейс 714")."""
_LABEL_AFTER = re.compile(r"\s+(?:класс[аеуыо]?\w*|курс[аеу]?\b|созыв\w*|степен\w*|категори\w*|разряд\w*)\b")
"""An ordinal before these names a class or rank, no figure ("пшеница 4-го класса", "студент 4-го курса")."""
_THIRD_PARTY = re.compile(r"\s+(?:стран|валют|лиц|сторон)\w*")
""""третьи страны", "третьих валют": other parties, no rank."""

# ------------------------------------------------------------------------------------------------ regexes

_SP = "[ \u00a0\u2009\u202f]"
_GAP = r"[ \u00a0\u2009\u202f]+"
_DASH = r"[-–—]"
_NUMBER = re.compile(rf"\d{{1,3}}(?:{_SP}\d{{3}})+(?:,\d+)?(?!\d)|\d+(?:,\d+)?(?![\d])")
_LEAD_OK = re.compile(r"(?<![\w.,:/#@№\\-])")
"""A number starts a figure only when no letter, digit, code sign or hyphen is glued before it."""
_GLUED_AFTER = re.compile(r"[.,:/]\d|[A-Za-zА-Яа-яЁё]")
_PHONE = re.compile(r"(?<![\w-])(?:\+?\d{1,3}[\s-]?)?(?:\(\d{2,5}\)|\d{3,5})[\s-]?\d{2,3}-\d{2}-\d{2}(?![\d-])")
"""A telephone number ("+7 (495) 123-45-67", "8-800-555-35-35"): no quantity."""
_HYPHEN_RANGE = re.compile(r"-(\d+(?:,\d+)?)(?![\d-])")
"""The high end of a range glued with a hyphen ("20-25%", "в 3-4 раза")."""
_TIME_OF_DAY = re.compile(r"(?<!\d)(?:[01]?\d|2[0-3])[:.][0-5]\d(?![\d,])(?!\.\d)")
_NUMERIC_DATE = re.compile(r"(?<![\d.])([0-3]?\d)\.([01]?\d)\.((?:1[89]|20)\d\d)(?![\d])")
_MONTH = "(?:" + "|".join(sorted(MONTH_FORMS, key=len, reverse=True)) + r")(?![\w])"
_YEAR_WORD = r"(?:год(?:а|у|ом|ы|ов|ах|ам)?|гг?\.)(?![\w])"
_DATE = re.compile(
    rf"(?i)(?<![\w.])(?:(?P<day>[0-3]?\d){_GAP})?(?P<month>{_MONTH})"
    rf"(?:{_GAP}(?P<year>(?:1[89]|20)\d\d)(?:{_GAP}{_YEAR_WORD})?(?![\d,]))?"
)
_RELATIVE = re.compile(
    r"(?i)(?<![\w-])(?P<which>прошл\w*|этом|этого|текущ\w*|нынешн\w*|следующ\w*|будущ\w*)\s+"
    r"(?P<unit>год(?:у|а)?|месяц[ае]?|недел[еию])(?![\w])"
)
_DECADE = re.compile(
    r"(?<![\w.-])(?:(?P<full>(?:1[89]|20)\d0)|(?P<short>\d0))-(?:е|х|ми|м)(?![\w])"
    rf"(?P<years>{_GAP}(?:год(?:ы|ов|ах|ам)|гг\.))?"
)
_MONTH_CONTEXT = re.compile(
    r"(?i)(?<![\w-])(?:в|во|с|со|до|к|по|на|от|конца|начала|середины|конце|начале|середине)\s+\Z"
)
_DECADE_CONTEXT = re.compile(r"(?i)(?<![\w-])(?:в|во|с|со|до|к|конц[еау]|начал[еау]|середин[еыу])\s+\Z")
"""Before "90-е" without "годы": a decade ("в 90-е", "с конца 90-х")."""
_YEAR_AFTER = re.compile(rf"{_GAP}(?:[а-яё]+(?:ый|ом|ого|ий|ем|его|ому){_GAP})?{_YEAR_WORD}")
"""A year word after a year, perhaps with an adjective: "2024 года", "2025 учебный год", "2024 финансовом году"."""
_SENTENCE_NEXT = r"[^\S\n]*(?:\n|\Z)|[^\S\n]+[А-ЯЁ«\"„(]"
"""After an abbreviation's dot, what shows the dot also ends the sentence: the dot is then punctuation, left
out of the mention ("… более 2,5 млн." quoted without its full stop). A Latin capital is a unit ("214 тыс.
TEU"), not a new sentence."""
_SCALE_AFTER = re.compile(
    rf"(?:{_GAP}|(?<=\d))(?P<scale>(?:тыс|млн|млрд|трлн)(?![\w])(?:\.(?!{_SENTENCE_NEXT}))?|"
    r"(?:тысяч|миллион|миллиард|триллион)[а-я]*)"
)
_CURRENCY_AFTER = re.compile(
    rf"{_SP}*(?P<cur>[$€£₽¥]|(?:долл|руб|р)\.|"
    + "(?:"
    + "|".join(sorted((w for w in CURRENCY_WORDS if w[0].isalpha() and not w.endswith(".")), key=len, reverse=True))
    + r")(?![\w]))(?P<usa>\s+США)?"
)
_PERCENT_AFTER = re.compile(rf"{_SP}*(?P<pct>%|(?:процент(?:а|ов|ам|ами|ах|е|ом)?|проц\.)(?![\w]))")
_MEASURE_AFTER = re.compile(
    rf"(?:{_SP}*)(?P<unit>"
    + "|".join(re.escape(w) for w in sorted(MEASURE_WORDS, key=len, reverse=True))
    + r")(?![\wА-Яа-я])"
)
_RATE_AFTER = re.compile(r"\s+(?:в|за)\s+(?P<rate>сутки|день|год|месяц|неделю)(?![\w])")
_TIME_AFTER = re.compile(rf"{_GAP}(?P<unit>" + "|".join(sorted(TIME_WORDS, key=len, reverse=True)) + r")(?![\w])")
_ORDINAL_SUFFIX = re.compile(
    r"-(?P<suffix>летие|летия|летию|летием|летии|й|я|е|го|му|м|х|ю|ой|ый|ий|ая|ое|ые|ых|ым|ом|ую|ми)(?![\w])"
)
_YEARS_LONG = re.compile(r"-летн(?:ий|его|ему|им|ем|яя|ей|юю|ее|ие|их|ими)(?![\w])")
_TIMES_AFTER = re.compile(rf"{_GAP}раз(?:а)?(?![\w])")
_HEDGE_BEFORE = re.compile(
    r"(?i)(?<![\w-])(?P<hedge>"
    + "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in sorted(HEDGES, key=len, reverse=True))
    + r")\s+(?:(?:на|в|во)\s+)?\Z"
)
_HEDGE_AFTER = re.compile(r"\s+(?P<hedge>" + "|".join(h.replace(" ", r"\s+") for h in HEDGES_AFTER) + r")(?![\w])")
_WORD = re.compile(r"[а-яёА-ЯЁ]+")
_WORDS_BEFORE = re.compile(r"([^.;:!?,()«»]{0,80})\Z")
_ADJECTIVE = re.compile(r"[а-яё]+(?:ых|их|ые|ие|ый|ая|яя|ое|ого|его|ому|ему|ыми|ими|ую|юю)")
_VERB = re.compile(
    r"[а-яё]+(?:ются|ется|ится|ятся|утся|лся|лась|лось|лись|ться|ть|ют|ут|ят|ет|ал|ала|ало|али|ял|яла|яли|ил|ила|"
    r"ило|ел|ела|ели|ул|ула|ули|ыл|ыла|ыли)"
)
"""A word that looks like a verb ("являются", "планируется", "принял"): it ends a counted noun phrase."""
_NOUN_STOPS = frozenset(
    """в во на с со по до к ко от из за и или а но что как чем для при о об же ли не ни у под над между
    это году года ещё еще уже также тоже больше меньше более менее около почти только лишь всего из-за
    через после перед против без этого этой этих их его ее её был была было были будет является""".split()
)
_TRIGGER = re.compile(
    r"\d|[$€£₽¥](?=\s?\d)|(?i:(?<![\w-])(?:"
    + "|".join(
        sorted(
            [*_UNITS, *_TENS, *_HUNDREDS, *_HALF_MORE, *_ONE, *SCALES, *FRACTIONS, *MULTIPLIER_WORDS, "в", "во",
             *(s + "[а-я]{0,3}" for s in ORDINAL_STEMS), _THIRD],
            key=len,
            reverse=True,
        )
    )
    + r")(?![\w-]))"
)  # fmt: skip


@dataclass
class _Tok:
    start: int
    end: int
    numeral: str
    kind: str
    value: Decimal | None
    high: Decimal | None = None
    scaled: bool = False
    currencies: tuple[str, ...] = ()
    measure: Measure | None = None
    unit_text: str | None = None
    time_unit: str | None = None
    noun: str | None = None
    rate: str | None = None
    qualifier: str | None = None
    fraction: tuple[int, int] | None = None
    date: DateExpr | None = None
    period: str | None = None


# ---------------------------------------------------------------------------------------------- the scan


def read_mentions(text: str) -> list[Mention]:
    """All number and date mentions of a Russian `text`, sorted by start and non-overlapping."""
    taken: list[tuple[int, int]] = [(m.start(), m.end()) for m in _PHONE.finditer(text)]
    taken += [(m.start(), m.end()) for m in _TIME_OF_DAY.finditer(text) if not _NUMERIC_DATE.match(text, m.start())]
    toks = _dates(text, taken)
    pos = 0
    while True:
        found = _TRIGGER.search(text, pos)
        if found is None:
            break
        at = found.start()
        blocked = next((end for start, end in taken if start <= at < end), None)
        if blocked is not None:
            pos = blocked
            continue
        tok = _read_at(text, at)
        if tok is None:
            pos = found.end() if found.end() > at else at + 1
            continue
        toks.append(tok)
        taken.append((tok.start, tok.end))
        pos = tok.end
    toks.sort(key=lambda t: t.start)
    toks = _ranges(toks, text)
    _elided_units(toks, text)
    for tok in toks:
        _hedge(text, tok)
    return [_mention(tok, text) for tok in toks]


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in taken)


def _dates(text: str, taken: list[tuple[int, int]]) -> list[_Tok]:
    """Numeric dates, dates with a month name, relative dates and decades; marks their spans taken."""
    toks: list[_Tok] = []

    def add(tok: _Tok) -> None:
        if not _overlaps(taken, tok.start, tok.end):
            toks.append(tok)
            taken.append((tok.start, tok.end))

    for match in _NUMERIC_DATE.finditer(text):
        day, month, year = int(match[1]), int(match[2]), int(match[3])
        if 1 <= day <= 31 and 1 <= month <= 12:
            add(_Tok(match.start(), match.end(), match[0], "date", None, date=DateExpr(year, month, day)))
    for match in _DATE.finditer(text):
        tok = _month_date(text, match)
        if tok is not None:
            add(tok)
    for match in _RELATIVE.finditer(text):
        which = match["which"].lower()
        relative = "last" if which.startswith("прошл") else "next" if which.startswith(("следующ", "будущ")) else "this"
        unit = {"г": "year", "м": "month", "н": "week"}[match["unit"][0].lower()]
        add(_Tok(match.start(), match.end(), match[0], "date", None, date=DateExpr(None, None, None, relative, unit)))
    for match in _DECADE.finditer(text):
        if match["full"]:
            first = int(match["full"])
        elif match["years"] or _DECADE_CONTEXT.search(text, max(0, match.start() - 12), match.start()):
            short = int(match["short"])
            first = (2000 if short < 30 else 1900) + short
        else:
            continue
        add(_Tok(match.start(), match.end(), match[0], "decade", Decimal(first), period=f"{first}/{first + 9}"))
    return toks


def _month_date(text: str, match: re.Match[str]) -> _Tok | None:
    """ "3 июня 2025 года", "июле 2024 года", "мае" (after a preposition), "январе–мае 2025 года"."""
    month = MONTH_FORMS[match["month"].lower()]
    day = int(match["day"]) if match["day"] else None
    if day is not None and not 1 <= day <= 31:
        return None
    year = int(match["year"]) if match["year"] else None
    if day is None and year is None:
        before = text[max(0, match.start() - 14) : match.start()]
        dash = re.match(rf"\s*{_DASH}\s*", text[match.end() :])
        later = _DATE.match(text, match.end() + dash.end()) if dash else None
        if later is not None and later["year"]:  # "январе–мае 2025 года": the first month takes the year
            year = int(later["year"])
        elif not (_MONTH_CONTEXT.search(before) or re.search(rf"{_DASH}\s*\Z", before) or later):
            return None  # "Май" a name, "март" a word: a bare month counts after a preposition
    return _Tok(match.start(), match.end(), match[0], "date", None, date=DateExpr(year, month, day))


def _read_at(text: str, at: int) -> _Tok | None:
    """The quantity that starts at `at` (a digit, a sign or a numeral word), or None."""
    char = text[at]
    if char in CURRENCY_BEFORE:
        number = _NUMBER.match(text, at + 1 if text[at + 1 : at + 2].isdigit() else at + 2)
        if number is None:
            return None
        tok = _digits(text, number, at)
        if tok is None or tok.kind != "count":
            return None
        tok.kind, tok.currencies, tok.start = "currency", CURRENCY_BEFORE[char], at
        return tok
    if char.isdigit():
        number = _NUMBER.match(text, at)
        return None if number is None else _digits(text, number, at)
    return _words(text, at)


def _digits(text: str, number: re.Match[str], start: int) -> _Tok | None:
    """A number in digits and what follows it."""
    at = number.start()
    if not _LEAD_OK.match(text, at) or re.search(r"[A-Za-zА-Яа-яЁё]-\Z|\d[.,:/]\Z", text[max(0, at - 2) : at]):
        return None  # "Су-30", "10.5.3": part of a name or code
    if re.search(r"(?<![\w.])[A-Z][A-Za-z]+\s\Z", text[max(0, at - 20) : at]) or _LABEL_WORDS.search(
        text, max(0, at - 16), at
    ):
        return None  # "Merey 16", "статья 5", "№ 123": a name or label
    numeral = number[0]
    end = number.end()
    value = _decimal(numeral)
    after = text[end:]
    suffix = _ORDINAL_SUFFIX.match(text, end)
    if suffix and "," not in numeral:
        if _LABEL_AFTER.match(text, suffix.end()):
            return None
        return _Tok(start, suffix.end(), numeral, "ordinal", value)
    years_long = _YEARS_LONG.match(text, end)
    if years_long:
        return _Tok(start, years_long.end(), numeral, "duration", value, time_unit="years")
    units = _MEASURE_AFTER.match(text, end) or _SCALE_AFTER.match(text, end) or _PERCENT_AFTER.match(text, end)
    if _GLUED_AFTER.match(after) and not units:
        return None  # "30МК2", "1.2.3"
    hyphen = _HYPHEN_RANGE.match(text, end)
    if hyphen is not None and not _ORDINAL_SUFFIX.match(text, hyphen.end()):
        return _hyphen_range(text, start, numeral, hyphen)
    if _is_year(text, numeral, end):
        return _Tok(start, end, numeral, "year", value)
    tok = _Tok(start, end, numeral, "count", value)
    _tail(text, tok)
    return tok


def _hyphen_range(text: str, start: int, numeral: str, hyphen: re.Match[str]) -> _Tok | None:
    """ "20-25%", "3-4 тыс.", "2010-2015 годы": one figure with two ends sharing what follows."""
    low, high = _decimal(numeral), _decimal(hyphen[1])
    if high <= low:
        return None
    both = f"{numeral}-{hyphen[1]}"
    if _is_year(text, numeral, hyphen.end()) and _is_year(text, hyphen[1], hyphen.end()):
        return _Tok(start, hyphen.end(), both, "year", low, high=high, period=f"{numeral}/{hyphen[1]}")
    tok = _Tok(start, hyphen.end(), both, "count", low, high=high)
    _tail(text, tok)
    return tok


def _is_year(text: str, numeral: str, end: int) -> bool:
    """A four-digit number from 1800 to 2100 written without a separator is a year before "год"/"г." or
    when nothing it could count follows ("в 2019 году", "с 2010 по 2015", "кредит 2011 года")."""
    if not re.fullmatch(r"(?:1[89]\d\d|20\d\d|2100)", numeral):
        return False
    if _YEAR_AFTER.match(text, end):
        return True
    if _SCALE_AFTER.match(text, end) or _CURRENCY_AFTER.match(text, end) or _PERCENT_AFTER.match(text, end):
        return False
    if _MEASURE_AFTER.match(text, end) or _TIME_AFTER.match(text, end):
        return False
    following = re.match(rf"{_GAP}([а-яё]+)", text[end:])
    return following is None or following[1] in _NOUN_STOPS


def _tail(text: str, tok: _Tok) -> None:
    """Scale, then percent, currency, measure, duration, multiplier or counted noun after a count."""
    scale = _SCALE_AFTER.match(text, tok.end)
    if scale and tok.value is not None:
        word = scale["scale"].rstrip(".").lower()
        tok.value *= SCALES[word]
        tok.high = None if tok.high is None else tok.high * SCALES[word]
        tok.scaled = True
        tok.end = scale.end()
    _unit(text, tok)


def _unit(text: str, tok: _Tok) -> None:
    """What the number counts or measures, read right after it."""
    end = tok.end
    if (pct := _PERCENT_AFTER.match(text, end)) is not None:
        tok.kind, tok.end = "percent", pct.end()
        return
    if (measure := _MEASURE_AFTER.match(text, end)) is not None and (measure["unit"] != "°" or not tok.scaled):
        _measure(text, tok, measure)
        return
    if (currency := _CURRENCY_AFTER.match(text, end)) is not None:
        written = currency["cur"]
        key = written if written in CURRENCY_WORDS else written.lower()
        tok.kind, tok.end = "currency", currency.end()
        tok.currencies = ("USD",) if currency["usa"] else CURRENCY_WORDS[key]
        return
    if (times := _TIMES_AFTER.match(text, end)) is not None and re.search(r"(?i)(?<![\w-])во?\s+\Z", text[: tok.start]):
        tok.kind, tok.end = "multiplier", times.end()
        tok.start = text.rindex("в", 0, tok.start)
        return
    if (duration := _TIME_AFTER.match(text, end)) is not None and not tok.scaled:
        tok.kind, tok.end, tok.time_unit = "duration", duration.end(), TIME_WORDS[duration["unit"].lower()]
        return
    tok.noun = _noun(text, end)


def _measure(text: str, tok: _Tok, measure: re.Match[str]) -> None:
    unit = MEASURE_WORDS[measure["unit"]]
    tok.kind, tok.end, tok.unit_text = "measure", measure.end(), unit
    rate = _RATE_AFTER.match(text, tok.end)
    if rate and rate["rate"] in ("сутки", "день") and unit in _PER_DAY:
        unit, tok.end = _PER_DAY[unit], rate.end()
        tok.unit_text = "barrels per day" if unit == "b/d" else unit
    elif rate and rate["rate"] == "год" and unit in _PER_YEAR:
        unit, tok.end = _PER_YEAR[unit], rate.end()
        tok.unit_text = unit
    if unit == "m³":
        tok.measure = Measure("m3", Decimal(1))
    elif unit in ("bcm/yr",):
        tok.measure = Measure("m3", Decimal(1), "yr")
    else:
        tok.measure = MEASURES[unit]


def _noun(text: str, end: int) -> str | None:
    """The counted noun as written after a count, with the adjectives before it ("российских компаний")."""
    words: list[str] = []
    pos = end
    while len(words) < 3:
        found = re.match(r"[ \u00a0\u2009\u202f]+([а-яё][а-яё-]*)", text[pos:])
        if found is None or found[1] in _NOUN_STOPS or _VERB.fullmatch(found[1]):
            break
        words.append(found[1])
        pos += found.end()
        if not _ADJECTIVE.fullmatch(found[1]):
            break
    return " ".join(words) or None


def _decimal(numeral: str) -> Decimal:
    return Decimal(re.sub(_SP, "", numeral).replace(",", "."))


# ------------------------------------------------------------------------------------------ words


def _words(text: str, at: int) -> _Tok | None:
    """A numeral in words, a proportion, an ordinal or a multiplier word starting at `at`."""
    word_match = _WORD.match(text, at)
    if word_match is None:
        return None
    word = word_match[0].lower()
    if word in MULTIPLIER_WORDS:
        return _Tok(at, word_match.end(), word_match[0], "multiplier", Decimal(MULTIPLIER_WORDS[word]))
    if word in ("в", "во"):
        return _times_in_words(text, at, word_match.end())
    if re.fullmatch(_THIRD, word) or any(
        word.startswith(stem) and re.fullmatch(_ORDINAL_ENDINGS, word[len(stem) :]) for stem in ORDINAL_STEMS
    ):
        return _ordinal_word(text, at, word_match)
    if word in FRACTIONS:
        return _fraction(text, at, word_match.end(), 1, FRACTIONS[word])
    return _cardinal(text, at)


def _ordinal_word(text: str, at: int, word: re.Match[str]) -> _Tok | None:
    low = word[0].lower()
    third = low.startswith("трет")
    if third and _THIRD_PARTY.match(text, word.end()):
        return None
    value = 3 if third else next(n for stem, n in ORDINAL_STEMS.items() if low.startswith(stem))
    if _LABEL_AFTER.match(text, word.end()) or re.match(r"\s+(?:половин|полугоди|квартал|тайм)", text[word.end() :]):
        return None  # "второй половине года", "третьем квартале": a part of a period, no rank
    return _Tok(at, word.end(), word[0], "ordinal", Decimal(value))


def _times_in_words(text: str, at: int, end: int) -> _Tok | None:
    """ "в три раза", "в полтора раза", "в 2,5 раза": a multiplier."""
    gap = re.match(_GAP, text[end:])
    if gap is None:
        return None
    start = end + gap.end()
    if text[start : start + 1].isdigit():
        number = _NUMBER.match(text, start)
        if number is None:
            return None
        value, numeral, stop = _decimal(number[0]), number[0], number.end()
    else:
        read = _cardinal_value(text, start)
        if read is None:
            return None
        value, stop = read
        numeral = text[start:stop]
    times = _TIMES_AFTER.match(text, stop)
    if times is None:
        return None
    return _Tok(at, times.end(), numeral, "multiplier", value)


def _cardinal_value(text: str, at: int) -> tuple[Decimal, int] | None:
    """A cardinal in words with its scale ("двадцать пять", "полутора тысяч", "двух миллиардов")."""
    total, end, last = Decimal(0), at, 10**4
    pos = at
    while True:
        found = _WORD.match(text, pos)
        if found is None:
            break
        word = found[0].lower()
        if word in _HUNDREDS and last > 100:
            total, last = total + _HUNDREDS[word], 100
        elif word in _TENS and last > 10:
            total, last = total + _TENS[word], 10
        elif word in _UNITS and (last > 10 or last == 10 and _UNITS[word] < 10):
            total, last = total + _UNITS[word], 1
        elif word in _HALF_MORE and total == 0:
            total, last = Decimal("1.5"), 1
        elif word in _ONE and last >= 10:
            total, last = total + 1, 1
        elif word in SCALES and word not in ("тыс", "млн", "млрд", "трлн"):
            total = (total or Decimal(1)) * SCALES[word]
            end = found.end()
            break
        else:
            break
        end = found.end()
        gap = re.match(_GAP, text[end:])
        if gap is None:
            break
        pos = end + gap.end()
    if end == at:
        return None
    return total, end


def _cardinal(text: str, at: int) -> _Tok | None:
    """A number in words, with the unit after it; a lone "один" or a lone scale word is no figure."""
    read = _cardinal_value(text, at)
    if read is None:
        return None
    value, end = read
    numeral = text[at:end]
    first = numeral.split()[0].lower()
    scaled = any(w.lower() in SCALES for w in numeral.split())
    if first in _ONE and not scaled:
        return None
    fraction = re.match(rf"{_GAP}([а-яё]+)", text[end:])
    if fraction and fraction[1] in _FRACTION_PLURALS and not scaled and value < 10:
        return _fraction(text, at, end + fraction.end(), int(value), (1, _FRACTION_PLURALS[fraction[1]]))
    tok = _Tok(at, end, numeral, "count", value, scaled=scaled)
    if _LABEL_WORDS.search(text, max(0, at - 16), at):
        return None
    _unit(text, tok)
    return tok


def _fraction(text: str, at: int, end: int, numerator: int, fraction: tuple[int, int]) -> _Tok | None:
    """ "половина", "треть", "две трети": a share in percent; "первой половине года" is no share."""
    if fraction[1] == 2 and (
        re.search(r"(?i)(?:перв|втор)\w*\s+\Z", text[max(0, at - 12) : at])
        or re.match(rf"{_GAP}(?:\d{{4}}|года|дня|месяца|века|{_MONTH})", text[end:], re.I)
    ):
        return None
    parts = (numerator, fraction[1])
    value = Decimal(100 * numerator) / fraction[1]
    return _Tok(at, end, text[at:end], "percent", value, fraction=parts)


# ----------------------------------------------------------------------------------- ranges and hedges


def _ranges(toks: list[_Tok], text: str) -> list[_Tok]:
    """Join "600–700 млн", "от 20 до 30 тыс.", "2005–2013 годах", "с 2000 по 2021 год" into one mention
    whose low end shares the high end's scale and unit; "с 45 до 28 суток" stays two figures sharing a unit."""
    out: list[_Tok] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if (
            nxt is not None
            and tok.kind == nxt.kind == "year"
            or (nxt is not None and tok.kind == "count" and nxt.kind == "year" and tok.value is not None)
        ):
            joined = _year_range(tok, nxt, text) if nxt is not None else None
            if joined is not None:
                out.append(joined)
                i += 2
                continue
        if nxt is not None and _is_range_pair(tok, nxt, text):
            between = text[tok.end : nxt.start]
            from_to = bool(re.fullmatch(r"\s+до\s+", between))
            change = from_to and bool(re.search(r"(?i)(?<![\w-])(?:с|со)\s+\Z", text[: tok.start]))
            low = _shared(tok, nxt)
            if change:  # "с 45 до 28 суток": a change, two figures
                out.extend([low, nxt])
            else:
                out.append(replace(nxt, start=low.start, numeral=f"{low.numeral}{between}{nxt.numeral}",
                                   value=low.value, high=nxt.value))  # fmt: skip
            i += 2
            continue
        out.append(tok)
        i += 1
    return out


_SENTENCE_BREAK = re.compile(r"[.!?](?:\s|\Z)|\n")
_ELLIPSIS = re.compile(rf"(?:{_GAP}{_YEAR_WORD})?\s*[—–]\s*(?:\w+\s+){{0,3}}")


def _elided_units(toks: list[_Tok], text: str) -> None:
    """A bare number after a date and a dash repeats the unit of the figure the sentence gave before
    ("примерно 1,02 млн баррелей в сутки, тогда как в 2013 году — более 2,5 млн")."""
    for i, tok in enumerate(toks):
        if tok.kind != "count" or tok.noun is not None or i < 2 or toks[i - 1].kind not in ("year", "date"):
            continue
        if not _ELLIPSIS.fullmatch(text[toks[i - 1].end : tok.start]):
            continue
        for earlier in reversed(toks[: i - 1]):
            if _SENTENCE_BREAK.search(text, earlier.end, tok.start):
                break
            if earlier.kind in ("currency", "measure", "percent"):
                toks[i] = replace(tok, kind=earlier.kind, currencies=earlier.currencies, measure=earlier.measure,
                                  unit_text=earlier.unit_text)  # fmt: skip
                break


def _is_range_pair(low: _Tok, high: _Tok, text: str) -> bool:
    between = text[low.end : high.start]
    if low.kind not in ("count", "currency", "percent", "measure", "duration") or low.fraction or high.fraction:
        return False
    if re.fullmatch(rf"\s*{_DASH}\s*", between) and not re.fullmatch(r"\s+-\s+", between):
        return low.kind == high.kind or low.kind == "count"
    if re.fullmatch(r"\s+до\s+", between):
        return (low.kind == "count" or low.kind == high.kind) and bool(
            re.search(r"(?i)(?<![\w-])(?:от|с|со)\s+\Z", text[: low.start])
        )
    return False


def _shared(low: _Tok, high: _Tok) -> _Tok:
    """The low end of "от 2 до 3 тыс. рублей" takes the high end's scale and unit."""
    if low.kind != "count" or low.noun is not None and high.kind == "count":
        return low
    value = low.value
    if high.scaled and not low.scaled and value is not None and high.value is not None:
        scale = next((s for s in (10**12, 10**9, 10**6, 10**3) if high.value % s == 0 and high.value >= s), 1)
        value = value * scale
    return replace(low, kind=high.kind, value=value, currencies=high.currencies, measure=high.measure,
                   unit_text=high.unit_text, time_unit=high.time_unit, noun=high.noun, scaled=high.scaled)  # fmt: skip


def _year_range(low: _Tok, high: _Tok, text: str) -> _Tok | None:
    between = text[low.end : high.start]
    if low.value is None or high.value is None or not re.fullmatch(r"(?:1[89]|20)\d\d", low.numeral):
        return None
    dashed = re.fullmatch(rf"\s*{_DASH}\s*", between)
    spelled = re.fullmatch(r"\s+(?:по|до)\s+", between) and re.search(
        r"(?i)(?<![\w-])(?:с|со|от)\s+\Z", text[: low.start]
    )
    if not (dashed or spelled) or high.value <= low.value:
        return None
    period = f"{low.numeral}/{high.numeral}"
    return _Tok(low.start, high.end, f"{low.numeral}{between}{high.numeral}", "year", low.value, high=high.value,
                period=period)  # fmt: skip


def _hedge(text: str, tok: _Tok) -> None:
    """The hedge before (or after) a figure; "до" after a change or as the end of a span hedges nothing."""
    if tok.kind in ("date", "year", "decade", "ordinal"):
        return
    after = _HEDGE_AFTER.match(text, tok.end)
    if after:
        tok.qualifier = HEDGES_AFTER[" ".join(after["hedge"].split())]
        return
    before = _HEDGE_BEFORE.search(text, max(0, tok.start - 40), tok.start)
    if before is None:
        return
    hedge = " ".join(before["hedge"].lower().split())
    if hedge == "до" and _to_not_up_to(text, before.start()):
        return
    tok.qualifier = HEDGES[hedge]


def _to_not_up_to(text: str, at: int) -> bool:
    """ "до" means "to": after a number it starts from ("с 45 до 28"), or after a verb of change a few words
    back ("снизилась до 19%", "выросли вдвое — до 94 тыс."); after a dash alone it is "up to" ("мощность — до
    20 вертолётов")."""
    before = text[max(0, at - 80) : at]
    if re.search(r"\d\S*\s+\Z", before):
        return True
    if re.search(r"[—–-]\s*\Z", before):  # "выросли вдвое — до 94 тыс.", "евро — до 7%" after "снизилась до
        # 19%"; but "мощность — до 20 вертолётов" is up to: a verb of change anywhere before in the sentence decides
        sentence = re.split(r"[.!?\n]", before)[-1]
        return any(w.lower().startswith(_CHANGE_STEMS) for w in _WORD.findall(sentence))
    clause = _WORDS_BEFORE.search(before)
    words = [w.lower() for w in _WORD.findall(clause[1] if clause else "")][-4:]
    return any(w.startswith(_CHANGE_STEMS) for w in words)


def _mention(tok: _Tok, text: str) -> Mention:
    return Mention(
        start=tok.start, end=tok.end, text=text[tok.start : tok.end], numeral=tok.numeral, kind=tok.kind,
        value=tok.value, high=tok.high, currencies=tok.currencies, measure=tok.measure, unit_text=tok.unit_text,
        time_unit=tok.time_unit, noun=tok.noun, rate=tok.rate, qualifier=tok.qualifier, fraction=tok.fraction,
        date=tok.date, period=tok.period,
    )  # fmt: skip
