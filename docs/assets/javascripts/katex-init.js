// Typeset the math that pymdownx.arithmatex leaves as \( \) and \[ \] (and $ $ in notebooks)
// with the self-hosted KaTeX, on every page load.
document$.subscribe(({ body }) => {
  renderMathInElement(body, {
    delimiters: [
      { left: "$$", right: "$$", display: true },
      { left: "$", right: "$", display: false },
      { left: "\\(", right: "\\)", display: false },
      { left: "\\[", right: "\\]", display: true },
    ],
    ignoredClasses: ["highlight", "highlight-ipynb"],
    throwOnError: false,
  });
});
