// Material's bundle, started once the browser has painted the page (hooks/material_js.py puts
// this script where Material's <script src> was, with the bundle's address in data-src).
// At the end of the page the bundle ran before the first paint, and its first look at the
// viewport made the browser style and lay out the whole page inside the script: on long pages
// one of the longest tasks before the page can be used.
(() => {
  const src = document.currentScript.dataset.src;
  const start = () => {
    const script = document.createElement("script");
    script.src = src;
    // Material starts its components on DOMContentLoaded. When the bundle arrives after that
    // event, tell it again; Material listens once, so it never starts twice.
    script.onload = () => {
      if (document.readyState !== "loading") document.dispatchEvent(new Event("DOMContentLoaded"));
    };
    document.body.append(script);
  };
  // A timeout set in an animation frame runs after that frame's paint. A hidden page (a tab
  // opened in the background) gets no frames until it is shown: start at once.
  if (document.hidden) start();
  else requestAnimationFrame(() => setTimeout(start));
})();
