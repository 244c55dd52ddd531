// The running total of a form of counts: every number field inside a fieldset with the class
// passend-aantallen adds to the fieldset's own subtotal and to the form's total. Without
// JavaScript the totals show what the server computed when the page was made.
(function () {
  "use strict";
  var getal = new Intl.NumberFormat("nl-NL");
  document.querySelectorAll("form[data-totaal]").forEach(function (formulier) {
    var totaal = formulier.querySelector("output[data-totaal]");
    function tel(velden) {
      var som = 0;
      velden.forEach(function (veld) {
        var waarde = parseInt(veld.value, 10);
        if (!isNaN(waarde) && waarde > 0) som += waarde;
      });
      return som;
    }
    function bij() {
      var velden = formulier.querySelectorAll(".passend-aantallen input[type=number]");
      if (totaal) totaal.textContent = getal.format(tel(velden));
      formulier.querySelectorAll(".passend-aantallen").forEach(function (groep) {
        var sub = groep.querySelector("output[data-subtotaal]");
        if (sub) sub.textContent = getal.format(tel(groep.querySelectorAll("input[type=number]")));
      });
    }
    formulier.addEventListener("input", bij);
    bij();
  });
})();
