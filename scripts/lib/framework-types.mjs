// Framework typings from the custom-elements manifest: pure functions (no Node imports), so a unit test can
// run them on any manifest. scripts/framework-types.mjs writes their output to dist/types/.
//
// One model serves the three frameworks: per tag, the props a template may set and the events it may listen
// to. What each framework does with a prop on a custom element decides the keys:
//   - React 19 sets a property when `key in element`, else an attribute, and listens with addEventListener
//     for a prop `on` + the event name exactly as written (`ontrain-end`, `oncell-select`, `onchange`): the
//     camelCase `onTrainEnd` would listen for an event named "TrainEnd". (react-dom setPropOnCustomElement.)
//   - Svelte 5 does the same for `on…` attributes and properties (set_custom_element_data).
//   - Vue 3 sets a property when `key in element`, else an attribute; `@cell-select` listens for
//     "cell-select". Its template checker reads the props from `$props` and the events from `$emit`.
// So a writable property is typed with its real TypeScript type (read from the element class), an attribute
// with its string/number/boolean form, and a name that is both (a one-word attribute such as `epochs`) with
// either, since every property accepts its attribute's string form.

/** Words that are TypeScript, not names from the element's module. */
const BUILTIN = new Set(
  `string number boolean null undefined unknown any never void object true false readonly keyof typeof
  Array ReadonlyArray Record Readonly Partial Event CustomEvent Float32Array Promise Blob`.split(/\s+/),
);

