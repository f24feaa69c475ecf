// /simulator: newly sent and processed texts appear without a reload (and without losing a half-typed reply).
// A file rather than an inline script, which the content security policy refuses.
(function () {
  var box = document.getElementById("conversation");
  if (!box) { return; }
  setInterval(function () {
    fetch(box.dataset.refresh, { headers: { "Accept": "text/html" } })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) { if (html !== null && html !== box.innerHTML) { box.innerHTML = html; } })
      .catch(function () { });
  }, 3000);
})();
