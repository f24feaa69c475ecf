// /simulator: newly sent and processed texts appear without a reload (and without losing a half-typed reply).
// Only the first page (the newest texts) refreshes, and only when something in it changed (its data-version), so
// a screen reader hears new texts rather than the same ones every few seconds. A file rather than an inline
// script, which the content security policy refuses.
(function () {
  var box = document.getElementById("conversation");
  if (!box || !box.dataset.refresh) { return; }
  function version(root) {
    var marked = root.querySelector("[data-version]");
    return marked ? marked.getAttribute("data-version") : null;
  }
  setInterval(function () {
    fetch(box.dataset.refresh, { headers: { "Accept": "text/html" } })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (html === null) { return; }
        var fresh = document.createElement("div");
        fresh.innerHTML = html;
        if (version(fresh) !== version(box)) { box.innerHTML = html; }
      })
      .catch(function () { });
  }, 3000);
})();
