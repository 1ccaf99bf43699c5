import { noChange, type ElementPart } from 'lit';
import { Directive, directive, PartType, type PartInfo } from 'lit/directive.js';

/** CSS properties to set on one element: kebab-case names (`'--rows'`, `'background-color'`) or camelCase. */
export type InlineStyles = Readonly<Record<string, string | number | null | undefined>>;

/** `backgroundColor` → `background-color`; names with a dash (custom properties included) pass unchanged. */
const cssName = (name: string) =>
  name.includes('-') ? name : name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * Why not lit's `styleMap`: on its FIRST render `styleMap` returns a string that lit writes as the `style`
 * attribute (so server-side rendering can emit it), and only later renders go through the CSSOM. A page with
 * a strict Content-Security-Policy (`style-src 'self'`, no `'unsafe-inline'`) blocks every style attribute
 * (`style-src-attr`), so the first paint of a grid, bar or swatch silently loses its size or colour. Writes
 * through the CSSOM (`element.style.setProperty`) are not inline markup and are always allowed, so this
 * directive uses them from the first render on.
 *
 * It binds in element position, not to the `style` attribute, so no attribute is ever part of the template:
 * ```ts
 * html`<div class="grid" ${inlineStyle({ '--rows': rows, '--cols': cols })}></div>`
 * ```
 * A property whose value becomes `null`/`undefined` (or disappears from the object) is removed.
 */
class InlineStyleDirective extends Directive {
  /** Property names set by the previous render, so that dropped ones can be removed. */
  private previous = new Set<string>();

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) {
      throw new Error(
        'inlineStyle() binds in element position: html`<div ${inlineStyle({ width: "4px" })}>`',
      );
    }
  }

  render(_styles: InlineStyles): unknown {
    return noChange;
  }

  override update(part: ElementPart, [styles]: [InlineStyles]): unknown {
    const { style } = part.element as HTMLElement | SVGElement;
    for (const name of this.previous) {
      if (styles[name] == null) {
        style.removeProperty(cssName(name));
        this.previous.delete(name);
      }
    }
    for (const [name, value] of Object.entries(styles)) {
      if (value == null) continue;
      style.setProperty(cssName(name), String(value));
      this.previous.add(name);
    }
    return noChange;
  }
}

/** Sets CSS properties on an element through the CSSOM: safe under a strict CSP (see the directive's notes). */
export const inlineStyle = directive(InlineStyleDirective);
