// Typesets formulas with KaTeX for hooks/katex.py, in one Node.js process for a whole build.
//
//   node katex_render.js <path of the katex package>
//
// Reads one JSON array of [tex, display] pairs per line on stdin and answers each line with one
// JSON array, in the same order, of {html, warnings} or {error}; ends when stdin closes.
"use strict";

const katex = require(process.argv[2]);
const readline = require("node:readline");

function render([tex, display]) {
  const warnings = [];
  try {
    const html = katex.renderToString(tex, {
      displayMode: display,
      throwOnError: true, // a formula KaTeX cannot parse fails the build, not the page
      strict: (code, message) => {
        warnings.push(`${code}: ${message}`);
        return "ignore";
      },
    });
    return { html, warnings };
  } catch (error) {
    return { error: String(error.message || error) };
  }
}

readline
  .createInterface({ input: process.stdin, crlfDelay: Infinity })
  .on("line", (line) => process.stdout.write(JSON.stringify(JSON.parse(line).map(render)) + "\n"));
