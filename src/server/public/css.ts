/**
 * The public pages' one style sheet, served from our own origin (/f/assets/public.css): no inline styles,
 * no fonts or images from anywhere. Contrast meets WCAG AA; focus is always visible; the consent block is
 * visually separated from the other fields (R-15).
 */
export const PUBLIC_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:100%;line-height:1.5;color:#1a1a1a;background:#fff}
body{margin:0}
.kk-skip{position:absolute;left:-10000px;top:0;padding:.5rem 1rem;background:#fff;color:#0b4f8a}
.kk-skip:focus{left:1rem;top:1rem;z-index:10}
.kk-top{display:flex;justify-content:space-between;align-items:center;gap:1rem;padding:.75rem 1.25rem;border-bottom:1px solid #c8cdd2;background:#f6f7f8}
.kk-top p{margin:0;font-weight:600}
main{max-width:42rem;margin:0 auto;padding:1.5rem 1.25rem 2rem}
.kk-embed main{padding-top:1rem}
h1{font-size:1.75rem;line-height:1.25;margin:0 0 1rem}
h2{font-size:1.25rem;margin:1.5rem 0 .5rem}
p{margin:0 0 1rem}
a{color:#0b4f8a;text-decoration:underline;text-underline-offset:.15em}
a:hover{color:#07345c}
:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px;box-shadow:0 0 0 6px #ffd75e}
fieldset{border:1px solid #c8cdd2;border-radius:6px;margin:0 0 1.5rem;padding:1rem 1.25rem 1.25rem}
legend{font-weight:700;font-size:1.125rem;padding:0 .35rem}
.kk-field{margin:0 0 1rem}
.kk-field:last-child{margin-bottom:0}
label{display:block;font-weight:600;margin:0 0 .25rem}
.kk-opt{font-weight:400;color:#4a4f55}
.kk-hint{display:block;color:#4a4f55;font-size:.9375rem;margin:0 0 .35rem}
input[type=text],input[type=email],input[type=number]{display:block;width:100%;max-width:28rem;font:inherit;padding:.5rem .6rem;border:2px solid #5f6670;border-radius:4px;background:#fff;color:#1a1a1a}
input.kk-short{max-width:9rem}
input[aria-invalid=true]{border-color:#b00020;border-width:3px}
.kk-error{display:block;color:#b00020;font-weight:600;margin:.25rem 0 .35rem}
.kk-consent{border:3px solid #0b4f8a;background:#f3f7fb;padding:1.25rem}
.kk-consent legend{background:#fff;border:1px solid #0b4f8a;border-radius:4px;padding:.15rem .6rem}
.kk-purpose{display:flex;gap:.75rem;align-items:flex-start;background:#fff;border:1px solid #9fb3c8;border-radius:6px;padding:.75rem;margin:0 0 .75rem}
.kk-purpose input{width:1.5rem;height:1.5rem;margin:.15rem 0 0;flex:0 0 auto;accent-color:#0b4f8a}
.kk-purpose label{font-weight:400;margin:0 0 .35rem}
.kk-purpose-text{color:#33383d;font-size:.9375rem}
.kk-line{display:block}
details{margin:0 0 1rem}
summary{cursor:pointer;color:#0b4f8a;font-weight:600}
.kk-note{border-left:4px solid #0b4f8a;padding:.25rem 0 .25rem .75rem}
.kk-summary{border:3px solid #b00020;border-radius:6px;padding:1rem 1.25rem;margin:0 0 1.5rem}
.kk-summary h2{margin-top:0;color:#b00020}
.kk-summary ul{margin:0;padding-left:1.25rem}
.kk-summary a{color:#b00020;font-weight:600}
.kk-hp{display:none}
button{font:inherit;font-weight:700;cursor:pointer;border:2px solid #0b4f8a;border-radius:4px;padding:.6rem 1.25rem;background:#0b4f8a;color:#fff}
button:hover{background:#07345c;border-color:#07345c}
button.kk-secondary{background:#fff;color:#0b4f8a}
button.kk-secondary:hover{background:#e8eef5}
.kk-list{list-style:none;margin:0 0 1.5rem;padding:0}
.kk-list li{display:flex;justify-content:space-between;align-items:center;gap:1rem;flex-wrap:wrap;border:1px solid #c8cdd2;border-radius:6px;padding:.75rem 1rem;margin:0 0 .5rem}
.kk-list form{margin:0}
.kk-done{color:#1d6b35;font-weight:700}
.kk-receipt{border:1px solid #c8cdd2;border-radius:6px;padding:1rem 1.25rem;margin:0 0 1.5rem}
.kk-receipt ul{margin:0 0 .5rem;padding-left:1.25rem}
.kk-code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
footer{max-width:42rem;margin:0 auto;padding:0 1.25rem 2rem;color:#4a4f55;font-size:.875rem}
`;
