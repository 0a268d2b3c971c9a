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
  // header's; reading its style forces a layout, so at start-up it waits until the page loaded.
  function browserColours() {
    var style = getComputedStyle(document.querySelector("header"));
    meta("color-scheme").content = style.colorScheme;
    meta("theme-color").content = "#" + style.backgroundColor.match(/\d+/g).slice(0, 3)
      .map(function (c) { return (+c).toString(16).padStart(2, "0"); }).join("");
  }

  function show(index, store) {
    var input = inputs[index];
    var color = {};
    ["media", "scheme", "primary", "accent"].forEach(function (key) {
      color[key] = input.getAttribute("data-md-color-" + key);
      if (key !== "media") document.body.setAttribute("data-md-color-" + key, color[key]);
    });
    for (var i = 0; i < inputs.length; i++) inputs[i].nextElementSibling.hidden = i !== index;
    current = index;
    if (store) __md_set("__palette", { index: index, color: color });
  }

  show(current, false);
  addEventListener("load", browserColours);
  form.addEventListener("change", function (event) {
    document.body.setAttribute("data-md-color-switching", "");  // no colour transitions
    show(Array.prototype.indexOf.call(inputs, event.target), true);
    browserColours();
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
