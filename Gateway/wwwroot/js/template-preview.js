// Live preview for the template editor: fills the placeholders the chosen kind of text knows (the first name, the
// scale, samples for goal and appointment details) and counts length and texts with the same rules as the server
// (sms-segments.js). Like the server, it measures with each of the organisation's candidate first names and shows the
// one that makes the text longest. The server renders the same preview, so the page works without JavaScript.
(function () {
  "use strict";
  var body = document.querySelector("[data-template-body]");
  var preview = document.getElementById("template-preview");
  var kind = document.getElementById("Input_Kind");
  if (!body || !preview || !kind || !window.BuddySms) {
    return;
  }
  var text = document.getElementById("preview-text");
  var nameLine = document.getElementById("preview-name");
  var counter = document.getElementById("preview-counter");
  var unicode = document.getElementById("preview-unicode");
  var unicodeChars = document.getElementById("preview-unicode-chars");
  var hint = document.getElementById("Input_Body-hint");
  var names = JSON.parse(preview.dataset.names);
  var values = JSON.parse(preview.dataset.values);
  var placeholders = JSON.parse(preview.dataset.placeholders);
  var sample = preview.dataset.sample === "true";

  function fill(template, name, known) {
    return template.replace(/\{([^{}]*)\}/g, function (match, placeholder) {
      if (known.indexOf(placeholder) < 0) { return match; }
      return placeholder === "FirstName" ? name : values[placeholder];
    });
  }

  function describe(name) {
    if (sample) { return "a service user called " + name + " (you have no service users yet)"; }
    return names.length > 1
      ? name + ", the first name among your service users that makes this text longest"
      : name + ", the longest first name among your service users";
  }

  function update() {
    var known = placeholders[kind.value] || [];
    var longest = null;
    names.forEach(function (name) {
      var filled = fill(body.value, name, known);
      var length = window.BuddySms.measure(filled);
      if (longest === null || length.segments > longest.length.segments ||
          (length.segments === longest.length.segments && length.units > longest.length.units)) {
        longest = { name: name, text: filled, length: length };
      }
    });
    var length = longest.length;
    text.textContent = longest.text;
    nameLine.textContent = "Measured with " + describe(longest.name) + ".";
    var encoding = length.encoding === "Gsm7" ? "GSM-7" : "Unicode";
    counter.textContent = length.segments > 1
      ? length.units + " characters, " + length.segments + " texts (" + encoding + ", up to " + length.unitsPerSegment + " characters each)"
      : length.units + " of " + length.unitsPerSegment + " characters, 1 text (" + encoding + ")";
    counter.classList.toggle("buddy-counter--over", length.segments > 1);
    unicode.hidden = length.nonGsmCharacters.length === 0;
    unicodeChars.textContent = length.nonGsmCharacters.join(" ");
    if (hint) {
      hint.textContent = "You can use " + known.map(function (p) { return "{" + p + "}"; }).join(", ") +
        ". {FirstName} is the person's name; a check-in's {ScaleRange} is the mood scale (for example 0-10).";
    }
  }

  body.addEventListener("input", update);
  kind.addEventListener("change", update);
})();
