// The copy button of a Python session copies the code only: no >>> / ... prompts, no output.
//
// Material's copy button (feature content.code.copy) copies a code block as shown. For a
// ```pycon block that means prompts and output lines, and the pasted text is a SyntaxError. Like
// the copy buttons of docs.python.org and sphinx-copybutton, the button of a session now copies
// the input lines only, ready to paste into a file or into the interactive `python` prompt.
// Every other block (listings, scripts, notebook cells) is copied as before, unchanged.
//
// How Material copies (9.8; its source, src/templates/assets/javascripts/integrations/
// clipboard/index.ts): each code block gets a <button data-clipboard-target="#__code_N > code">.
// clipboard.js handles clicks on "[data-clipboard-target], [data-clipboard-text]" with ONE
// listener on document.body in the bubbling phase, and Material's text function returns the
// button's data-clipboard-text when it has one, else the innerText of the target.
// So a listener on the CAPTURING phase of the same click (it runs first) writes the session's
// input into data-clipboard-text, and clipboard.js copies that. It is computed at the click, so
// it does not matter when (or how lazily) Material added the button; keyboard activation of the
// button is a click too. (Material also copies the data-copy attribute of an ancestor of the code
// when there is one, but took that out of its documentation in October 2023 as too fragile:
// squidfunk/mkdocs-material#6086. Not used here.)

(() => {
  // Pygments' pycon lexer marks the prompts ">>> " and "... " with <span class="gp">; output
  // lines are class "go", a traceback "gt" and what follows it. Only lines that begin with a
  // prompt are input, and "... " continues the statement that the last ">>> " began.
  const PROMPT = ".gp";

  // A statement that opens a block: after it the interactive prompt waits for more ("..."),
  // until an empty line. Python's grammar: if/while/for/try/with/def/class/match, and decorators.
  const COMPOUND = /^(?:async\s+)?(?:if|while|for|try|with|def|class|match)\b|^@/;

  // Whether the code element shows a Python session (its first prompt is >>>).
  function isSession(code) {
    const prompt = code.querySelector(PROMPT);
    return prompt !== null && prompt.textContent.trim() === ">>>";
  }

  // The lines of the code element as shown, each split into its prompt and the rest. Reads the
  // text nodes in order (Material's line anchors <a> are empty and add nothing).
  function lines(code) {
    const result = [{ prompt: "", text: "" }];
    const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
    for (let node; (node = walker.nextNode()); ) {
      const inPrompt = node.parentElement.closest(`${PROMPT}, code`).matches(PROMPT);
      const part = inPrompt ? "prompt" : "text";
      node.data.split("\n").forEach((piece, i) => {
        if (i > 0) result.push({ prompt: "", text: "" });
        result[result.length - 1][part] += piece;
      });
    }
    return result;
  }

  // The input of a session: its statements without prompts, outputs dropped. A blank line follows
  // every statement that spans several lines or opens a block, since the interactive prompt needs
  // one to run it (and a file does not mind); other statements follow one another directly.
  function sessionInput(code) {
    const statements = [];
    for (const { prompt, text } of lines(code)) {
      const p = prompt.trim();
      if (p === ">>>") statements.push([text]);
      else if (p === "..." && statements.length) statements[statements.length - 1].push(text);
      // else: output, a traceback, or a blank line between outputs; not input
    }
    const out = [];
    for (const statement of statements) {
      while (statement.length && !statement[statement.length - 1].trim()) statement.pop(); // "..."
      if (!statement.length) continue; // a bare ">>>"
      out.push(...statement);
      if (statement.length > 1 || COMPOUND.test(statement[0])) out.push("");
    }
    // Ends with a newline, so that the prompt runs the last statement too (after a block, the
    // blank line above ends the block).
    return out.length ? out.join("\n") + "\n" : "";
  }

  document.addEventListener(
    "click",
    (event) => {
      if (!(event.target instanceof Element)) return;
      const button = event.target.closest("[data-clipboard-target]");
      if (!button) return;
      const code = document.querySelector(button.getAttribute("data-clipboard-target"));
      if (code && isSession(code)) {
        // An empty string would make Material fall back to copying the block as shown.
        button.setAttribute("data-clipboard-text", sessionInput(code));
      }
    },
    true, // capturing phase: before clipboard.js reads the attribute
  );
})();
