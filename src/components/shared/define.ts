/**
 * Registers a custom element unless the tag is already taken (by this library loaded twice, or by someone
 * else), in which case it warns once instead of throwing: a second copy of the library on a page must never
 * break the page.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return;
  const existing = customElements.get(tag);
  if (!existing) {
    customElements.define(tag, ctor);
  } else if (existing !== ctor) {
    console.warn(
      `[cnn-widgets] <${tag}> is already defined by another script; keeping the existing definition. ` +
        `To use both, register a subclass under another name: customElements.define('my-${tag}', class extends ${ctor.name} {}).`,
    );
  }
}
