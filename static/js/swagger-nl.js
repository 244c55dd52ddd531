// Swagger UI in Dutch. Swagger UI has no translations of its own; this replaces the words of
// its interface as it draws them (a MutationObserver over the page), and leaves alone what
// comes from the OpenAPI document, which is Dutch already.
(function () {
  "use strict";
  var woorden = {
    "Servers": "Server",
    "Authorize": "Autoriseren",
    "Authorized": "Geautoriseerd",
    "Available authorizations": "Beschikbare autorisaties",
    "Close": "Sluiten",
    "Logout": "Afmelden",
    "Value:": "Waarde:",
    "Try it out": "Uitproberen",
    "Cancel": "Annuleren",
    "Execute": "Uitvoeren",
    "Clear": "Wissen",
    "No parameters": "Geen parameters",
    "Name": "Naam",
    "Description": "Omschrijving",
    "Request body": "Inhoud van het verzoek",
    "Responses": "Antwoorden",
    "Response body": "Inhoud van het antwoord",
    "Response headers": "Headers van het antwoord",
    "Server response": "Antwoord van de server",
    "Request URL": "Adres van het verzoek",
    "Request duration": "Duur van het verzoek",
    "No links": "Geen links",
    "Example Value": "Voorbeeld",
    "Example": "Voorbeeld",
    "Examples": "Voorbeelden",
    "Schemas": "Schema's",
    "Media type": "Mediatype",
    "Controls Accept header.": "Bepaalt de Accept-header.",
    "Download": "Downloaden",
    "Undocumented": "Niet beschreven",
    "required": "verplicht",
    "Loading...": "Laden…",
    "Expand all": "Alles uitklappen",
    "Collapse all": "Alles inklappen",
    "Filter by tag": "Filter op onderwerp",
    "Send empty value": "Lege waarde versturen",
    "Copy to clipboard": "Kopiëren",
    "Failed to fetch.": "Ophalen mislukt.",
    "Possible Reasons:": "Mogelijke oorzaken:",
    "Default value": "Standaardwaarde",
    "Available values": "Mogelijke waarden",
    "- Website": "\u2013 website",
  };
  // Texts with a name in them, from the document's contact details.
  var patronen = [
    [/^Send email to (.+)$/, "E-mail aan $1"],
    [/^(.+) - Website$/, "$1 \u2013 website"],
  ];
  var attributen = ["aria-label", "title", "placeholder"];
  function vertaal(wortel) {
    var wandelaar = document.createTreeWalker(wortel, NodeFilter.SHOW_TEXT);
    var knoop;
    while ((knoop = wandelaar.nextNode())) {
      var tekst = knoop.nodeValue.trim();
      if (tekst && Object.prototype.hasOwnProperty.call(woorden, tekst) && woorden[tekst] !== tekst) {
        knoop.nodeValue = knoop.nodeValue.replace(tekst, woorden[tekst]);
        continue;
      }
      patronen.forEach(function (patroon) {
        if (patroon[0].test(tekst)) {
          knoop.nodeValue = knoop.nodeValue.replace(tekst, tekst.replace(patroon[0], patroon[1]));
        }
      });
    }
    if (wortel.querySelectorAll) {
      wortel.querySelectorAll("[aria-label],[title],[placeholder]").forEach(function (el) {
        attributen.forEach(function (naam) {
          var waarde = el.getAttribute(naam);
          if (waarde && Object.prototype.hasOwnProperty.call(woorden, waarde)) {
            el.setAttribute(naam, woorden[waarde]);
          }
        });
      });
    }
  }
  var bezig = false;
  new MutationObserver(function () {
    if (bezig) return;
    bezig = true;
    vertaal(document.body);
    bezig = false;
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
  vertaal(document.body);
})();
