// Material 9.8 downloads the search index (hundreds of kB) as every page loads. Hold that one
// request until the reader opens search (the search box gets the focus, or its toggle is checked),
// or a page opened from a search result (?h=...) needs it to highlight the terms found.
// hooks/search.py puts this script just before Material's bundle, which makes the request.
// Opening search also links the stylesheet of every Hangul face (hooks/fonts.py).
(() => {
  const INDEX = /\/search\/search_index\.json$/;
  const { open, send } = XMLHttpRequest.prototype;
  const held = [];
  let wanted = new URLSearchParams(location.search).has("h");
  const want = () => {
    if (!wanted) {
      // Results show other pages' text: give them every Hangul face, not only this page's.
      const faces = document.querySelector('meta[name="nn-text-all-faces"]');
      if (faces) {
        const link = document.createElement("link");
        link.rel = "stylesheet";
        link.href = faces.content;
        document.head.append(link);
      }
    }
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
