// The light/dark toggle, run in the header as soon as the parser reaches it (hooks/material_js.py
// puts this script right after the toggle's form). Material's own palette component does the
// same work from its bundle at the end of the page, and restyles the whole page several times
// while it starts; here the colours are right before the first paint. Like Material's, it keeps
// the reader's choice in localStorage (__palette), shared with the 404 page, which still uses
// Material's component. Without a stored choice it follows the system's light or dark setting.
(function () {
  var form = document.currentScript.parentNode.querySelector("form[data-nn-text-palette]");
  var inputs = form.querySelectorAll("input");
  var media = function (input) { return input.getAttribute("data-md-color-media"); };
  var system = function () {
    for (var i = 0; i < inputs.length; i++) if (matchMedia(media(inputs[i])).matches) return i;
    return 0;
  };
  var stored = __md_get("__palette");
  var current = stored ? Math.max(0, Math.min(stored.index, inputs.length - 1)) : system();

  function meta(name) {
    var tag = document.head.querySelector('meta[name="' + name + '"]');
    if (!tag) {
      tag = document.createElement("meta");
      tag.name = name;
      document.head.appendChild(tag);
    }
    return tag;
  }

  // The browser's own colours (scroll bars, form controls, the mobile address bar) follow the
  // scheme and the header's colour, which hooks/material_js.py reads from Material's palette at
  // build time: reading the header's style here would restyle the whole page first (40 ms on a
  // phone for a notebook page, while it starts).
  function browserColours(input) {
    meta("color-scheme").content = input.getAttribute("data-nn-text-color-scheme");
    meta("theme-color").content = input.getAttribute("data-nn-text-theme-color");
  }

  function show(index, store) {
    var input = inputs[index];
    var color = {};
    ["media", "scheme", "primary", "accent"].forEach(function (key) {
      color[key] = input.getAttribute("data-md-color-" + key);
      if (key !== "media") document.body.setAttribute("data-md-color-" + key, color[key]);
    });
    for (var i = 0; i < inputs.length; i++) inputs[i].nextElementSibling.hidden = i !== index;
    browserColours(input);
    current = index;
    if (store) __md_set("__palette", { index: index, color: color });
  }

  show(current, false);
  form.addEventListener("change", function (event) {
    document.body.setAttribute("data-md-color-switching", "");  // no colour transitions
    show(Array.prototype.indexOf.call(inputs, event.target), true);
    requestAnimationFrame(function () { document.body.removeAttribute("data-md-color-switching"); });
  });
  form.addEventListener("keydown", function (event) {  // Enter moves on, as in Material
    if (event.key !== "Enter") return;
    var next = inputs[(current + 1) % inputs.length];
    next.click();
    next.focus();
  });
  if (!stored) {  // the system switches between light and dark: follow it until the reader chooses
    for (var i = 0; i < inputs.length; i++) {
      matchMedia(media(inputs[i])).addEventListener("change", function () {
        if (!__md_get("__palette")) show(system(), false);
      });
    }
  }
})();
