/**
 * The card's styles, inside its Shadow DOM. `:host { all: initial }` stops the
 * page's inherited fonts and colours from leaking in; authors theme the card
 * through these custom properties, which do cross the boundary on purpose:
 * --graphdeck-bg, --graphdeck-text, --graphdeck-muted, --graphdeck-accent,
 * --graphdeck-border, --graphdeck-radius, --graphdeck-font.
 */
export const cardCss = `
:host{all:initial;display:block;max-width:32rem;contain:content}
.card{--bg:var(--graphdeck-bg,#fff);--text:var(--graphdeck-text,#1f2328);--muted:var(--graphdeck-muted,#57606a);--accent:var(--graphdeck-accent,#0b57d0);--border:var(--graphdeck-border,#d0d7de);
 box-sizing:border-box;padding:1rem 1.125rem;border:1px solid var(--border);border-radius:var(--graphdeck-radius,.75rem);background:var(--bg);color:var(--text);
 font:15px/1.5 var(--graphdeck-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);text-align:left}
.dark{--bg:var(--graphdeck-bg,#161b22);--text:var(--graphdeck-text,#e6edf3);--muted:var(--graphdeck-muted,#9198a1);--accent:var(--graphdeck-accent,#79b8ff);--border:var(--graphdeck-border,#30363d)}
@media (prefers-color-scheme:dark){.auto{--bg:var(--graphdeck-bg,#161b22);--text:var(--graphdeck-text,#e6edf3);--muted:var(--graphdeck-muted,#9198a1);--accent:var(--graphdeck-accent,#79b8ff);--border:var(--graphdeck-border,#30363d)}}
p{margin:0}h2{margin:.125rem 0 .375rem;font-size:1.2rem;line-height:1.3;font-weight:650}
a{color:var(--accent);text-decoration:none}a:hover,a:focus-visible{text-decoration:underline}
a:focus-visible,button:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
.kind,.source,.footer{font-size:.78rem;color:var(--muted)}.kind{text-transform:uppercase;letter-spacing:.04em}
.summary{margin-bottom:.5rem}.footer{margin-top:.5rem}
.quiz{margin-top:.75rem;padding-top:.75rem;border-top:1px solid var(--border)}
.quiz p{margin-bottom:.5rem}.choices{display:grid;gap:.375rem;margin:0;padding:0;list-style:none}
button{all:unset;box-sizing:border-box;display:block;width:100%;padding:.4rem .6rem;border:1px solid var(--border);border-radius:.5rem;cursor:pointer;font:inherit;color:inherit}
button:hover:not([disabled]){border-color:var(--accent)}button[disabled]{cursor:default;opacity:.85}
.right{border:2px solid #1a7f37;background:color-mix(in srgb,#1a7f37 18%,transparent)}
.wrong{border:2px dashed #cf222e;background:color-mix(in srgb,#cf222e 14%,transparent)}
.dark .right{border-color:#3fb950;background:color-mix(in srgb,#3fb950 24%,transparent)}.dark .wrong{border-color:#ff7b72}
@media (prefers-color-scheme:dark){.auto .right{border-color:#3fb950;background:color-mix(in srgb,#3fb950 24%,transparent)}.auto .wrong{border-color:#ff7b72}}
.mark{font-weight:650}
.feedback{margin-top:.5rem;font-size:.9rem}
`;
