// SMS length and segment counting for the template editor's live counter. It mirrors
// Gateway.Domain/Templates/SmsSegments.cs rule for rule (a test runs both over the same table):
// GSM-7 is 160 septets in one text or 153 per part, extension characters cost two and are never split;
// anything outside GSM-7 makes the whole text UCS-2: 70 code units, or 67 per part, surrogate pairs never split.
(function (root) {
  "use strict";
  var GSM7_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  var GSM7_EXTENSION = "\f^{}\\[~]|€";

  function measure(text) {
    var chars = Array.from(text); // code points, so a surrogate pair stays together
    var nonGsm = [];
    chars.forEach(function (c) {
      if (GSM7_BASIC.indexOf(c) < 0 && GSM7_EXTENSION.indexOf(c) < 0 && nonGsm.indexOf(c) < 0) {
        nonGsm.push(c);
      }
    });
    var gsm = nonGsm.length === 0;
    var single = gsm ? 160 : 70;
    var multi = gsm ? 153 : 67;
    var costs = chars.map(function (c) {
      return gsm ? (GSM7_EXTENSION.indexOf(c) >= 0 ? 2 : 1) : c.length;
    });
    var units = costs.reduce(function (a, b) { return a + b; }, 0);
    var result = { encoding: gsm ? "Gsm7" : "Ucs2", units: units, nonGsmCharacters: nonGsm };
    if (units === 0) {
      result.segments = 0; result.unitsPerSegment = single; result.remainingInSegment = single;
    } else if (units <= single) {
      result.segments = 1; result.unitsPerSegment = single; result.remainingInSegment = single - units;
    } else {
      var segments = 1, used = 0;
      costs.forEach(function (cost) {
        if (used + cost > multi) { segments++; used = 0; }
        used += cost;
      });
      result.segments = segments; result.unitsPerSegment = multi; result.remainingInSegment = multi - used;
    }
    return result;
  }

  var api = { measure: measure };
  if (typeof module !== "undefined" && module.exports) {
    module.exports = api;
  } else {
    root.BuddySms = api;
  }
})(this);
