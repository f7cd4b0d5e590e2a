"""Vocabulary of the story end, grouped by concept: the lines that open appended articles.

Each group is a list of phrases (regex fragments) joined once at import into one compiled
pattern anchored to the whole line, so a sentence that merely mentions "related" or
"trending" never matches. Languages are listed by phrase, not by document: aggregators
append foreign-language items to English pages (append dev: Portuguese, Russian, Malay).
"""

from __future__ import annotations

import regex

_F = regex.IGNORECASE | regex.UNICODE | regex.VERSION0

# "Related Articles", "Read next", "Trending now", ... on a line of their own.
RELATED_HEADERS = (
    # English
    r"related(?:\s+(?:articles?|stories|posts?|news|content|coverage|links|reading|topics|videos?))?",
    r"read\s+(?:more|next|also|this\s+next)",
    r"(?:what|more)\s+to\s+read(?:\s+next)?",
    r"more\s+(?:stories|news|articles|headlines|coverage|videos?|from\s+[\w .'’&-]{2,40}|on\s+this\s+(?:story|topic))",
    r"next\s+(?:article|story|up|post)",
    r"up\s+next",
    r"(?:most\s+)?(?:popular|read|viewed|shared|commented|emailed)(?:\s+(?:now|today|stories|articles|posts|news|this\s+week))?",
    r"most\s+(?:popular|read|viewed|shared|commented|emailed)(?:\s+\w+)?",
    r"trending(?:\s+(?:now|stories|news|articles|today|topics))?",
    r"top\s+(?:stories|news|headlines|picks|reads)",
    r"(?:recommended|suggested)(?:\s+(?:for\s+you|stories|articles|reading|videos?))?",
    r"you\s+(?:may|might|could)\s+(?:also\s+)?(?:like|enjoy|be\s+interested\s+in)",
    r"(?:also|elsewhere)\s+on\s+[\w .'’&-]{2,40}",
    r"around\s+the\s+(?:web|site)",
    r"(?:don['’]t|do\s+not)\s+miss",
    r"editor['’]?s['’]?\s+(?:picks?|choice)",
    r"latest\s+(?:news|stories|articles|posts|headlines)",
    r"further\s+reading",
    r"see\s+also",
    r"in\s+other\s+news",
    r"(?:other|similar)\s+(?:stories|articles|news)",
    r"(?:keep|continue)\s+reading",
    r"(?:you\s+)?might\s+also\s+want\s+to\s+read",
    # German
    r"mehr\s+zum\s+thema",
    r"das\s+k[öo]nnte\s+(?:sie|dich)\s+auch\s+interessieren",
    r"auch\s+interessant",
    r"weitere\s+(?:artikel|nachrichten|meldungen|themen|beitr[äa]ge)",
    r"meistgelesen(?:e\s+artikel)?",
    r"lesen\s+sie\s+(?:auch|mehr)",
    r"(?:verwandte|[äa]hnliche)\s+(?:artikel|beitr[äa]ge|themen)",
    r"empfehlungen",
    r"top[-\s]themen",
    r"neueste\s+(?:artikel|beitr[äa]ge)",
    r"beliebte\s+(?:artikel|beitr[äa]ge)",
    # French
    r"[àa]\s+lire\s+aussi",
    r"lire\s+aussi",
    r"sur\s+le\s+m[êe]me\s+sujet",
    r"articles?\s+(?:similaires|li[ée]s|connexes)",
    r"les\s+plus\s+(?:lus|partag[ée]s|populaires)",
    r"[àa]\s+d[ée]couvrir(?:\s+aussi)?",
    r"vous\s+aimerez\s+aussi",
    r"dans\s+la\s+m[êe]me\s+rubrique",
    r"(?:nos\s+)?derni[èe]res\s+actualit[ée]s",
    r"voir\s+aussi",
    # Spanish, Portuguese, Italian
    r"(?:noticias|art[íi]culos)\s+relacionad[oa]s",
    r"(?:tambi[ée]n\s+)?te\s+puede\s+interesar",
    r"lo\s+m[áa]s\s+le[íi]do",
    r"m[áa]s\s+(?:noticias|le[íi]d[oa]s|art[íi]culos)",
    r"lee\s+tambi[ée]n",
    r"leer\s+m[áa]s",
    r"ver\s+tambi[ée]n",
    r"leia\s+(?:tamb[ée]m|mais)",
    r"not[íi]cias\s+relacionadas",
    r"mais\s+lid[ao]s",
    r"veja\s+tamb[ée]m",
    r"voc[êe]\s+(?:pode|vai)\s+gostar",
    r"articoli\s+correlati",
    r"leggi\s+anche",
    r"i\s+pi[ùu]\s+letti",
    r"potrebbe\s+interessarti",
    # Dutch, Polish, Russian
    r"lees\s+(?:ook|meer)",
    r"gerelateerde\s+artikelen",
    r"meest\s+gelezen",
    r"czytaj\s+(?:te[żz]|tak[żz]e|wi[ęe]cej)",
    r"zobacz\s+(?:te[żz]|tak[żz]e)",
    r"najcz[ęe][śs]ciej\s+czytane",
    r"powi[ąa]zane\s+artyku[łl]y",
    r"polecane",
    r"читайте\s+также",
    r"похожие\s+(?:статьи|новости|материалы)",
    r"популярное",
    r"рекомендуем",
    r"другие\s+новости",
    r"смотрите\s+также",
)
RELATED_HEADER = regex.compile(r"^[\W_]*(?:" + "|".join(RELATED_HEADERS) + r")[\s:.»›>…|\-–—]*$", _F)

