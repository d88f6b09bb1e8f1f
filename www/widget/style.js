// The widget's stylesheet, as a module: each box adopts it as a constructed stylesheet, so no
// bundler sees a .css file to extract (VitePress took it for the site's own stylesheet, and
// Docusaurus's CSS pipeline broke on it), and no style-src rule of the host page applies.
export const CSS = String.raw`:host {
  /* Every colour comes from a --cloudplay-* variable the host page can set on the element (the
     README lists them), else from the theme: light-dark() picks by color-scheme, which
     theme="light|dark" fixes and which otherwise follows the OS. Code background and muted text
     default to mixes of the text and box colours, so a site that sets only those two still gets
     readable code and help text. */
  /* The host page's inherited text styles (text-align, text-transform, letter-spacing,
     white-space…) stop here; custom properties, which 'all' leaves alone, still come in. */
  all: initial;
  color-scheme: light dark;
  /* The two palettes, each colour once; light-dark() below, or the fallback further down,
     chooses between them. */
  --cp-l-fg: #1b1f24; --cp-d-fg: #e6e8eb;
  --cp-l-box: #fbfcfd; --cp-d-box: #1a1f25;
  --cp-l-field: #fff; --cp-d-field: #111418;
  /* The box's, the fields' and the buttons' edges: 3:1 at least against the box and the
     fields (WCAG 1.4.11; it was 1.5:1, an empty field hard to find). line2 is for dividers. */
  --cp-l-line: #838c97; --cp-d-line: #6e7681;
  --cp-l-line2: #d5dae1; --cp-d-line2: #333b45;
  --cp-l-accent: #0b5cad; --cp-d-accent: #3d8bd9;
  --cp-l-on-accent: #fff; --cp-d-on-accent: #0d1117;
  --cp-l-bad: #b3261e; --cp-d-bad: #ff7b72;
  --cp-l-ok: #1a7f37; --cp-d-ok: #57c26a;
  --cp-l-focus: #1f6feb; --cp-d-focus: #6cb6ff;
  --cp-l-notice: #fff4d6; --cp-d-notice: #3a2f0b;
  --cp-l-mark: #ffd54a; --cp-d-mark: #7a6000;
  --cp-l-code: #f1f3f6; --cp-d-code: #22272e;
  --cp-l-muted: #57606a; --cp-d-muted: #9da7b3;
  --cp-fg: var(--cloudplay-fg, light-dark(var(--cp-l-fg), var(--cp-d-fg)));
  --cp-box: var(--cloudplay-bg, light-dark(var(--cp-l-box), var(--cp-d-box)));
  --cp-field: var(--cloudplay-field, light-dark(var(--cp-l-field), var(--cp-d-field)));
  --cp-line: var(--cloudplay-line, light-dark(var(--cp-l-line), var(--cp-d-line)));
  --cp-line2: var(--cloudplay-line, light-dark(var(--cp-l-line2), var(--cp-d-line2)));
  --cp-accent: var(--cloudplay-accent, light-dark(var(--cp-l-accent), var(--cp-d-accent)));
  /* Dark text on the dark theme's light accent: white on it was 3.6:1, under WCAG AA's 4.5. */
  --cp-on-accent: var(--cloudplay-on-accent, light-dark(var(--cp-l-on-accent), var(--cp-d-on-accent)));
  --cp-code: var(--cloudplay-code, color-mix(in srgb, var(--cp-fg) 6%, var(--cp-box)));
  --cp-muted: var(--cloudplay-muted, color-mix(in srgb, var(--cp-fg) 72%, var(--cp-box)));
  --cp-bad: var(--cloudplay-error, light-dark(var(--cp-l-bad), var(--cp-d-bad)));
  --cp-ok: var(--cloudplay-success, light-dark(var(--cp-l-ok), var(--cp-d-ok)));
  --cp-focus: var(--cloudplay-focus, light-dark(var(--cp-l-focus), var(--cp-d-focus)));
  --cp-notice: var(--cloudplay-notice, light-dark(var(--cp-l-notice), var(--cp-d-notice)));
  --cp-mark: var(--cloudplay-mark, light-dark(var(--cp-l-mark), var(--cp-d-mark)));
}
/* The author's theme: important, because a site's dark-mode rule on the element (the
   README's, say) comes from outside the shadow root and would beat a plain :host rule. */
:host([theme="light"]) { color-scheme: light !important; }
:host([theme="dark"]) { color-scheme: dark !important; }
/* Browsers without light-dark() or color-mix() (Safari before 17.5, Chrome before 123, Firefox
   before 120) drop a variable that uses them: each colour taken from its palette by the same
   rules (tests/browser/widget.test.mjs checks that each block names every colour above). */
@supports not (color: light-dark(#000, #fff)) {
  :host {
    --cp-fg: var(--cloudplay-fg, var(--cp-l-fg));
    --cp-box: var(--cloudplay-bg, var(--cp-l-box));
    --cp-field: var(--cloudplay-field, var(--cp-l-field));
    --cp-line: var(--cloudplay-line, var(--cp-l-line));
    --cp-line2: var(--cloudplay-line, var(--cp-l-line2));
    --cp-accent: var(--cloudplay-accent, var(--cp-l-accent));
    --cp-on-accent: var(--cloudplay-on-accent, var(--cp-l-on-accent));
    --cp-bad: var(--cloudplay-error, var(--cp-l-bad));
    --cp-ok: var(--cloudplay-success, var(--cp-l-ok));
    --cp-focus: var(--cloudplay-focus, var(--cp-l-focus));
    --cp-notice: var(--cloudplay-notice, var(--cp-l-notice));
    --cp-mark: var(--cloudplay-mark, var(--cp-l-mark));
    --cp-code: var(--cloudplay-code, var(--cp-l-code));
    --cp-muted: var(--cloudplay-muted, var(--cp-l-muted));
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme="light"])) {
      --cp-fg: var(--cloudplay-fg, var(--cp-d-fg));
      --cp-box: var(--cloudplay-bg, var(--cp-d-box));
      --cp-field: var(--cloudplay-field, var(--cp-d-field));
      --cp-line: var(--cloudplay-line, var(--cp-d-line));
      --cp-line2: var(--cloudplay-line, var(--cp-d-line2));
      --cp-accent: var(--cloudplay-accent, var(--cp-d-accent));
      --cp-on-accent: var(--cloudplay-on-accent, var(--cp-d-on-accent));
      --cp-bad: var(--cloudplay-error, var(--cp-d-bad));
      --cp-ok: var(--cloudplay-success, var(--cp-d-ok));
      --cp-focus: var(--cloudplay-focus, var(--cp-d-focus));
      --cp-notice: var(--cloudplay-notice, var(--cp-d-notice));
      --cp-mark: var(--cloudplay-mark, var(--cp-d-mark));
      --cp-code: var(--cloudplay-code, var(--cp-d-code));
      --cp-muted: var(--cloudplay-muted, var(--cp-d-muted));
    }
  }
  :host([theme="dark"]) {
    --cp-fg: var(--cloudplay-fg, var(--cp-d-fg));
    --cp-box: var(--cloudplay-bg, var(--cp-d-box));
    --cp-field: var(--cloudplay-field, var(--cp-d-field));
    --cp-line: var(--cloudplay-line, var(--cp-d-line));
    --cp-line2: var(--cloudplay-line, var(--cp-d-line2));
    --cp-accent: var(--cloudplay-accent, var(--cp-d-accent));
    --cp-on-accent: var(--cloudplay-on-accent, var(--cp-d-on-accent));
    --cp-bad: var(--cloudplay-error, var(--cp-d-bad));
    --cp-ok: var(--cloudplay-success, var(--cp-d-ok));
    --cp-focus: var(--cloudplay-focus, var(--cp-d-focus));
    --cp-notice: var(--cloudplay-notice, var(--cp-d-notice));
    --cp-mark: var(--cloudplay-mark, var(--cp-d-mark));
    --cp-code: var(--cloudplay-code, var(--cp-d-code));
    --cp-muted: var(--cloudplay-muted, var(--cp-d-muted));
  }
}
/* Lengths are in em of the widget's own size, not rem: rem follows the host's root size, and
   a site with html { font-size: 62.5% } shrank the text to 8-10 px. That size is seven eighths of
   the reader's own default (medium: 14px of the usual 16px), so a reader who has set a larger
   font in the browser gets a larger box, which no page's root size changes. */
:host { display: block; margin: 1.2em 0; font-family: system-ui, -apple-system, "Segoe UI", "PingFang SC", sans-serif; font-size: medium; line-height: 1.45;  color: var(--cp-fg); }
:host > * { font-size: .875em; }
/* Loading, a box keeps some of the room it will take, so that the page does not jump as far
   when it arrives (a site that knows its boxes' height can set min-height on
   cloudplay-try:not([data-ready])). */
.loading { min-height: 36em; margin: 0; }
* { box-sizing: border-box; }
.box { border: 1px solid var(--cp-line); border-radius: 8px; padding: .91em 1.14em; background: var(--cp-box); }
header { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: .34em 1.14em; }
.title { font-size: 1.14em; margin: 0 0 .4em; }
.try { background: var(--cp-accent); color: var(--cp-on-accent); border-radius: 4px; padding: 0 .5em; font-size: .8em; vertical-align: 1px; }
.mono, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .94em; }
label { display: block; font-weight: 600; margin: .46em 0 .17em; }
input, select, textarea { width: 100%; font: inherit; padding: .4em .51em; border: 1px solid var(--cp-line); border-radius: 5px; background: var(--cp-field); color: inherit; }
button { font: inherit; padding: .34em .91em; border: 1px solid var(--cp-line); border-radius: 5px; background: var(--cp-field); color: inherit; cursor: pointer; margin: .34em 0; }
button.primary { background: var(--cp-accent); border-color: var(--cp-accent); color: var(--cp-on-accent); font-weight: 600; }
button:disabled { opacity: .55; }
:focus-visible { outline: 3px solid var(--cp-focus); outline-offset: 2px; }
a { color: var(--cp-accent); }
fieldset { border: 1px solid var(--cp-line2); border-radius: 6px; margin: .57em 0; padding: .34em .8em .57em; min-width: 0; }
legend { font-weight: 600; }
.field { margin: .29em 0 .57em; }
.req { color: var(--cp-bad); font-weight: 700; }
.type { color: var(--cp-muted); font-weight: 400; font-size: .89em; margin-left: .38em; }
.doc { margin: .19em 0 0; font-size: .91em; color: var(--cp-muted); overflow-wrap: anywhere; white-space: pre-line; }
:lang(zh) .rules { font-style: normal; }
.field-error { color: var(--cp-bad); font-weight: 600; font-size: .96em; margin: .18em 0 0; }
.field-error[hidden] { display: none; }
[aria-invalid="true"] { border-color: var(--cp-bad); border-width: 2px; }
.items { padding-left: 1.26em; }
.summary ul { color: var(--cp-bad); padding-left: 1.26em; }
/* A problem's path is a link to its field, as on the page. */
button.link { border: 0; background: none; padding: 0; margin: 0; color: var(--cp-accent); text-decoration: underline; }
.ok, .outcome.ok { color: var(--cp-ok); }
.outcome { font-weight: 700; overflow-wrap: anywhere; }
.outcome.error, .error { color: var(--cp-bad); }
/* As on the page: a line that says the call was not sent, or failed, reads as an error. */
.status[data-state="blocked"], .status[data-state="error"] { color: var(--cp-bad); font-weight: 600; }
.status[data-state="ok"] { color: var(--cp-ok); }
.status, .field-error, .summary { overflow-wrap: anywhere; }
.muted { color: var(--cp-muted); overflow-wrap: anywhere; }
.title .deprecated { color: var(--cp-bad); font-weight: normal; font-size: .8em; }
details { margin: .57em 0; }
/* Targets of 24 by 24 CSS px at least (WCAG 2.5.8): a summary row was 20 px, the checkbox 13. */
summary { cursor: pointer; font-weight: 600; padding: .2em 0; min-height: 24px; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--cp-code); border: 1px solid var(--cp-line2); border-radius: 5px; padding: .49em .61em; margin: .3em 0; max-height: 19.5em; overflow: auto; }
.facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .11em .8em; }
.facts dt { color: var(--cp-muted); }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.step-head { display: flex; gap: .57em; align-items: center; flex-wrap: wrap; }
/* Its level follows the box's title (the heading attribute); its look does not. */
.step-title { margin: .35em 0 0; font-size: .98em; }
.notice { background: var(--cp-notice); padding: .46em .69em; border-radius: 5px; }
.actions { display: flex; align-items: center; gap: .91em; flex-wrap: wrap; }
.status { margin: 0; }
/* An answer to an earlier version of the call: still there to read, marked as past. */
.response.stale { border-left: 3px dashed var(--cp-muted); padding-left: .6em; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
table { border-collapse: collapse; width: 100%; font-size: .91em; }
th, td { border: 1px solid var(--cp-line2); padding: .29em; vertical-align: top; text-align: left; }
.table-scroll { overflow-x: auto; }
mark { background: var(--cp-mark); }
/* A row wraps, and its select is never wider than the box: with a larger default font the
   Code box's label and language picker stuck out of it, and the page scrolled sideways. */
.row { display: flex; flex-wrap: wrap; align-items: center; gap: .46em; }
.row input, .row select { width: auto; max-width: 100%; }
.row label { margin: 0; font-weight: 500; }
input[type="checkbox"] { width: 24px; height: 24px; margin: 0; padding: 0; flex: none; }
/* The header's "Open in the playground", a link on a line of its own (20 px tall). */
.open { padding: .2em 0; }
/* As on the page: an optional field holding a value is sent, so it stays in view. */
.required-only [data-optional]:not([data-filled]):not(:focus-within) { display: none; }
/* As on the page: a wrapped line goes on indented, so a wrap is not taken for a line break. */
pre { text-indent: 2ch hanging each-line; }
details.how { margin: .1em 0 .2em; font-size: .9em; }
details.how summary { cursor: pointer; color: var(--cp-muted); min-height: 24px; line-height: 24px; }
details.how p { margin: .25em 0 .4em; overflow-wrap: anywhere; }
`;
