// Code blocks too wide for the page scroll sideways, and a keyboard can scroll them only if they
// take the focus. Material gives such a block tabindex="0" when it sets the block up; with its
// feature content.lazy (mkdocs.yml) that waits until the block comes on screen, so after the page
// has loaded, this gives every such block the tabindex Material would give it. Like Material,
// only where the pointer can hover (on touch screens a swipe scrolls the block).
//
// Measuring a block lays it out (extra.css skips the layout of blocks off screen), so the blocks
// are measured a few at a time while the browser is idle, never in one long task.
addEventListener("load", () => {
  if (!matchMedia("(hover)").matches) return;
  const todo = [...document.querySelectorAll(".highlight pre > code:not([tabindex])")];
  const idle = window.requestIdleCallback || ((step) => setTimeout(() => step(null), 1));
  const step = (deadline) => {
    do {
      const code = todo.shift();
      if (code && code.scrollWidth > code.clientWidth) code.setAttribute("tabindex", "0");
    } while (todo.length && deadline && deadline.timeRemaining() > 5);
    if (todo.length) idle(step);
  };
  idle(step);
});