# "16 minutes ago", "an hour ago", "vor 2 Stunden", "il y a 3 heures": the time stamps of
# aggregator cards. Anchored to the whole line (optionally after a source and a dot).
_N = r"(?:\d{1,3}|an?|one|two|three|few)"
RELATIVE_TIMES = (
    _N + r"\s+(?:sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|days?|weeks?|months?|years?)\s+ago",
    r"just\s+now",
    r"vor\s+(?:\d{1,3}|einer?|zwei|drei)\s+(?:sekunden?|minuten?|stunden?|tag(?:en)?|wochen?|monat(?:en)?)",
    r"il\s+y\s+a\s+(?:\d{1,3}|une?)\s+(?:secondes?|min(?:utes?)?|heures?|h|jours?|semaines?|mois)",
    r"hace\s+(?:\d{1,3}|una?)\s+(?:segundos?|min(?:utos?)?|horas?|d[íi]as?|semanas?|meses?)",
    r"h[áa]\s+(?:\d{1,3}|uma?)\s+(?:segundos?|min(?:utos?)?|horas?|dias?|semanas?)",
    r"\d{1,3}\s+(?:minut[oi]|or[ae]|giorn[oi])\s+fa",
    r"\d{1,3}\s+(?:sekund|minut[ay]?|godzin[ay]?|godz\.|dni)\s+temu",
    r"\d{1,3}\s+(?:минут[уы]?|час(?:а|ов)?|дн(?:я|ей)|день)\s+назад",
    r"\d{1,3}\s+(?:minuten|uur|dagen)\s+geleden",
)
RELATIVE_TIME = regex.compile(
    r"^[\W_]*(?:[\w .'’&-]{1,40}\s*[·•|-]\s*)?(?:" + "|".join(RELATIVE_TIMES) + r")[\s.]*$", _F
)

# A source line of an aggregator card: a bare host name, optionally after a dash.
SOURCE_HOST = regex.compile(r"^[-–—•·\s]*(?:https?://)?(?:www\.)?(?:[\w-]+\.)+[a-z]{2,12}/?$", _F)
# A short source name after a dash ("- Straits Times"), the card's footer.
SOURCE_DASHED = regex.compile(r"^[-–—•·]\s*\p{Lu}[\w.'’&]*(?:\s+[\w.'’&]+){0,3}$", _F)

# "Sign up now", "Join our Telegram channel": calls to action that close the story and
# open the appended block (seed 002: "Join ST's Telegram channel and get ... delivered").
CALLS_TO_ACTION = (
    r"sign\s*up\s+(?:now|today|here|for\s+(?:our|the)\s+\w+\s*newsletter)",
    r"join\s+(?:our|us\s+on|[\w'’]+\s+)?\s*(?:telegram|whatsapp|signal)(?:\s+channel)?",
    r"subscribe\s+to\s+our\s+(?:newsletter|channel)",
    r"get\s+(?:the\s+latest|our)\s+[\w\s]{0,30}delivered",
    r"follow\s+us\s+on\s+(?:telegram|whatsapp|google\s+news)",
    r"abonnieren\s+sie\s+(?:unseren|den)\s+newsletter",
    r"abonnez-vous\s+[àa]\s+(?:notre|la)\s+newsletter",
    r"suscr[íi]bete\s+a\s+(?:nuestro|la)\s+(?:newsletter|bolet[íi]n)",
)
CALL_TO_ACTION = regex.compile(r"^[\W_]*(?:" + "|".join(CALLS_TO_ACTION) + r")", _F)


#: Any of the line markers above in one pattern: a first test that most lines fail fast.
ANY_MARKER = regex.compile(
    "|".join(f"(?:{p.pattern})" for p in (RELATED_HEADER, RELATIVE_TIME, SOURCE_HOST, SOURCE_DASHED)), _F
)


def is_related_header(text: str) -> bool:
    """Whether a line is a "Related Articles"-style header (at most 8 words).

    >>> is_related_header("Trending now"), is_related_header("Trending stocks fell sharply on Monday.")
    (True, False)
    """
    return len(text.split()) <= 8 and bool(RELATED_HEADER.match(text))


def is_relative_time(text: str) -> bool:
    """Whether a line is only a relative time stamp ("16 minutes ago", "vor 2 Stunden")."""
    return len(text) <= 60 and bool(RELATIVE_TIME.match(text))


def is_source_line(text: str) -> bool:
    """Whether a line is only a source: a host name ("- pv-magazine.com") or "- Straits Times"."""
    return len(text) <= 60 and bool(SOURCE_HOST.match(text) or SOURCE_DASHED.match(text))


def is_call_to_action(text: str) -> bool:
    """Whether a line opens with a sign-up/join call to action ("Sign up now: ...")."""
    return bool(CALL_TO_ACTION.match(text))
