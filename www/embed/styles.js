// The shadow root's stylesheet of <refrain-compare>, as text for a constructable stylesheet
// (adoptedStyleSheets needs no 'unsafe-inline' under a strict Content Security Policy).
// Public styling hooks: the --refrain-* custom properties below and the parts named in
// custom-elements.json. Everything else is internal.

// The dark palette, for theme="dark" and for theme="auto" under a dark system preference.
const DARK = `
  --_bg: var(--refrain-bg, #1e2024); --_fg: var(--refrain-fg, #ececec); --_muted: var(--refrain-muted, #b4b4b4);
  --_line: var(--refrain-border, #4a4d55); --_soft: var(--refrain-soft, #26282d); --_accent: var(--refrain-accent, #8cc4ff);
  --_accent-fg: var(--refrain-accent-fg, #0d1117); --_dim: var(--refrain-dim, #2b2d31); --_focus: var(--refrain-focus, #8cc4ff);
  --_c0: var(--refrain-c0, #1f4e79); --_c1: var(--refrain-c1, #1a5a6b); --_c2: var(--refrain-c2, #1b5a48); --_c3: var(--refrain-c3, #4b5716);
  --_c4: var(--refrain-c4, #575710); --_c5: var(--refrain-c5, #5e5117); --_c6: var(--refrain-c6, #6f3822); --_c7: var(--refrain-c7, #6e2f4a);
  color-scheme: dark;`;

