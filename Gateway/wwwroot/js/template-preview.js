// Live preview for the template editor: fills the placeholders with the sample name and scale, and counts
// length and texts with the same rules as the server (sms-segments.js). The server renders the same preview,
// so the page works without JavaScript.
(function () {
  "use strict";
  var body = document.querySelector("[data-template-body]");
  var preview = document.getElementById("template-preview");
  if (!body || !preview || !window.BuddySms) {
    return;
  }
  var text = document.getElementById("preview-text");
  var counter = document.getElementById("preview-counter");
  var unicode = document.getElementById("preview-unicode");
  var unicodeChars = document.getElementById("preview-unicode-chars");
  var values = { FirstName: preview.dataset.sampleName, ScaleRange: preview.dataset.scaleRange, OrganisationName: preview.dataset.organisationName };

  function update() {
    var filled = body.value.replace(/\{([^{}]*)\}/g, function (match, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : match;
    });
    var length = window.BuddySms.measure(filled);
    text.textContent = filled;
    var encoding = length.encoding === "Gsm7" ? "GSM-7" : "Unicode";
    counter.textContent = length.segments > 1
      ? length.units + " characters, " + length.segments + " texts (" + encoding + ", up to " + length.unitsPerSegment + " characters each)"
      : length.units + " of " + length.unitsPerSegment + " characters, 1 text (" + encoding + ")";
    counter.classList.toggle("buddy-counter--over", length.segments > 1);
    unicode.hidden = length.nonGsmCharacters.length === 0;
    unicodeChars.textContent = length.nonGsmCharacters.join(" ");
  }

  body.addEventListener("input", update);
})();
