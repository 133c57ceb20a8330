import { createElement as h } from './create-element.js';

/**
 * The widget's style sheet. Every colour, the radius and the font are custom properties a page
 * may set on the element; rows are flex boxes and margins only go to the block end, so the
 * layout mirrors itself in Arabic and Urdu.
 */
export const widgetCss = `:host{--balagh-accent:#0b6b4d;--balagh-on-accent:#fff;--balagh-background:#fff;--balagh-text:#1b1b1b;--balagh-muted:#555;--balagh-border:#767676;--balagh-error:#b3261e;--balagh-focus:#1d4ed8;--balagh-radius:8px;--balagh-font:system-ui,sans-serif;display:inline-block;color:var(--balagh-text);font:16px/1.5 var(--balagh-font)}
:host([mode=inline]){display:block}
*{box-sizing:border-box}
[hidden]{display:none!important}
.panel,dialog,button,select,[part=input],.choices{background:var(--balagh-background);border-radius:var(--balagh-radius)}
.panel{color:var(--balagh-text);padding:16px;max-width:36rem}
dialog{padding:0;border:0;width:36rem}
header,.row,.choice{display:flex;flex-wrap:wrap;align-items:center;gap:8px}
header,.row,.field,fieldset,form{margin:0 0 16px}
h2{flex:1 1 12rem;margin:0}
p{margin:0 0 12px}
fieldset{border:0;padding:0;min-width:0}
legend,label{display:block;font-weight:600;margin-bottom:4px}
button,select,[part=input]{font:inherit;color:inherit;min-height:44px;min-width:44px;padding:8px 12px;border:1px solid var(--balagh-border)}
[part=input]{width:100%}
button{padding:8px 16px;border:2px solid;color:var(--balagh-accent);font-weight:600}
.primary{background:var(--balagh-accent);color:var(--balagh-on-accent);border-color:var(--balagh-accent)}
:focus-visible{outline:3px solid var(--balagh-focus);outline-offset:2px}
.choices{max-height:16rem;overflow:auto;border:1px solid var(--balagh-border);padding:0 12px}
.choices fieldset,.choice,.choice input{margin:0}
.choices legend,.hint{color:var(--balagh-muted);font-size:.875rem}
.choice{min-height:44px;font-weight:400;flex-wrap:nowrap}
.choice input{flex:none;accent-color:var(--balagh-accent)}
.hint,.error{margin:4px 0 0}
.error{color:var(--balagh-error);font-weight:600}
[aria-invalid=true]{border:2px solid var(--balagh-error)}
img{max-width:100%;max-height:12rem}
a{color:inherit;display:inline-flex;align-items:center;min-height:44px}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}`;

let sharedSheet: CSSStyleSheet | undefined;

/**
 * Gives a shadow root the widget's styles: one constructed style sheet shared by every instance
 * (allowed by a page's Content-Security-Policy without `'unsafe-inline'`), or a `<style>` element
 * where constructed sheets are not supported.
 */
export function adoptWidgetStyles(root: ShadowRoot): void {
  try {
    if (sharedSheet === undefined) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(widgetCss);
      sharedSheet = sheet;
    }
    root.adoptedStyleSheets = [sharedSheet];
  } catch {
    root.append(h('style', null, widgetCss));
  }
}