export const ELEMENT_CSS = `
:host { display: block; }
:host([hidden]) { display: none; }
.root {
  all: initial; display: block; box-sizing: border-box; container: rf / inline-size; min-width: 0;
  --_bg: var(--refrain-bg, #ffffff); --_fg: var(--refrain-fg, #1b1b1b); --_muted: var(--refrain-muted, #575757);
  --_line: var(--refrain-border, #cbc6bb); --_soft: var(--refrain-soft, #f1efe9); --_accent: var(--refrain-accent, #0b5cad);
  --_accent-fg: var(--refrain-accent-fg, #ffffff); --_dim: var(--refrain-dim, #ecebe6); --_focus: var(--refrain-focus, #0b5cad);
  --_c0: var(--refrain-c0, #77aadd); --_c1: var(--refrain-c1, #99ddff); --_c2: var(--refrain-c2, #44bb99); --_c3: var(--refrain-c3, #bbcc33);
  --_c4: var(--refrain-c4, #aaaa00); --_c5: var(--refrain-c5, #eedd88); --_c6: var(--refrain-c6, #ee8866); --_c7: var(--refrain-c7, #ffaabb);
  font-family: var(--refrain-font, system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", Arial, sans-serif);
  font-size: var(--refrain-font-size, 16px); line-height: 1.5; color: var(--_fg); background: var(--_bg);
  border: 1px solid var(--_line); border-radius: var(--refrain-radius, 8px); padding: .6em; text-align: start;
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
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
:focus-visible { outline: 3px solid var(--_focus); outline-offset: 2px; }
button, input { font: inherit; color: inherit; }
button { cursor: pointer; }
.bar { display: flex; flex-wrap: wrap; gap: .3em .8em; align-items: center; justify-content: space-between; margin: 0 0 .5em; }
.tabs { display: flex; flex-wrap: wrap; gap: .25em; }
.tab, .btn {
  background: var(--_bg); border: 1px solid var(--_line); border-radius: calc(var(--refrain-radius, 8px) * .6);
  padding: .25em .7em; min-height: 2.25em; font-size: .92em;
}
.tab:hover, .btn:hover { background: var(--_soft); }
.tab[aria-selected="true"] { background: var(--_accent); color: var(--_accent-fg); border-color: var(--_accent); font-weight: 600; }
.btn.primary { background: var(--_accent); color: var(--_accent-fg); border-color: var(--_accent); }
.status { margin: 0; color: var(--_muted); font-size: .88em; flex: 1 1 12em; }
.status.error { color: var(--refrain-error, #a4262c); }
.dark .status.error { color: var(--refrain-error, #ff9a9a); }
.muted { color: var(--_muted); }
.cols { display: grid; gap: .7em; grid-template-columns: minmax(0, 1fr); }
@container rf (min-width: 38rem) { .cols:not([data-n="1"]) { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
@container rf (min-width: 62rem) { .cols[data-n="3"], .cols[data-n="5"], .cols[data-n="6"] { grid-template-columns: repeat(3, minmax(0, 1fr)); } }
.col { border: 1px solid var(--_line); border-radius: calc(var(--refrain-radius, 8px) * .75); min-width: 0; display: flex; flex-direction: column; }
.head { padding: .35em .6em; background: var(--_soft); border-bottom: 1px solid var(--_line); border-radius: calc(var(--refrain-radius, 8px) * .75) calc(var(--refrain-radius, 8px) * .75) 0 0; }
.who { font-weight: 650; display: block; }
.meta { display: block; font-size: .85em; color: var(--_muted); }
.text {
  white-space: pre-wrap; font-family: var(--refrain-text-font, ui-serif, Georgia, Cambria, "Times New Roman", "Noto Serif CJK SC", serif);
  font-size: 1.02em; line-height: 1.7; padding: .5em .7em; margin: 0; max-height: var(--refrain-max-height, 26rem); overflow-y: auto;
  overscroll-behavior: contain;
}
mark { color: inherit; display: inline; border-radius: 2px; padding: .08em 0; }
mark.occ {
  text-decoration-line: underline; text-decoration-thickness: 2px; text-underline-offset: .22em;
  text-decoration-color: var(--_fg); text-decoration-skip-ink: none; cursor: pointer;
}
.c0 { background-color: var(--_c0); } .c1 { background-color: var(--_c1); } .c2 { background-color: var(--_c2); } .c3 { background-color: var(--_c3); }
.c4 { background-color: var(--_c4); } .c5 { background-color: var(--_c5); } .c6 { background-color: var(--_c6); } .c7 { background-color: var(--_c7); }
.u0 { text-decoration-style: solid; } .u1 { text-decoration-style: dashed; } .u2 { text-decoration-style: dotted; }
.u3 { text-decoration-style: double; } .u4 { text-decoration-style: wavy; }
.has-sel mark.occ:not(.sel) { background-color: var(--_dim); }
mark.occ.sel { outline: 2px solid var(--_fg); outline-offset: 1px; }
mark.occ:focus-visible { outline: 3px solid var(--_focus); outline-offset: 2px; }
mark.hit, .hit { outline: 2px dashed var(--_accent); outline-offset: 2px; background-color: transparent; }
mark.hit.c0, mark.hit.c1, mark.hit.c2, mark.hit.c3, mark.hit.c4, mark.hit.c5, mark.hit.c6, mark.hit.c7 { outline-style: solid; }
.flash { animation: flash 1.2s ease-out 1; }
@keyframes flash { 0% { box-shadow: 0 0 0 6px var(--_accent); } 100% { box-shadow: 0 0 0 0 transparent; } }
@media (prefers-reduced-motion: reduce) { .flash { animation: none; } }
.w-variant, .w-change { border-radius: 3px; font-weight: 700; }
.w-variant { border: 2px dotted var(--_fg); }
.w-change { border: 2px dashed var(--_fg); font-style: italic; }
.swatch {
  display: inline-block; min-width: 1.8em; text-align: center; padding: 0 .3em; border-radius: 3px; font-size: .8em; font-weight: 700;
  text-decoration-line: underline; text-decoration-thickness: 2px; text-underline-offset: .2em; text-decoration-color: var(--_fg);
}
.fam { border: 1px solid var(--_line); border-radius: calc(var(--refrain-radius, 8px) * .75); padding: .5em .7em; margin: .7em 0 0; }
.fam h3 { font-size: 1.05em; margin: 0 0 .25em; font-weight: 650; display: flex; gap: .5em; align-items: baseline; justify-content: space-between; }
.fam h3 q { font-family: var(--refrain-text-font, ui-serif, Georgia, serif); font-style: normal; }
.fam p { margin: .2em 0; font-size: .9em; }
.fam ul { margin: .3em 0; padding-inline-start: 1.2em; }
.fam li { margin: .2em 0; }
.wording { font-family: var(--refrain-text-font, ui-serif, Georgia, serif); }
.by { color: var(--_muted); font-size: .88em; }
.fams { list-style: none; margin: 0; padding: 0; display: grid; gap: .35em; }
.fam-btn {
  width: 100%; text-align: start; background: var(--_bg); border: 1px solid var(--_line); border-radius: calc(var(--refrain-radius, 8px) * .6);
  padding: .35em .6em; display: flex; flex-wrap: wrap; gap: 0 .6em; align-items: baseline;
}
.fam-btn:hover { background: var(--_soft); }
.fam-btn[aria-expanded="true"] { border-color: var(--_fg); background: var(--_soft); }
.fam-btn .root-text { flex: 1 1 10em; min-width: 0; font-family: var(--refrain-text-font, ui-serif, Georgia, serif); }
.fam-btn .n { color: var(--_muted); font-size: .85em; margin-inline-start: auto; }
form.search { display: flex; flex-wrap: wrap; gap: .4em; align-items: end; margin: 0 0 .5em; }
form.search label { display: flex; flex-direction: column; flex: 1 1 12em; font-size: .88em; color: var(--_muted); }
input[type="search"] {
  background: var(--_bg); border: 1px solid var(--_muted); border-radius: calc(var(--refrain-radius, 8px) * .6);
  padding: .3em .5em; min-height: 2.25em; font-size: 1.05em; color: var(--_fg); width: 100%;
}
.hits { list-style: none; margin: 0; padding: 0; display: grid; gap: .3em; }
.hit-btn {
  width: 100%; text-align: start; background: var(--_bg); border: 1px solid var(--_line); border-radius: calc(var(--refrain-radius, 8px) * .6);
  padding: .35em .6em;
}
.hit-btn:hover { background: var(--_soft); }
.kwic { display: block; font-family: var(--refrain-text-font, ui-serif, Georgia, serif); }
.heat-wrap { overflow-x: auto; }
table.heat { border-collapse: collapse; font-size: .85em; }
.heat caption { caption-side: top; text-align: start; color: var(--_muted); padding: 0 0 .4em; }
.heat th { font-weight: 600; padding: .25em .4em; text-align: start; max-width: 10em; }
.heat thead th { vertical-align: bottom; }
.heat td { padding: 1px; }
.cell { width: 3.4em; height: 2.4em; border: 1px solid var(--_line); border-radius: 3px; font-size: .95em; }
.cell.self { background: var(--_soft); cursor: default; }
.h0 { background: var(--_bg); } .h1 { background: color-mix(in srgb, var(--_accent) 15%, var(--_bg)); }
.h2 { background: color-mix(in srgb, var(--_accent) 32%, var(--_bg)); } .h3 { background: color-mix(in srgb, var(--_accent) 50%, var(--_bg)); }
.h4 { background: var(--_accent); color: var(--_accent-fg); }
.foot { margin: .5em 0 0; font-size: .78em; color: var(--_muted); }
:host(:fullscreen) { background: #000; overflow: auto; }
:host(:fullscreen) .root { min-height: 100%; border: 0; border-radius: 0; padding: 0; background: #000; }
:host(:fullscreen) .bar { display: none; }
:host(:fullscreen) .rf-presenter { min-height: 100vh; border-radius: 0; font-size: 24px; }
@media print { .bar .tabs, .status { display: none; } .text { max-height: none; overflow: visible; } }
`;
