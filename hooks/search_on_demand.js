// Material 9.8 downloads the search index (hundreds of kB) as every page loads. Hold that one
// request until the reader opens search (the search box gets the focus, or its toggle is checked),
// or a page opened from a search result (?h=...) needs it to highlight the terms found.
// hooks/search.py puts this script just before Material's bundle, which makes the request.
(() => {
  const INDEX = /\/search\/search_index\.json$/;
  const { open, send } = XMLHttpRequest.prototype;
  const held = [];
  let wanted = new URLSearchParams(location.search).has("h");
  const want = () => {
    wanted = true;
    held.splice(0).forEach((go) => go());
  };
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this.nnHold = INDEX.test(String(url));
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...args) {
    if (this.nnHold && !wanted) held.push(() => send.apply(this, args));
    else send.apply(this, args);
  };
  addEventListener("focusin", (e) => e.target.matches?.("input.md-search__input") && want());
  addEventListener("change", (e) => e.target.id === "__search" && e.target.checked && want());
})();