/** A declaration's module in dist/, as a path relative to dist/types/ (where the typings live). */
const fromTypes = (modulePath) => modulePath.replace(/^dist\//, '../');

/** The manifest's custom elements with a tag: `{ tag, className, module }` plus its raw declaration. */
export function elementsOf(manifest) {
  const out = [];
  for (const mod of manifest.modules ?? [])
    for (const d of mod.declarations ?? [])
      if (d.customElement && d.tagName) out.push({ tag: d.tagName, className: d.name, module: mod.path, d });
  return out.sort((a, b) => a.tag.localeCompare(b.tag));
}

/**
 * An attribute's value as a template may write it: numbers also as numeric strings, booleans as themselves
 * or "true"/"false", string literals as they are; any other type (arrays, named types) as a string (JSON).
 * A string attribute also takes a number (`input-size={28}`): every framework writes it as its string. Not
 * so for a name that is also a property (`matrix`): the framework sets the property, which takes its string
 * form, and a number there is a mistake.
 */
export function attributeForm(typeText, { numbersForStrings = true } = {}) {
  const parts = (typeText ?? 'string')
    .split('|')
    .map((p) => p.trim())
    .filter((p) => p && p !== 'null' && p !== 'undefined');
  const forms = new Set();
  for (const p of parts) {
    if (p === 'number') forms.add('number').add('`${number}`');
    else if (p === 'boolean') forms.add('boolean').add("'true'").add("'false'").add("''");
    else if (/^'[^']*'$/.test(p)) forms.add(p);
    else if (numbersForStrings) forms.add('string').add('number');
    else forms.add('string');
  }
  if (forms.has('string'))
    for (const f of [...forms]) if (/^'/.test(f) || f === '`${number}`') forms.delete(f);
  return forms.size ? [...forms].join(' | ') : 'string';
}

/**
 * An event's type: the manifest's own (`@fires {CustomEvent<X>} name`), with each name it uses imported from
 * the element's module; else the one the package declares in `GlobalEventHandlersEventMap`; else a
 * CustomEvent.
 */
export function eventType(event, module) {
  const text = event.type?.text;
  if (text)
    return text.replace(/\b[A-Za-z_$][\w$]*\b/g, (w) =>
      BUILTIN.has(w) ? w : `import('${fromTypes(module)}').${w}`,
    );
  return `CnnEventOf<'${event.name}'>`;
}

/**
 * Members every element inherits from Node/Element/HTMLElement whose names are also attributes of ours. A
 * framework sets a property when `name in element`, so such an attribute can't be reached from a template
 * (`normalize` would overwrite Node's normalize() and leave `normalized` unset): the typings leave it out, and
 * the template uses its property twin.
 */
export const DOM_MEMBERS = new Set(['normalize', 'title', 'hidden', 'lang', 'dir', 'slot', 'id', 'style']);

/**
 * Attribute names a template can't use: the name of a read-only property or a method of the element (React,
 * Vue and Svelte would assign to it: `backend` is the backend in use, its attribute's twin is
 * `backendPreference`), or of a DOM member (DOM_MEMBERS).
 */
export function unreachableAttributes(d) {
  const fixed = new Set(
    (d.members ?? []).filter((m) => m.kind === 'method' || m.readonly).map((m) => m.name),
  );
  return new Set((d.attributes ?? []).map((a) => a.name).filter((n) => fixed.has(n) || DOM_MEMBERS.has(n)));
}

const oneLine = (s) => (s ?? '').replace(/\s+/g, ' ').replace(/\*\//g, '* /').trim();

/**
 * Per tag: `props` (key → { type, doc, kind }) and `events` (name → { type, doc }). `kind` says where the key
 * comes from: 'attribute', 'property' or 'both'.
 */
export function modelOf(manifest) {
  return elementsOf(manifest).map(({ tag, className, module, d }) => {
    const cls = `import('${fromTypes(module)}').${className}`;
    const props = new Map();
    const fields = (d.members ?? []).filter((m) => m.kind === 'field' && !m.static && !m.readonly);
    for (const f of fields)
      props.set(f.name, { kind: 'property', types: [`${cls}['${f.name}']`], doc: oneLine(f.description) });
    const unreachable = unreachableAttributes(d);
    for (const a of d.attributes ?? []) {
      if (unreachable.has(a.name)) continue;
      const have = props.get(a.name);
      const form = attributeForm(a.type?.text, { numbersForStrings: !have });
      if (have) props.set(a.name, { ...have, kind: 'both', types: [...have.types, form] });
      else props.set(a.name, { kind: 'attribute', types: [form], doc: oneLine(a.description) });
    }
    const events = (d.events ?? [])
      .filter((e) => e.name)
      .map((e) => ({ name: e.name, type: eventType(e, module), doc: oneLine(e.description) }));
    const kebab = (d.attributes ?? [])
      .filter((a) => a.name.includes('-') && !unreachable.has(a.name))
      .map((a) => ({ name: a.name, form: attributeForm(a.type?.text) }));
    return { tag, className, cls, props, events, kebab };
  });
}

const quote = (k) => `'${k}'`;
const doc = (text, indent) => (text ? `${indent}/** ${text} */\n` : '');

/** The body lines of a props interface: every prop, then `on<event>` handlers when `handlers` is true. */
function members(el, indent, { handlers, eventKey = (n) => `on${n}` }) {
  let s = '';
  for (const [key, p] of el.props)
    s += `${doc(p.doc, indent)}${indent}${quote(key)}?: ${p.types.join(' | ')};\n`;
  if (handlers)
    for (const e of el.events)
      s += `${doc(e.doc, indent)}${indent}${quote(eventKey(e.name))}?: (event: ${e.type}) => void;\n`;
  return s;
}

/** `conv-calculator` → `ConvCalculator`. */
const pascal = (tag) => tag.replace(/(^|-)([a-z])/g, (_, __, c) => c.toUpperCase());

const HEADER = `// Generated by scripts/framework-types.mjs from custom-elements.json. Do not edit.
// The package's own types: the element classes and the events declared in GlobalEventHandlersEventMap.
import type {} from '../index.js';

/** The event a cnn-widgets element fires under this name (as declared in GlobalEventHandlersEventMap). */
type CnnEventOf<K extends string> = K extends keyof GlobalEventHandlersEventMap
  ? GlobalEventHandlersEventMap[K]
  : CustomEvent<unknown>;
`;

/** Keys of a props interface, to leave out of the framework's base attributes (ours replace theirs). */
const keysOf = (el, eventKey) =>
  [...el.props.keys(), ...el.events.map((e) => eventKey(e.name))].map(quote).join(' | ') || 'never';

/** dist/types/react.d.ts: React 19's `JSX.IntrinsicElements`. */
export function renderReact(model) {
  const eventKey = (n) => `on${n}`;
  let s = `${HEADER}import type { DetailedHTMLProps, HTMLAttributes } from 'react';\n\n`;
  for (const el of model) {
    s += `/** Props of <${el.tag}> in React 19: attributes (kebab-case), properties (camelCase), on<event>. */\n`;
    s += `export interface ${pascal(el.tag)}ReactProps {\n${members(el, '  ', { handlers: true, eventKey })}}\n\n`;
  }
  s += `declare module 'react' {\n  namespace JSX {\n    interface IntrinsicElements {\n`;
  for (const el of model) {
    const base = `DetailedHTMLProps<HTMLAttributes<${el.cls}>, ${el.cls}>`;
    s += `      '${el.tag}': Omit<${base}, ${keysOf(el, eventKey)}> & ${pascal(el.tag)}ReactProps;\n`;
  }
  return `${s}    }\n  }\n}\n`;
}

/** dist/types/svelte.d.ts: Svelte 5's `SvelteHTMLElements`. */
export function renderSvelte(model) {
  const eventKey = (n) => `on${n}`;
  let s = `${HEADER}import type { HTMLAttributes } from 'svelte/elements';\n\n`;
  for (const el of model) {
    s += `/** Attributes of <${el.tag}> in Svelte 5: attributes (kebab-case), properties (camelCase), on<event>. */\n`;
    s += `export interface ${pascal(el.tag)}SvelteProps {\n${members(el, '  ', { handlers: true, eventKey })}}\n\n`;
  }
  s += `declare module 'svelte/elements' {\n  interface SvelteHTMLElements {\n`;
  for (const el of model)
    s += `    '${el.tag}': Omit<HTMLAttributes<${el.cls}>, ${keysOf(el, eventKey)}> & ${pascal(el.tag)}SvelteProps;\n`;
  return `${s}  }\n}\n`;
}

const camelize = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());

/**
 * Vue's template checker reads `:input-size` as the prop `inputSize`, while Vue's runtime writes it as the
 * attribute (the element has no property `input-size`): the camelCase key also takes the attribute's form.
 */
function vueProps(el) {
  const props = new Map(el.props);
  for (const a of el.kebab) {
    const p = props.get(camelize(a.name));
    if (p) props.set(camelize(a.name), { ...p, types: [...new Set([...p.types, a.form])] });
  }
  return props;
}

/**
 * The `on…` listener props of Vue's HTMLAttributes that our events replace (`onChange` of `@change` is typed
 * with a plain Event there; ours is a CustomEvent with a detail), as a union of string literals.
 */
const vueListeners = (el) =>
  el.events.map((e) => quote(`on${camelize(`-${e.name}`)}`)).join(' | ') || 'never';

/**
 * dist/types/vue.d.ts: Vue's `GlobalComponents`, in the shape Vue's guide gives for non-Vue custom elements:
 * a constructor whose instance's `$props` are the template's props and whose `$emit` lists the events.
 */
export function renderVue(model) {
  let s = `${HEADER}import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';\n\n`;
  s += `/** A custom element as Vue's template checker sees a component. */\n`;
  s += `type CnnVueElement<E extends HTMLElement, Props, Events, Native extends string> = new () => E & {\n`;
  s += `  /** @deprecated For template type checking only. */\n`;
  s += `  $props: Omit<HTMLAttributes, Native> & Props & PublicProps;\n`;
  s += `  /** @deprecated For template type checking only. */\n  $emit: EmitFn<Events>;\n};\n\n`;
  for (const el of model) {
    const vue = { ...el, props: vueProps(el) };
    s += `/** Props of <${el.tag}> in Vue: attributes (kebab-case) and properties (camelCase). */\n`;
    s += `export interface ${pascal(el.tag)}VueProps {\n${members(vue, '  ', { handlers: false })}}\n\n`;
    // A type, not an interface: EmitFn wants an index-signature-compatible record.
    s += `/** Events of <${el.tag}> (\`@name\` in a template). */\nexport type ${pascal(el.tag)}VueEvents = {\n`;
    for (const e of el.events) s += `${doc(e.doc, '  ')}  ${quote(e.name)}: (event: ${e.type}) => void;\n`;
    s += `};\n\n`;
  }
  s += `declare module 'vue' {\n  interface GlobalComponents {\n`;
  for (const el of model) {
    const P = pascal(el.tag);
    s += `    '${el.tag}': CnnVueElement<${el.cls}, ${P}VueProps, ${P}VueEvents, ${vueListeners(el)}>;\n`;
  }
  return `${s}  }\n}\n`;
}

/** Every file, by name under dist/types/. */
export function renderAll(manifest) {
  const model = modelOf(manifest);
  return {
    'react.d.ts': renderReact(model),
    'vue.d.ts': renderVue(model),
    'svelte.d.ts': renderSvelte(model),
  };
}
