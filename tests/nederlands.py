"""What a Dutch page must not show: English words that Django and its packages print when a
translation is missing. Used by the admin and import page tests."""

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
