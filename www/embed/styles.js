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

/* The element's own views that the shared views do not cover yet. */
.swatch {
  display: inline-block; min-width: 1.8em; text-align: center; padding: 0 .3em; border-radius: 3px; font-size: .8em; font-weight: 700;
  text-decoration-line: underline; text-decoration-thickness: 2px; text-underline-offset: .2em; text-decoration-color: var(--fg);
}
.fam { border: 1px solid var(--line); border-radius: calc(var(--refrain-radius, 8px) * .75); padding: .5em .7em; margin: .7em 0 0; }
.fam h3 { font-size: 1.05em; margin: 0 0 .25em; font-weight: 650; display: flex; gap: .5em; align-items: baseline; justify-content: space-between; }
.fam h3 q { font-family: var(--serif); font-style: normal; }
.fam p { margin: .2em 0; font-size: .9em; }
.fam ul { margin: .3em 0; padding-inline-start: 1.2em; }
.fam li { margin: .2em 0; }
.wording { font-family: var(--serif); }
.by { color: var(--muted); font-size: .88em; }
.fams { list-style: none; margin: 0; padding: 0; display: grid; gap: .35em; }
.fam-btn {
  width: 100%; text-align: start; background: var(--bg); border: 1px solid var(--line); border-radius: calc(var(--refrain-radius, 8px) * .6);
  padding: .35em .6em; display: flex; flex-wrap: wrap; gap: 0 .6em; align-items: baseline;
}
.fam-btn:hover { background: var(--soft); }
.fam-btn[aria-expanded="true"] { border-color: var(--fg); background: var(--soft); }
.fam-btn .root-text { flex: 1 1 10em; min-width: 0; font-family: var(--serif); }
.fam-btn .n { color: var(--muted); font-size: .85em; margin-inline-start: auto; }
form.search { display: flex; flex-wrap: wrap; gap: .4em; align-items: end; margin: 0 0 .5em; }
form.search label { display: flex; flex-direction: column; flex: 1 1 12em; font-size: .88em; color: var(--muted); }
input[type="search"] {
  background: var(--bg); border: 1px solid var(--muted); border-radius: calc(var(--refrain-radius, 8px) * .6);
  padding: .3em .5em; min-height: 2.25em; font-size: 1.05em; color: var(--fg); width: 100%;
}
.hits { list-style: none; margin: 0; padding: 0; display: grid; gap: .3em; }
.hit-btn {
  width: 100%; text-align: start; background: var(--bg); border: 1px solid var(--line); border-radius: calc(var(--refrain-radius, 8px) * .6);
  padding: .35em .6em;
}
.hit-btn:hover { background: var(--soft); }
.kwic { display: block; font-family: var(--serif); }
.heat-wrap { overflow-x: auto; }
table.heat { border-collapse: collapse; font-size: .85em; }
.heat caption { caption-side: top; text-align: start; color: var(--muted); padding: 0 0 .4em; }
.heat th { font-weight: 600; padding: .25em .4em; text-align: start; max-width: 10em; }
.heat thead th { vertical-align: bottom; }
.heat td { padding: 1px; }
.cell { width: 3.4em; height: 2.4em; border: 1px solid var(--line); border-radius: 3px; font-size: .95em; }
.cell.self { background: var(--soft); cursor: default; }
.h0 { background: var(--bg); } .h1 { background: color-mix(in srgb, var(--accent) 15%, var(--bg)); }
.h2 { background: color-mix(in srgb, var(--accent) 32%, var(--bg)); } .h3 { background: color-mix(in srgb, var(--accent) 50%, var(--bg)); }
.h4 { background: var(--accent); color: var(--accent-fg); }
`;
