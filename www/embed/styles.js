// The shadow root's own stylesheet of <refrain-compare>, as text for a constructable stylesheet
// (adoptedStyleSheets needs no 'unsafe-inline' under a strict Content Security Policy): the
// element's frame (tabs, status line, themes, full screen) and the variables of the views'
// stylesheet (../css/views.css, linked in the shadow root), taken from the public --refrain-*
// custom properties. Public styling hooks: those properties and the parts named in
// custom-elements.json. Everything else is internal.

// The dark palette, for theme="dark" and for theme="auto" under a dark system preference.
const DARK = `
  --bg: var(--refrain-bg, #1e2024); --panel: var(--refrain-bg, #1e2024); --fg: var(--refrain-fg, #ececec);
  --muted: var(--refrain-muted, #b4b4b4); --line: var(--refrain-border, #4a4d55); --soft: var(--refrain-soft, #26282d);
  --accent: var(--refrain-accent, #8cc4ff); --accent-fg: var(--refrain-accent-fg, #0d1117); --dim: var(--refrain-dim, #2b2d31);
  --focus: var(--refrain-focus, #8cc4ff); --error: var(--refrain-error, #ff9a9a);
  --c0: var(--refrain-c0, #1f4e79); --c1: var(--refrain-c1, #1a5a6b); --c2: var(--refrain-c2, #1b5a48); --c3: var(--refrain-c3, #4b5716);
  --c4: var(--refrain-c4, #575710); --c5: var(--refrain-c5, #5e5117); --c6: var(--refrain-c6, #6f3822); --c7: var(--refrain-c7, #6e2f4a);
  color-scheme: dark;`;

export const ELEMENT_CSS = `
:host { display: block; }
:host([hidden]) { display: none; }
.root {
  all: initial; display: block; box-sizing: border-box; container: views / inline-size; min-width: 0;
  --bg: var(--refrain-bg, #ffffff); --panel: var(--refrain-bg, #ffffff); --fg: var(--refrain-fg, #1b1b1b);
  --muted: var(--refrain-muted, #575757); --line: var(--refrain-border, #cbc6bb); --soft: var(--refrain-soft, #f1efe9);
  --accent: var(--refrain-accent, #0b5cad); --accent-fg: var(--refrain-accent-fg, #ffffff); --dim: var(--refrain-dim, #ecebe6);
  --focus: var(--refrain-focus, #0b5cad); --error: var(--refrain-error, #a4262c);
  --c0: var(--refrain-c0, #77aadd); --c1: var(--refrain-c1, #99ddff); --c2: var(--refrain-c2, #44bb99); --c3: var(--refrain-c3, #bbcc33);
  --c4: var(--refrain-c4, #aaaa00); --c5: var(--refrain-c5, #eedd88); --c6: var(--refrain-c6, #ee8866); --c7: var(--refrain-c7, #ffaabb);
  --sans: var(--refrain-font, system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", Arial, sans-serif);
  --serif: var(--refrain-text-font, ui-serif, Georgia, Cambria, "Times New Roman", "Noto Serif CJK SC", serif);
  --reader-height: var(--refrain-max-height, 26rem);
  font-family: var(--sans); font-size: var(--refrain-font-size, 16px); line-height: 1.5; color: var(--fg); background: var(--bg);
  border: 1px solid var(--line); border-radius: var(--refrain-radius, 8px); padding: .6em; text-align: start;
  color-scheme: light; overflow-wrap: break-word;
}
.root.dark {
${DARK}
}
@media (prefers-color-scheme: dark) {
  .root.auto {
${DARK}
  }
}
button, input, select { font: inherit; color: inherit; }
.bar { display: flex; flex-wrap: wrap; gap: .3em .8em; align-items: center; justify-content: space-between; margin: 0 0 .5em; }
.tabs { display: flex; flex-wrap: wrap; gap: .25em; }
.tab {
  background: var(--bg); border: 1px solid var(--line); border-radius: calc(var(--refrain-radius, 8px) * .6);
  padding: .25em .7em; min-height: 2.25em; font-size: .92em; cursor: pointer;
}
.tab:hover { background: var(--soft); }
.tab[aria-selected="true"] { background: var(--accent); color: var(--accent-fg); border-color: var(--accent); font-weight: 600; }
.status { margin: 0; color: var(--muted); font-size: .88em; flex: 1 1 12em; }
.status.error { color: var(--error); }
:host(:fullscreen) { background: #000; overflow: auto; }
:host(:fullscreen) .root { min-height: 100%; border: 0; border-radius: 0; padding: 0; background: #000; }
:host(:fullscreen) .bar { display: none; }
:host(:fullscreen) .rf-presenter { min-height: 100vh; border-radius: 0; font-size: 24px; }
@media print { .bar .tabs, .status { display: none; } .col-text { max-height: none; overflow: visible; } }
`;
