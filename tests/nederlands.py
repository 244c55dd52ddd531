"""What a Dutch page must not show: English words that Django and its packages print when a
translation is missing, and numbers or dates written otherwise than passend.formatting writes
them. Used by the crawl of every page, the admin and import page tests, the exports and the
PDF's text."""

import re
from html.parser import HTMLParser

#: English words Django and its packages show when a translation is missing.
ENGELS = re.compile(
    r"\b(Select|Add|Change|Delete|Search|History|View site|Log out|Save|Home|Show all|"
    r"Access attempts?|Access logs?|Access failures?|TOTP devices?|Groups?|Users?|Action|"
    r"Yes|No|Unknown|Today|Now|Clear|selected|Password|Permissions|Log entries|Token|"
    r"Authentication|Authorization|Devices?|Attempts?|Failures?|Username|User agent|Path info|"
    r"Get data|Post data|Failures since start|IP address|Attempt time|Logout time|Key|Name|"
    r"Confirmed|Throttling|Digits|Step|Tolerance|Drift|Last t|Created|Modified)\b"
)


class Zichtbaar(HTMLParser):
    """The text a visitor reads: no scripts, styles or attribute values but titles and labels."""

    def __init__(self):
        super().__init__()
        self.delen, self._verborgen = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._verborgen += 1
        for naam, waarde in attrs:
            if naam in ("title", "aria-label", "placeholder", "alt") and waarde:
                self.delen.append(waarde)
            if tag == "input" and naam == "value" and ("type", "submit") in attrs:
                self.delen.append(waarde or "")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._verborgen -= 1

    def handle_data(self, data):
        if not self._verborgen:
            self.delen.append(data)


def engelse_woorden(html: str) -> set[str]:
    lezer = Zichtbaar()
    lezer.feed(html)
    return set(ENGELS.findall(" ".join(lezer.delen)))


#: Numbers and dates as a Dutch reader does not write them.
OPMAAK = {
    "decimale punt": re.compile(r"(?<![\d.,:/\w-])\d+\.\d{1,2}(?![\d.,\w])"),
    "ISO-datum": re.compile(r"(?<![\d\w])(?:19|20)\d\d-\d\d-\d\d(?![\d\w])"),
    "maand met hoofdletter": re.compile(
        r"\b\d{1,2} (?:Jan|Feb|Mrt|Mar|Apr|Mei|May|Jun|Jul|Aug|Sep|Okt|Oct|Nov|Dec)[a-z]*\b"
    ),
    "Engelse maand": re.compile(r"\b(?:January|February|March|June|July|October)\b"),
}


def zichtbare_tekst(html: str) -> str:
    lezer = Zichtbaar()
    lezer.feed(html)
    return " ".join(lezer.delen)


_GETALCEL = re.compile(r'<t[dh][^>]*class="[^"]*passend-getal[^"]*"[^>]*>(.*?)</t[dh]>', re.S)
_ZONDER_SCHEIDING = re.compile(r"(?<![\d.,])\d{4,}(?![\d.,])")


def opmaakfouten(tekst: str, html: str = "") -> list[str]:
    """Every number or date in a visible text that passend.formatting would write otherwise,
    as 'soort: fragment'; with the page's `html`, also every figure of a table's number column
    (class passend-getal) of four or more digits without a thousands separator. Numbers
    elsewhere may be identifiers (a bestuursnummer, a BRIN), which have none."""
    fouten = [
        f"{soort}: {treffer.group()}"
        for soort, patroon in OPMAAK.items()
        for treffer in patroon.finditer(tekst)
    ]
    for cel in _GETALCEL.findall(html):
        for getal in _ZONDER_SCHEIDING.findall(re.sub(r"<[^>]+>", "", cel)):
            fouten.append(f"getal zonder scheidingsteken: {getal}")
    return fouten
