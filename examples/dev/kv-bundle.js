var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __decorateClass = (decorators, target, key, kind) => {
  var result = kind > 1 ? void 0 : kind ? __getOwnPropDesc(target, key) : target;
  for (var i5 = decorators.length - 1, decorator; i5 >= 0; i5--)
    if (decorator = decorators[i5])
      result = (kind ? decorator(target, key, result) : decorator(result)) || result;
  if (kind && result) __defProp(target, key, result);
  return result;
};

// node_modules/@lit/reactive-element/css-tag.js
var t = globalThis;
var e = t.ShadowRoot && (void 0 === t.ShadyCSS || t.ShadyCSS.nativeShadow) && "adoptedStyleSheets" in Document.prototype && "replace" in CSSStyleSheet.prototype;
var s = /* @__PURE__ */ Symbol();
var o = /* @__PURE__ */ new WeakMap();
var n = class {
  constructor(t3, e5, o6) {
    if (this._$cssResult$ = true, o6 !== s) throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");
    this.cssText = t3, this.t = e5;
  }
  get styleSheet() {
    let t3 = this.o;
    const s4 = this.t;
    if (e && void 0 === t3) {
      const e5 = void 0 !== s4 && 1 === s4.length;
      e5 && (t3 = o.get(s4)), void 0 === t3 && ((this.o = t3 = new CSSStyleSheet()).replaceSync(this.cssText), e5 && o.set(s4, t3));
    }
    return t3;
  }
  toString() {
    return this.cssText;
  }
};
var r = (t3) => new n("string" == typeof t3 ? t3 : t3 + "", void 0, s);
var i = (t3, ...e5) => {
  const o6 = 1 === t3.length ? t3[0] : e5.reduce((e6, s4, o7) => e6 + ((t4) => {
    if (true === t4._$cssResult$) return t4.cssText;
    if ("number" == typeof t4) return t4;
    throw Error("Value passed to 'css' function must be a 'css' function result: " + t4 + ". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.");
  })(s4) + t3[o7 + 1], t3[0]);
  return new n(o6, t3, s);
};
var S = (s4, o6) => {
  if (e) s4.adoptedStyleSheets = o6.map((t3) => t3 instanceof CSSStyleSheet ? t3 : t3.styleSheet);
  else for (const e5 of o6) {
    const o7 = document.createElement("style"), n5 = t.litNonce;
    void 0 !== n5 && o7.setAttribute("nonce", n5), o7.textContent = e5.cssText, s4.appendChild(o7);
  }
};
var c = e ? (t3) => t3 : (t3) => t3 instanceof CSSStyleSheet ? ((t4) => {
  let e5 = "";
  for (const s4 of t4.cssRules) e5 += s4.cssText;
  return r(e5);
})(t3) : t3;

// node_modules/@lit/reactive-element/reactive-element.js
var { is: i2, defineProperty: e2, getOwnPropertyDescriptor: h, getOwnPropertyNames: r2, getOwnPropertySymbols: o2, getPrototypeOf: n2 } = Object;
var a = globalThis;
var c2 = a.trustedTypes;
var l = c2 ? c2.emptyScript : "";
var p = a.reactiveElementPolyfillSupport;
var d = (t3, s4) => t3;
var u = { toAttribute(t3, s4) {
  switch (s4) {
    case Boolean:
      t3 = t3 ? l : null;
      break;
    case Object:
    case Array:
      t3 = null == t3 ? t3 : JSON.stringify(t3);
  }
  return t3;
}, fromAttribute(t3, s4) {
  let i5 = t3;
  switch (s4) {
    case Boolean:
      i5 = null !== t3;
      break;
    case Number:
      i5 = null === t3 ? null : Number(t3);
      break;
    case Object:
    case Array:
      try {
        i5 = JSON.parse(t3);
      } catch (t4) {
        i5 = null;
      }
  }
  return i5;
} };
var f = (t3, s4) => !i2(t3, s4);
var b = { attribute: true, type: String, converter: u, reflect: false, useDefault: false, hasChanged: f };
Symbol.metadata ??= /* @__PURE__ */ Symbol("metadata"), a.litPropertyMetadata ??= /* @__PURE__ */ new WeakMap();
var y = class extends HTMLElement {
  static addInitializer(t3) {
    this._$Ei(), (this.l ??= []).push(t3);
  }
  static get observedAttributes() {
    return this.finalize(), this._$Eh && [...this._$Eh.keys()];
  }
  static createProperty(t3, s4 = b) {
    if (s4.state && (s4.attribute = false), this._$Ei(), this.prototype.hasOwnProperty(t3) && ((s4 = Object.create(s4)).wrapped = true), this.elementProperties.set(t3, s4), !s4.noAccessor) {
      const i5 = /* @__PURE__ */ Symbol(), h3 = this.getPropertyDescriptor(t3, i5, s4);
      void 0 !== h3 && e2(this.prototype, t3, h3);
    }
  }
  static getPropertyDescriptor(t3, s4, i5) {
    const { get: e5, set: r6 } = h(this.prototype, t3) ?? { get() {
      return this[s4];
    }, set(t4) {
      this[s4] = t4;
    } };
    return { get: e5, set(s5) {
      const h3 = e5?.call(this);
      r6?.call(this, s5), this.requestUpdate(t3, h3, i5);
    }, configurable: true, enumerable: true };
  }
  static getPropertyOptions(t3) {
    return this.elementProperties.get(t3) ?? b;
  }
  static _$Ei() {
    if (this.hasOwnProperty(d("elementProperties"))) return;
    const t3 = n2(this);
    t3.finalize(), void 0 !== t3.l && (this.l = [...t3.l]), this.elementProperties = new Map(t3.elementProperties);
  }
  static finalize() {
    if (this.hasOwnProperty(d("finalized"))) return;
    if (this.finalized = true, this._$Ei(), this.hasOwnProperty(d("properties"))) {
      const t4 = this.properties, s4 = [...r2(t4), ...o2(t4)];
      for (const i5 of s4) this.createProperty(i5, t4[i5]);
    }
    const t3 = this[Symbol.metadata];
    if (null !== t3) {
      const s4 = litPropertyMetadata.get(t3);
      if (void 0 !== s4) for (const [t4, i5] of s4) this.elementProperties.set(t4, i5);
    }
    this._$Eh = /* @__PURE__ */ new Map();
    for (const [t4, s4] of this.elementProperties) {
      const i5 = this._$Eu(t4, s4);
      void 0 !== i5 && this._$Eh.set(i5, t4);
    }
    this.elementStyles = this.finalizeStyles(this.styles);
  }
  static finalizeStyles(s4) {
    const i5 = [];
    if (Array.isArray(s4)) {
      const e5 = new Set(s4.flat(1 / 0).reverse());
      for (const s5 of e5) i5.unshift(c(s5));
    } else void 0 !== s4 && i5.push(c(s4));
    return i5;
  }
  static _$Eu(t3, s4) {
    const i5 = s4.attribute;
    return false === i5 ? void 0 : "string" == typeof i5 ? i5 : "string" == typeof t3 ? t3.toLowerCase() : void 0;
  }
  constructor() {
    super(), this._$Ep = void 0, this.isUpdatePending = false, this.hasUpdated = false, this._$Em = null, this._$Ev();
  }
  _$Ev() {
    this._$ES = new Promise((t3) => this.enableUpdating = t3), this._$AL = /* @__PURE__ */ new Map(), this._$E_(), this.requestUpdate(), this.constructor.l?.forEach((t3) => t3(this));
  }
  addController(t3) {
    (this._$EO ??= /* @__PURE__ */ new Set()).add(t3), void 0 !== this.renderRoot && this.isConnected && t3.hostConnected?.();
  }
  removeController(t3) {
    this._$EO?.delete(t3);
  }
  _$E_() {
    const t3 = /* @__PURE__ */ new Map(), s4 = this.constructor.elementProperties;
    for (const i5 of s4.keys()) this.hasOwnProperty(i5) && (t3.set(i5, this[i5]), delete this[i5]);
    t3.size > 0 && (this._$Ep = t3);
  }
  createRenderRoot() {
    const t3 = this.shadowRoot ?? this.attachShadow(this.constructor.shadowRootOptions);
    return S(t3, this.constructor.elementStyles), t3;
  }
  connectedCallback() {
    this.renderRoot ??= this.createRenderRoot(), this.enableUpdating(true), this._$EO?.forEach((t3) => t3.hostConnected?.());
  }
  enableUpdating(t3) {
  }
  disconnectedCallback() {
    this._$EO?.forEach((t3) => t3.hostDisconnected?.());
  }
  attributeChangedCallback(t3, s4, i5) {
    this._$AK(t3, i5);
  }
  _$ET(t3, s4) {
    const i5 = this.constructor.elementProperties.get(t3), e5 = this.constructor._$Eu(t3, i5);
    if (void 0 !== e5 && true === i5.reflect) {
      const h3 = (void 0 !== i5.converter?.toAttribute ? i5.converter : u).toAttribute(s4, i5.type);
      this._$Em = t3, null == h3 ? this.removeAttribute(e5) : this.setAttribute(e5, h3), this._$Em = null;
    }
  }
  _$AK(t3, s4) {
    const i5 = this.constructor, e5 = i5._$Eh.get(t3);
    if (void 0 !== e5 && this._$Em !== e5) {
      const t4 = i5.getPropertyOptions(e5), h3 = "function" == typeof t4.converter ? { fromAttribute: t4.converter } : void 0 !== t4.converter?.fromAttribute ? t4.converter : u;
      this._$Em = e5;
      const r6 = h3.fromAttribute(s4, t4.type);
      this[e5] = r6 ?? this._$Ej?.get(e5) ?? r6, this._$Em = null;
    }
  }
  requestUpdate(t3, s4, i5, e5 = false, h3) {
    if (void 0 !== t3) {
      const r6 = this.constructor;
      if (false === e5 && (h3 = this[t3]), i5 ??= r6.getPropertyOptions(t3), !((i5.hasChanged ?? f)(h3, s4) || i5.useDefault && i5.reflect && h3 === this._$Ej?.get(t3) && !this.hasAttribute(r6._$Eu(t3, i5)))) return;
      this.C(t3, s4, i5);
    }
    false === this.isUpdatePending && (this._$ES = this._$EP());
  }
  C(t3, s4, { useDefault: i5, reflect: e5, wrapped: h3 }, r6) {
    i5 && !(this._$Ej ??= /* @__PURE__ */ new Map()).has(t3) && (this._$Ej.set(t3, r6 ?? s4 ?? this[t3]), true !== h3 || void 0 !== r6) || (this._$AL.has(t3) || (this.hasUpdated || i5 || (s4 = void 0), this._$AL.set(t3, s4)), true === e5 && this._$Em !== t3 && (this._$Eq ??= /* @__PURE__ */ new Set()).add(t3));
  }
  async _$EP() {
    this.isUpdatePending = true;
    try {
      await this._$ES;
    } catch (t4) {
      Promise.reject(t4);
    }
    const t3 = this.scheduleUpdate();
    return null != t3 && await t3, !this.isUpdatePending;
  }
  scheduleUpdate() {
    return this.performUpdate();
  }
  performUpdate() {
    if (!this.isUpdatePending) return;
    if (!this.hasUpdated) {
      if (this.renderRoot ??= this.createRenderRoot(), this._$Ep) {
        for (const [t5, s5] of this._$Ep) this[t5] = s5;
        this._$Ep = void 0;
      }
      const t4 = this.constructor.elementProperties;
      if (t4.size > 0) for (const [s5, i5] of t4) {
        const { wrapped: t5 } = i5, e5 = this[s5];
        true !== t5 || this._$AL.has(s5) || void 0 === e5 || this.C(s5, void 0, i5, e5);
      }
    }
    let t3 = false;
    const s4 = this._$AL;
    try {
      t3 = this.shouldUpdate(s4), t3 ? (this.willUpdate(s4), this._$EO?.forEach((t4) => t4.hostUpdate?.()), this.update(s4)) : this._$EM();
    } catch (s5) {
      throw t3 = false, this._$EM(), s5;
    }
    t3 && this._$AE(s4);
  }
  willUpdate(t3) {
  }
  _$AE(t3) {
    this._$EO?.forEach((t4) => t4.hostUpdated?.()), this.hasUpdated || (this.hasUpdated = true, this.firstUpdated(t3)), this.updated(t3);
  }
  _$EM() {
    this._$AL = /* @__PURE__ */ new Map(), this.isUpdatePending = false;
  }
  get updateComplete() {
    return this.getUpdateComplete();
  }
  getUpdateComplete() {
    return this._$ES;
  }
  shouldUpdate(t3) {
    return true;
  }
  update(t3) {
    this._$Eq &&= this._$Eq.forEach((t4) => this._$ET(t4, this[t4])), this._$EM();
  }
  updated(t3) {
  }
  firstUpdated(t3) {
  }
};
y.elementStyles = [], y.shadowRootOptions = { mode: "open" }, y[d("elementProperties")] = /* @__PURE__ */ new Map(), y[d("finalized")] = /* @__PURE__ */ new Map(), p?.({ ReactiveElement: y }), (a.reactiveElementVersions ??= []).push("2.1.2");

// node_modules/lit-html/lit-html.js
var t2 = globalThis;
var i3 = (t3) => t3;
var s2 = t2.trustedTypes;
var e3 = s2 ? s2.createPolicy("lit-html", { createHTML: (t3) => t3 }) : void 0;
var h2 = "$lit$";
var o3 = `lit$${Math.random().toFixed(9).slice(2)}$`;
var n3 = "?" + o3;
var r3 = `<${n3}>`;
var l2 = document;
var c3 = () => l2.createComment("");
var a2 = (t3) => null === t3 || "object" != typeof t3 && "function" != typeof t3;
var u2 = Array.isArray;
var d2 = (t3) => u2(t3) || "function" == typeof t3?.[Symbol.iterator];
var f2 = "[ 	\n\f\r]";
var v = /<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g;
var _ = /-->/g;
var m = />/g;
var p2 = RegExp(`>|${f2}(?:([^\\s"'>=/]+)(${f2}*=${f2}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`, "g");
var g = /'/g;
var $ = /"/g;
var y2 = /^(?:script|style|textarea|title)$/i;
var x = (t3) => (i5, ...s4) => ({ _$litType$: t3, strings: i5, values: s4 });
var b2 = x(1);
var w = x(2);
var T = x(3);
var E = /* @__PURE__ */ Symbol.for("lit-noChange");
var A = /* @__PURE__ */ Symbol.for("lit-nothing");
var C = /* @__PURE__ */ new WeakMap();
var P = l2.createTreeWalker(l2, 129);
function V(t3, i5) {
  if (!u2(t3) || !t3.hasOwnProperty("raw")) throw Error("invalid template strings array");
  return void 0 !== e3 ? e3.createHTML(i5) : i5;
}
var N = (t3, i5) => {
  const s4 = t3.length - 1, e5 = [];
  let n5, l3 = 2 === i5 ? "<svg>" : 3 === i5 ? "<math>" : "", c4 = v;
  for (let i6 = 0; i6 < s4; i6++) {
    const s5 = t3[i6];
    let a3, u3, d3 = -1, f3 = 0;
    for (; f3 < s5.length && (c4.lastIndex = f3, u3 = c4.exec(s5), null !== u3); ) f3 = c4.lastIndex, c4 === v ? "!--" === u3[1] ? c4 = _ : void 0 !== u3[1] ? c4 = m : void 0 !== u3[2] ? (y2.test(u3[2]) && (n5 = RegExp("</" + u3[2], "g")), c4 = p2) : void 0 !== u3[3] && (c4 = p2) : c4 === p2 ? ">" === u3[0] ? (c4 = n5 ?? v, d3 = -1) : void 0 === u3[1] ? d3 = -2 : (d3 = c4.lastIndex - u3[2].length, a3 = u3[1], c4 = void 0 === u3[3] ? p2 : '"' === u3[3] ? $ : g) : c4 === $ || c4 === g ? c4 = p2 : c4 === _ || c4 === m ? c4 = v : (c4 = p2, n5 = void 0);
    const x2 = c4 === p2 && t3[i6 + 1].startsWith("/>") ? " " : "";
    l3 += c4 === v ? s5 + r3 : d3 >= 0 ? (e5.push(a3), s5.slice(0, d3) + h2 + s5.slice(d3) + o3 + x2) : s5 + o3 + (-2 === d3 ? i6 : x2);
  }
  return [V(t3, l3 + (t3[s4] || "<?>") + (2 === i5 ? "</svg>" : 3 === i5 ? "</math>" : "")), e5];
};
var S2 = class _S {
  constructor({ strings: t3, _$litType$: i5 }, e5) {
    let r6;
    this.parts = [];
    let l3 = 0, a3 = 0;
    const u3 = t3.length - 1, d3 = this.parts, [f3, v2] = N(t3, i5);
    if (this.el = _S.createElement(f3, e5), P.currentNode = this.el.content, 2 === i5 || 3 === i5) {
      const t4 = this.el.content.firstChild;
      t4.replaceWith(...t4.childNodes);
    }
    for (; null !== (r6 = P.nextNode()) && d3.length < u3; ) {
      if (1 === r6.nodeType) {
        if (r6.hasAttributes()) for (const t4 of r6.getAttributeNames()) if (t4.endsWith(h2)) {
          const i6 = v2[a3++], s4 = r6.getAttribute(t4).split(o3), e6 = /([.?@])?(.*)/.exec(i6);
          d3.push({ type: 1, index: l3, name: e6[2], strings: s4, ctor: "." === e6[1] ? I : "?" === e6[1] ? L : "@" === e6[1] ? z : H }), r6.removeAttribute(t4);
        } else t4.startsWith(o3) && (d3.push({ type: 6, index: l3 }), r6.removeAttribute(t4));
        if (y2.test(r6.tagName)) {
          const t4 = r6.textContent.split(o3), i6 = t4.length - 1;
          if (i6 > 0) {
            r6.textContent = s2 ? s2.emptyScript : "";
            for (let s4 = 0; s4 < i6; s4++) r6.append(t4[s4], c3()), P.nextNode(), d3.push({ type: 2, index: ++l3 });
            r6.append(t4[i6], c3());
          }
        }
      } else if (8 === r6.nodeType) if (r6.data === n3) d3.push({ type: 2, index: l3 });
      else {
        let t4 = -1;
        for (; -1 !== (t4 = r6.data.indexOf(o3, t4 + 1)); ) d3.push({ type: 7, index: l3 }), t4 += o3.length - 1;
      }
      l3++;
    }
  }
  static createElement(t3, i5) {
    const s4 = l2.createElement("template");
    return s4.innerHTML = t3, s4;
  }
};
function M(t3, i5, s4 = t3, e5) {
  if (i5 === E) return i5;
  let h3 = void 0 !== e5 ? s4._$Co?.[e5] : s4._$Cl;
  const o6 = a2(i5) ? void 0 : i5._$litDirective$;
  return h3?.constructor !== o6 && (h3?._$AO?.(false), void 0 === o6 ? h3 = void 0 : (h3 = new o6(t3), h3._$AT(t3, s4, e5)), void 0 !== e5 ? (s4._$Co ??= [])[e5] = h3 : s4._$Cl = h3), void 0 !== h3 && (i5 = M(t3, h3._$AS(t3, i5.values), h3, e5)), i5;
}
var R = class {
  constructor(t3, i5) {
    this._$AV = [], this._$AN = void 0, this._$AD = t3, this._$AM = i5;
  }
  get parentNode() {
    return this._$AM.parentNode;
  }
  get _$AU() {
    return this._$AM._$AU;
  }
  u(t3) {
    const { el: { content: i5 }, parts: s4 } = this._$AD, e5 = (t3?.creationScope ?? l2).importNode(i5, true);
    P.currentNode = e5;
    let h3 = P.nextNode(), o6 = 0, n5 = 0, r6 = s4[0];
    for (; void 0 !== r6; ) {
      if (o6 === r6.index) {
        let i6;
        2 === r6.type ? i6 = new k(h3, h3.nextSibling, this, t3) : 1 === r6.type ? i6 = new r6.ctor(h3, r6.name, r6.strings, this, t3) : 6 === r6.type && (i6 = new Z(h3, this, t3)), this._$AV.push(i6), r6 = s4[++n5];
      }
      o6 !== r6?.index && (h3 = P.nextNode(), o6++);
    }
    return P.currentNode = l2, e5;
  }
  p(t3) {
    let i5 = 0;
    for (const s4 of this._$AV) void 0 !== s4 && (void 0 !== s4.strings ? (s4._$AI(t3, s4, i5), i5 += s4.strings.length - 2) : s4._$AI(t3[i5])), i5++;
  }
};
var k = class _k {
  get _$AU() {
    return this._$AM?._$AU ?? this._$Cv;
  }
  constructor(t3, i5, s4, e5) {
    this.type = 2, this._$AH = A, this._$AN = void 0, this._$AA = t3, this._$AB = i5, this._$AM = s4, this.options = e5, this._$Cv = e5?.isConnected ?? true;
  }
  get parentNode() {
    let t3 = this._$AA.parentNode;
    const i5 = this._$AM;
    return void 0 !== i5 && 11 === t3?.nodeType && (t3 = i5.parentNode), t3;
  }
  get startNode() {
    return this._$AA;
  }
  get endNode() {
    return this._$AB;
  }
  _$AI(t3, i5 = this) {
    t3 = M(this, t3, i5), a2(t3) ? t3 === A || null == t3 || "" === t3 ? (this._$AH !== A && this._$AR(), this._$AH = A) : t3 !== this._$AH && t3 !== E && this._(t3) : void 0 !== t3._$litType$ ? this.$(t3) : void 0 !== t3.nodeType ? this.T(t3) : d2(t3) ? this.k(t3) : this._(t3);
  }
  O(t3) {
    return this._$AA.parentNode.insertBefore(t3, this._$AB);
  }
  T(t3) {
    this._$AH !== t3 && (this._$AR(), this._$AH = this.O(t3));
  }
  _(t3) {
    this._$AH !== A && a2(this._$AH) ? this._$AA.nextSibling.data = t3 : this.T(l2.createTextNode(t3)), this._$AH = t3;
  }
  $(t3) {
    const { values: i5, _$litType$: s4 } = t3, e5 = "number" == typeof s4 ? this._$AC(t3) : (void 0 === s4.el && (s4.el = S2.createElement(V(s4.h, s4.h[0]), this.options)), s4);
    if (this._$AH?._$AD === e5) this._$AH.p(i5);
    else {
      const t4 = new R(e5, this), s5 = t4.u(this.options);
      t4.p(i5), this.T(s5), this._$AH = t4;
    }
  }
  _$AC(t3) {
    let i5 = C.get(t3.strings);
    return void 0 === i5 && C.set(t3.strings, i5 = new S2(t3)), i5;
  }
  k(t3) {
    u2(this._$AH) || (this._$AH = [], this._$AR());
    const i5 = this._$AH;
    let s4, e5 = 0;
    for (const h3 of t3) e5 === i5.length ? i5.push(s4 = new _k(this.O(c3()), this.O(c3()), this, this.options)) : s4 = i5[e5], s4._$AI(h3), e5++;
    e5 < i5.length && (this._$AR(s4 && s4._$AB.nextSibling, e5), i5.length = e5);
  }
  _$AR(t3 = this._$AA.nextSibling, s4) {
    for (this._$AP?.(false, true, s4); t3 !== this._$AB; ) {
      const s5 = i3(t3).nextSibling;
      i3(t3).remove(), t3 = s5;
    }
  }
  setConnected(t3) {
    void 0 === this._$AM && (this._$Cv = t3, this._$AP?.(t3));
  }
};
var H = class {
  get tagName() {
    return this.element.tagName;
  }
  get _$AU() {
    return this._$AM._$AU;
  }
  constructor(t3, i5, s4, e5, h3) {
    this.type = 1, this._$AH = A, this._$AN = void 0, this.element = t3, this.name = i5, this._$AM = e5, this.options = h3, s4.length > 2 || "" !== s4[0] || "" !== s4[1] ? (this._$AH = Array(s4.length - 1).fill(new String()), this.strings = s4) : this._$AH = A;
  }
  _$AI(t3, i5 = this, s4, e5) {
    const h3 = this.strings;
    let o6 = false;
    if (void 0 === h3) t3 = M(this, t3, i5, 0), o6 = !a2(t3) || t3 !== this._$AH && t3 !== E, o6 && (this._$AH = t3);
    else {
      const e6 = t3;
      let n5, r6;
      for (t3 = h3[0], n5 = 0; n5 < h3.length - 1; n5++) r6 = M(this, e6[s4 + n5], i5, n5), r6 === E && (r6 = this._$AH[n5]), o6 ||= !a2(r6) || r6 !== this._$AH[n5], r6 === A ? t3 = A : t3 !== A && (t3 += (r6 ?? "") + h3[n5 + 1]), this._$AH[n5] = r6;
    }
    o6 && !e5 && this.j(t3);
  }
  j(t3) {
    t3 === A ? this.element.removeAttribute(this.name) : this.element.setAttribute(this.name, t3 ?? "");
  }
};
var I = class extends H {
  constructor() {
    super(...arguments), this.type = 3;
  }
  j(t3) {
    this.element[this.name] = t3 === A ? void 0 : t3;
  }
};
var L = class extends H {
  constructor() {
    super(...arguments), this.type = 4;
  }
  j(t3) {
    this.element.toggleAttribute(this.name, !!t3 && t3 !== A);
  }
};
var z = class extends H {
  constructor(t3, i5, s4, e5, h3) {
    super(t3, i5, s4, e5, h3), this.type = 5;
  }
  _$AI(t3, i5 = this) {
    if ((t3 = M(this, t3, i5, 0) ?? A) === E) return;
    const s4 = this._$AH, e5 = t3 === A && s4 !== A || t3.capture !== s4.capture || t3.once !== s4.once || t3.passive !== s4.passive, h3 = t3 !== A && (s4 === A || e5);
    e5 && this.element.removeEventListener(this.name, this, s4), h3 && this.element.addEventListener(this.name, this, t3), this._$AH = t3;
  }
  handleEvent(t3) {
    "function" == typeof this._$AH ? this._$AH.call(this.options?.host ?? this.element, t3) : this._$AH.handleEvent(t3);
  }
};
var Z = class {
  constructor(t3, i5, s4) {
    this.element = t3, this.type = 6, this._$AN = void 0, this._$AM = i5, this.options = s4;
  }
  get _$AU() {
    return this._$AM._$AU;
  }
  _$AI(t3) {
    M(this, t3);
  }
};
var B = t2.litHtmlPolyfillSupport;
B?.(S2, k), (t2.litHtmlVersions ??= []).push("3.3.3");
var D = (t3, i5, s4) => {
  const e5 = s4?.renderBefore ?? i5;
  let h3 = e5._$litPart$;
  if (void 0 === h3) {
    const t4 = s4?.renderBefore ?? null;
    e5._$litPart$ = h3 = new k(i5.insertBefore(c3(), t4), t4, void 0, s4 ?? {});
  }
  return h3._$AI(t3), h3;
};

// node_modules/lit-element/lit-element.js
var s3 = globalThis;
var i4 = class extends y {
  constructor() {
    super(...arguments), this.renderOptions = { host: this }, this._$Do = void 0;
  }
  createRenderRoot() {
    const t3 = super.createRenderRoot();
    return this.renderOptions.renderBefore ??= t3.firstChild, t3;
  }
  update(t3) {
    const r6 = this.render();
    this.hasUpdated || (this.renderOptions.isConnected = this.isConnected), super.update(t3), this._$Do = D(r6, this.renderRoot, this.renderOptions);
  }
  connectedCallback() {
    super.connectedCallback(), this._$Do?.setConnected(true);
  }
  disconnectedCallback() {
    super.disconnectedCallback(), this._$Do?.setConnected(false);
  }
  render() {
    return E;
  }
};
i4._$litElement$ = true, i4["finalized"] = true, s3.litElementHydrateSupport?.({ LitElement: i4 });
var o4 = s3.litElementPolyfillSupport;
o4?.({ LitElement: i4 });
(s3.litElementVersions ??= []).push("4.2.2");

// node_modules/@lit/reactive-element/decorators/property.js
var o5 = { attribute: true, type: String, converter: u, reflect: false, hasChanged: f };
var r4 = (t3 = o5, e5, r6) => {
  const { kind: n5, metadata: i5 } = r6;
  let s4 = globalThis.litPropertyMetadata.get(i5);
  if (void 0 === s4 && globalThis.litPropertyMetadata.set(i5, s4 = /* @__PURE__ */ new Map()), "setter" === n5 && ((t3 = Object.create(t3)).wrapped = true), s4.set(r6.name, t3), "accessor" === n5) {
    const { name: o6 } = r6;
    return { set(r7) {
      const n6 = e5.get.call(this);
      e5.set.call(this, r7), this.requestUpdate(o6, n6, t3, true, r7);
    }, init(e6) {
      return void 0 !== e6 && this.C(o6, void 0, t3, e6), e6;
    } };
  }
  if ("setter" === n5) {
    const { name: o6 } = r6;
    return function(r7) {
      const n6 = this[o6];
      e5.call(this, r7), this.requestUpdate(o6, n6, t3, true, r7);
    };
  }
  throw Error("Unsupported decorator location: " + n5);
};
function n4(t3) {
  return (e5, o6) => "object" == typeof o6 ? r4(t3, e5, o6) : ((t4, e6, o7) => {
    const r6 = e6.hasOwnProperty(o7);
    return e6.constructor.createProperty(o7, t4), r6 ? Object.getOwnPropertyDescriptor(e6, o7) : void 0;
  })(t3, e5, o6);
}

// node_modules/@lit/reactive-element/decorators/state.js
function r5(r6) {
  return n4({ ...r6, state: true, attribute: false });
}

// src/components/shared/theme.styles.ts
var themeStyles = i`
  :host {
    --_bg: var(--cnn-bg, #ffffff);
    --_fg: var(--cnn-fg, #1d2430);
    --_muted: var(--cnn-muted, #5b6577);
    --_border: var(--cnn-border, #d5dae3);
    --_surface: var(--cnn-surface, #f4f6fa);
    --_accent: var(--cnn-accent, #2a62d6);
    --_accent-fg: var(--cnn-accent-fg, #ffffff);
    --_positive: var(--cnn-positive, #1d7f4e);
    --_negative: var(--cnn-negative, #b3261e);
    --_focus: var(--cnn-focus, var(--_accent));
    --_radius: var(--cnn-radius, 8px);
    --_gap: var(--cnn-gap, 12px);
    display: block;
    box-sizing: border-box;
    max-width: 100%;
    font-family: var(--cnn-font, inherit);
    font-size: var(--cnn-font-size, 1rem);
    line-height: 1.45;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_gap);
    color-scheme: light;
  }
  :host([theme='dark']) {
    --_bg: var(--cnn-bg, #161b22);
    --_fg: var(--cnn-fg, #e6e9ef);
    --_muted: var(--cnn-muted, #a3adbd);
    --_border: var(--cnn-border, #394150);
    --_surface: var(--cnn-surface, #20262f);
    --_accent: var(--cnn-accent, #7aa7ff);
    --_accent-fg: var(--cnn-accent-fg, #0b1220);
    --_positive: var(--cnn-positive, #5fd39a);
    --_negative: var(--cnn-negative, #ff8a80);
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      --_bg: var(--cnn-bg, #161b22);
      --_fg: var(--cnn-fg, #e6e9ef);
      --_muted: var(--cnn-muted, #a3adbd);
      --_border: var(--cnn-border, #394150);
      --_surface: var(--cnn-surface, #20262f);
      --_accent: var(--cnn-accent, #7aa7ff);
      --_accent-fg: var(--cnn-accent-fg, #0b1220);
      --_positive: var(--cnn-positive, #5fd39a);
      --_negative: var(--cnn-negative, #ff8a80);
      color-scheme: dark;
    }
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [part~='error'] {
    margin: 0 0 var(--_gap);
    padding: 8px 10px;
    border-radius: calc(var(--_radius) - 2px);
    border: 1px solid var(--_negative);
    color: var(--_negative);
    background: color-mix(in srgb, var(--_negative) 8%, transparent);
    font-size: 0.92em;
  }
  [part~='error']:empty {
    display: none;
  }
  button,
  input,
  select {
    font: inherit;
    color: inherit;
  }
  button {
    cursor: pointer;
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--_accent-fg);
    border-radius: calc(var(--_radius) - 2px);
    padding: 6px 12px;
    min-height: 36px;
  }
  button.secondary {
    background: transparent;
    color: var(--_accent);
  }
  button:disabled {
    opacity: 0.5;
    cursor: not-allowed;
  }
  input,
  select {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 3px);
    padding: 4px 6px;
    min-height: 32px;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
`;

// src/components/shared/cnn-element.ts
var CnnElement = class extends i4 {
  constructor() {
    super(...arguments);
    this._error = null;
  }
  static {
    this.styles = [themeStyles];
  }
  /** The message shown for bad input or a failure, or `null` when all is well. Read-only for users. */
  get error() {
    return this._error;
  }
  /** Sets (or clears, with null) the message shown in the error region; requests a render when it changes. */
  setError(message) {
    if (message === this._error) return;
    const old = this._error;
    this._error = message;
    this.requestUpdate("error", old);
  }
  /** The error region: always in the DOM (live region), empty when there is no error. */
  renderError() {
    return b2`<div part="error" role="alert">${this._error ?? A}</div>`;
  }
  /** Dispatches a `CustomEvent` that bubbles and crosses shadow roots, as the public contract requires. */
  emit(name, detail) {
    return this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: false }));
  }
};
__decorateClass([
  n4({ reflect: true })
], CnnElement.prototype, "theme", 2);
var toNumber = (v2) => v2 === null || v2.trim() === "" ? NaN : Number(v2.trim());
var numberConverter = {
  fromAttribute: (v2) => toNumber(v2),
  toAttribute: (v2) => Number.isFinite(v2) ? String(v2) : null
};

// src/engine/conv-math.ts
function checkInteger(name, value, min) {
  if (typeof value !== "number" || Number.isNaN(value)) return `${name} must be a number.`;
  if (!Number.isFinite(value)) return `${name} must be finite.`;
  if (!Number.isInteger(value)) return `${name} must be a whole number (got ${value}).`;
  if (value < min) return `${name} must be at least ${min} (got ${value}).`;
  if (value > MAX_SIZE) return `${name} is too large (at most ${MAX_SIZE.toLocaleString("en-US")}).`;
  return null;
}
var MAX_SIZE = 1e6;
function outputSize(p3) {
  const stride = p3.stride ?? 1;
  const dilation = p3.dilation ?? 1;
  const padding = p3.padding ?? 0;
  const err = checkInteger("Input size", p3.input, 1) ?? checkInteger("Kernel size", p3.kernel, 1) ?? (stride === 0 ? "Stride must be at least 1: a stride of 0 would never move the window." : null) ?? checkInteger("Stride", stride, 1) ?? checkInteger("Dilation", dilation, 1) ?? (typeof padding === "number" ? checkInteger("Padding", padding, 0) : null);
  if (err) return { ok: false, error: err };
  if (typeof padding !== "number" && padding !== "same" && padding !== "valid") {
    return { ok: false, error: `Padding must be a number, "same" or "valid" (got "${String(padding)}").` };
  }
  const effectiveKernel = dilation * (p3.kernel - 1) + 1;
  let padBefore;
  let padAfter;
  if (padding === "same") {
    const out = Math.ceil(p3.input / stride);
    const total = Math.max((out - 1) * stride + effectiveKernel - p3.input, 0);
    padBefore = Math.floor(total / 2);
    padAfter = total - padBefore;
  } else {
    padBefore = padAfter = padding === "valid" ? 0 : padding;
  }
  if (p3.mode === "pool" && Math.max(padBefore, padAfter) > Math.floor(p3.kernel / 2)) {
    return {
      ok: false,
      error: `Pooling padding must be at most half the kernel (${Math.floor(p3.kernel / 2)} for a ${p3.kernel}-wide window).`
    };
  }
  const padded = p3.input + padBefore + padAfter;
  if (effectiveKernel > padded) {
    const what = dilation > 1 ? `The dilated kernel (${effectiveKernel} wide)` : `The kernel (${p3.kernel})`;
    return {
      ok: false,
      error: `${what} is larger than the padded input (${padded}): there is no position for the window.`
    };
  }
  const numerator = padded - effectiveKernel;
  const size = Math.floor(numerator / stride) + 1;
  const unreached = numerator - (size - 1) * stride;
  return { ok: true, size, padBefore, padAfter, effectiveKernel, numerator, exact: unreached === 0, unreached };
}
function parseSize(text) {
  if (typeof text === "number") {
    const e5 = checkInteger("Input size", text, 1);
    return e5 ? { error: e5 } : [text, text];
  }
  const s4 = String(text ?? "").trim();
  if (!s4) return { error: 'Input size is empty: give a width like "28" or a height\xD7width like "28x32".' };
  const parts = s4.split(/\s*[x×*,]\s*/i);
  if (parts.length > 2) return { error: `Input size "${s4}" has too many parts: use "W" or "HxW".` };
  const nums = parts.map((t3) => /^[-+]?\d+(\.\d+)?$/.test(t3) ? Number(t3) : NaN);
  for (const n5 of nums) {
    const e5 = checkInteger("Input size", n5, 1);
    if (e5) return { error: Number.isNaN(n5) ? `Input size "${s4}" is not a number: use "W" or "HxW".` : e5 };
  }
  return nums.length === 1 ? [nums[0], nums[0]] : [nums[0], nums[1]];
}

// src/components/kernel-viewer/grid-values.ts
function mulberry32(seed) {
  let a3 = Math.trunc(seed) >>> 0 || 2654435769;
  return () => {
    a3 = a3 + 1831565813 >>> 0;
    let t3 = a3;
    t3 = Math.imul(t3 ^ t3 >>> 15, t3 | 1);
    t3 ^= t3 + Math.imul(t3 ^ t3 >>> 7, t3 | 61);
    return ((t3 ^ t3 >>> 14) >>> 0) / 4294967296;
  };
}
function randomGrid(channels, rows, cols, lo, hi, rand) {
  return Array.from(
    { length: channels },
    () => Array.from({ length: rows }, () => Array.from({ length: cols }, () => lo + Math.floor(rand() * (hi - lo + 1))))
  );
}
function parseGrid(value, name, maxSide, maxChannels) {
  let v2 = value;
  if (typeof v2 === "string") {
    try {
      v2 = JSON.parse(v2);
    } catch {
      return { ok: false, error: `${name} is not valid JSON: write an array of rows, e.g. [[1,0],[0,1]].` };
    }
  }
  if (!Array.isArray(v2) || v2.length === 0) {
    return { ok: false, error: `${name} must be a non-empty array of rows, e.g. [[1,0],[0,1]].` };
  }
  const depth = Array.isArray(v2[0]) && Array.isArray(v2[0][0]) ? 3 : 2;
  const planes = depth === 3 ? v2 : [v2];
  if (planes.length > maxChannels) return { ok: false, error: `${name} has ${planes.length} channels: at most ${maxChannels}.` };
  let rows = -1;
  let cols = -1;
  const grid = [];
  for (const [ci, plane] of planes.entries()) {
    const where = depth === 3 ? ` (channel ${ci + 1})` : "";
    if (!Array.isArray(plane) || plane.length === 0) return { ok: false, error: `${name}${where} must be a non-empty array of rows.` };
    if (rows === -1) rows = plane.length;
    if (plane.length !== rows) return { ok: false, error: `${name}: every channel must have the same number of rows.` };
    const out = [];
    for (const [ri, row] of plane.entries()) {
      if (!Array.isArray(row) || row.length === 0) {
        return { ok: false, error: `${name}${where}: row ${ri + 1} is not an array of numbers.` };
      }
      if (cols === -1) cols = row.length;
      if (row.length !== cols) {
        return { ok: false, error: `${name}${where} is ragged: row ${ri + 1} has ${row.length} values, row 1 has ${cols}.` };
      }
      const nums = [];
      for (const x2 of row) {
        if (typeof x2 !== "number" || !Number.isFinite(x2)) {
          return { ok: false, error: `${name}${where}: row ${ri + 1} holds ${JSON.stringify(x2) ?? String(x2)}, which is not a finite number.` };
        }
        nums.push(x2);
      }
      out.push(nums);
    }
    grid.push(out);
  }
  if (rows > maxSide || cols > maxSide) {
    return { ok: false, error: `${name} is ${rows}\xD7${cols}: at most ${maxSide}\xD7${maxSide} fits the picture.` };
  }
  return { ok: true, grid, channels: grid.length, rows, cols, depth };
}
function convolveSteps(input, kernel, opts) {
  const { padTop, padLeft, stride, dilation, outRows, outCols } = opts;
  const kh = kernel[0].length;
  const kw = kernel[0][0].length;
  const steps = [];
  for (let row = 0; row < outRows; row++) {
    for (let col = 0; col < outCols; col++) {
      const top = row * stride;
      const left = col * stride;
      const products = [];
      const channelSums = [];
      for (let c4 = 0; c4 < kernel.length; c4++) {
        const plane = input[c4];
        let sum = 0;
        const pc = [];
        for (let i5 = 0; i5 < kh; i5++) {
          const pr = [];
          for (let j = 0; j < kw; j++) {
            const y3 = top + i5 * dilation - padTop;
            const x2 = left + j * dilation - padLeft;
            const v2 = y3 >= 0 && y3 < plane.length && x2 >= 0 && x2 < plane[0].length ? plane[y3][x2] : 0;
            const p3 = v2 * kernel[c4][i5][j];
            pr.push(p3);
            sum += p3;
          }
          pc.push(pr);
        }
        products.push(pc);
        channelSums.push(sum);
      }
      steps.push({ row, col, top, left, products, channelSums, value: channelSums.reduce((a3, b3) => a3 + b3, 0) });
    }
  }
  return steps;
}
function formatValue(x2) {
  if (!Number.isFinite(x2)) return "\u2013";
  const r6 = Math.round(x2 * 100) / 100;
  const s4 = Object.is(r6, -0) ? "0" : r6.toLocaleString("en-US", { maximumFractionDigits: 2, useGrouping: false });
  return s4.replace("-", "\u2212");
}

// src/components/kernel-viewer/kernel-viewer.styles.ts
var styles = i`
  :host {
    --_cell: var(--cnn-kernel-viewer-cell, 2rem);
    --_gapc: 2px;
    --_win: var(--cnn-kernel-viewer-window, var(--_accent));
    --_dur: var(--cnn-kernel-viewer-duration, 250ms);
    min-width: 0;
  }
  .summary {
    margin: 0 0 var(--_gap);
    font-size: 0.95em;
  }
  .formula {
    display: inline-block;
    font-family: var(--cnn-mono-font, ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace);
    background: var(--_surface);
    border-radius: 4px;
    padding: 0 6px;
    white-space: nowrap;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    margin-bottom: var(--_gap);
  }
  .scrub {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    font-size: 0.9em;
    color: var(--_muted);
  }
  .scrub input {
    min-height: 0;
    padding: 0;
    width: 9rem;
    max-width: 40vw;
    accent-color: var(--_accent);
  }
  .where {
    font-size: 0.9em;
    font-variant-numeric: tabular-nums;
  }
  .stage {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap) calc(var(--_gap) * 2);
    align-items: flex-start;
    border-radius: calc(var(--_radius) - 2px);
  }
  .panel {
    min-width: 0;
    max-width: 100%;
    overflow-x: auto;
  }
  h3 {
    margin: 0 0 6px;
    font-size: 0.8em;
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--_muted);
  }
  .muted {
    text-transform: none;
    letter-spacing: 0;
    font-weight: 400;
  }
  .planes {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap);
  }
  figure {
    margin: 0;
  }
  figcaption,
  .ch-name {
    font-size: 0.85em;
    font-weight: 600;
    margin-bottom: 2px;
  }
  .grid {
    position: relative;
    display: grid;
    grid-template-columns: repeat(var(--cols), var(--_cell));
    grid-auto-rows: var(--_cell);
    gap: var(--_gapc);
    width: max-content;
    /* Room for the focus ring of edge cells inside the scrolling panel. */
    margin: 4px;
  }
  .cell {
    display: flex;
    align-items: center;
    justify-content: center;
    min-height: 0;
    padding: 0;
    border-radius: 3px;
    border: 1px solid var(--_border);
    background: var(--_bg);
    color: var(--_fg);
    font-size: 0.85em;
    font-variant-numeric: tabular-nums;
  }
  button.cell {
    cursor: text;
  }
  button.cell:hover {
    border-color: var(--_accent);
  }
  .pad,
  .pad-key {
    color: var(--_muted);
    border-style: dashed;
    background: repeating-linear-gradient(
      135deg,
      var(--_surface) 0 4px,
      color-mix(in srgb, var(--_border) 45%, var(--_surface)) 4px 6px
    );
  }
  .pad-key {
    display: inline-block;
    border: 1px dashed var(--_border);
    padding: 0 5px;
    border-radius: 3px;
  }
  .tap {
    background: color-mix(in srgb, var(--_win) 16%, var(--_bg));
    font-weight: 700;
  }
  .weight {
    background: var(--_surface);
    font-weight: 700;
  }
  .cell-edit {
    width: var(--_cell);
    height: var(--_cell);
    min-height: 0;
    padding: 0 2px;
    font-size: 0.85em;
    text-align: center;
  }
  .window {
    position: absolute;
    pointer-events: none;
    top: calc(var(--top) * (var(--_cell) + var(--_gapc)) - 3px);
    left: calc(var(--left) * (var(--_cell) + var(--_gapc)) - 3px);
    width: calc(var(--w) * (var(--_cell) + var(--_gapc)) - var(--_gapc) + 6px);
    height: calc(var(--h) * (var(--_cell) + var(--_gapc)) - var(--_gapc) + 6px);
    border: 3px solid var(--_win);
    border-radius: 5px;
    transition:
      top var(--_dur) ease,
      left var(--_dur) ease;
  }
  .grid.small {
    --_cell: calc(var(--cnn-kernel-viewer-cell, 2rem) * 0.9);
  }
  .product {
    background: var(--_surface);
    font-size: 0.8em;
  }
  .product.zero {
    color: var(--_muted);
  }
  .product-plane {
    margin-bottom: 6px;
    max-width: 15rem;
  }
  .sum,
  .total {
    margin: 2px 0 0;
    font-size: 0.85em;
    font-variant-numeric: tabular-nums;
    max-width: 22rem;
  }
  .total {
    padding-top: 4px;
    border-top: 1px solid var(--_border);
  }
  .out {
    border-style: dashed;
  }
  .out.filled {
    border-style: solid;
    background: var(--_surface);
  }
  .out.current {
    border: 3px solid var(--_win);
    font-weight: 700;
    background: color-mix(in srgb, var(--_win) 16%, var(--_bg));
  }
  @media (prefers-reduced-motion: reduce) {
    .window {
      transition: none;
    }
  }
`;

// src/components/kernel-viewer/kernel-viewer.ts
var MAX_INPUT = 32;
var MAX_KERNEL = 7;
var MAX_PADDING = 8;
var MAX_STRIDE = 32;
var MAX_CHANNELS = 4;
var PLAY_INTERVAL = 750;
var gridConverter = {
  fromAttribute: (v2) => v2,
  toAttribute: (v2) => v2 === null ? null : typeof v2 === "string" ? v2 : JSON.stringify(v2)
};
var KernelViewer = class extends CnnElement {
  constructor() {
    super(...arguments);
    this.inputSize = "6";
    this.kernelSize = 3;
    this.padding = 1;
    this.stride = 2;
    this.dilation = 1;
    this.channels = 1;
    this.input = null;
    this.kernel = null;
    this.seed = 1;
    this.step = 0;
    this._playing = false;
    this.editing = null;
    this.geo = null;
    this.inGrid = [];
    this.kGrid = [];
    this.windows = [];
    this.timer = null;
    /** Focused cell per grid (roving tabindex), keyed `kind:channel`. */
    this.focusIndex = /* @__PURE__ */ new Map();
    this.refocus = null;
  }
  static {
    this.styles = [...CnnElement.styles, styles];
  }
  /** Number of window positions (output cells); 0 when the input is invalid. */
  get steps() {
    return this.windows.length;
  }
  /** The output computed so far: `outRows × outCols`, cells up to `step` filled, the rest `null`. `[]` when invalid. */
  get output() {
    const g2 = this.geo;
    if (!g2 || this.error) return [];
    return Array.from(
      { length: g2.outRows },
      (_2, r6) => Array.from({ length: g2.outCols }, (_3, c4) => {
        const k2 = r6 * g2.outCols + c4;
        return k2 <= this.step ? this.windows[k2].value : null;
      })
    );
  }
  /** The input values in use (after edits), `[channels][rows][cols]`; `null` when invalid. */
  get inputValues() {
    return this.error ? null : structuredClone(this.inGrid);
  }
  /** The kernel values in use (after edits), `[channels][rows][cols]`; `null` when invalid. */
  get kernelValues() {
    return this.error ? null : structuredClone(this.kGrid);
  }
  /** True while `play()` is stepping. */
  get playing() {
    return this._playing;
  }
  /** Moves the window one position forward (stops at the last). */
  next() {
    this.goTo(this.step + 1);
  }
  /** Moves the window one position back (stops at the first). */
  prev() {
    this.goTo(this.step - 1);
  }
  /** Steps forward on a timer until the last position (starting over when already there). */
  play() {
    if (this._playing || this.steps === 0) return;
    if (this.step >= this.steps - 1) this.goTo(0);
    this._playing = true;
    this.schedule();
  }
  /** Stops playing. */
  pause() {
    this._playing = false;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
  disconnectedCallback() {
    super.disconnectedCallback();
    this.pause();
  }
  schedule() {
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this._playing || !this.isConnected) return;
      this.goTo(this.step + 1);
      if (this.step >= this.steps - 1) this.pause();
      else this.schedule();
    }, PLAY_INTERVAL);
  }
  /** Sets the step (clamped) and fires `step-change` when it moved. */
  goTo(target) {
    if (this.steps === 0) return;
    const s4 = Math.min(Math.max(Math.round(target), 0), this.steps - 1);
    if (s4 === this.step) return;
    this.step = s4;
    const w2 = this.windows[s4];
    this.emit("step-change", { step: s4, row: w2.row, col: w2.col, value: w2.value });
  }
  willUpdate(changed) {
    super.willUpdate(changed);
    const shapeKeys = ["inputSize", "kernelSize", "padding", "stride", "dilation", "channels", "input", "kernel", "seed"];
    if (shapeKeys.some((k2) => changed.has(k2))) this.rebuild();
    const max = Math.max(this.steps - 1, 0);
    const clamped = Number.isFinite(this.step) ? Math.min(Math.max(Math.round(this.step), 0), max) : 0;
    if (clamped !== this.step) this.step = clamped;
  }
  updated() {
    if (this.editing) {
      this.renderRoot.querySelector("input.cell-edit")?.focus();
    } else if (this.refocus) {
      const r6 = this.refocus;
      this.refocus = null;
      this.cellButton(r6)?.focus();
    }
  }
  /** Parses the attributes into values and sizes; on any problem sets `error` and shows nothing else. */
  rebuild() {
    this.pause();
    this.editing = null;
    this.geo = null;
    this.windows = [];
    const fail = (msg) => this.setError(msg);
    const chanErr = checkInteger("Channels", this.channels, 1) ?? (this.channels > MAX_CHANNELS ? `Channels: at most ${MAX_CHANNELS}.` : null);
    if (chanErr) return fail(chanErr);
    const input = this.input === null || this.input === "" ? null : parseGrid(this.input, "Input", MAX_INPUT, MAX_CHANNELS);
    if (input && !input.ok) return fail(input.error);
    const kernel = this.kernel === null || this.kernel === "" ? null : parseGrid(this.kernel, "Kernel", MAX_KERNEL, MAX_CHANNELS);
    if (kernel && !kernel.ok) return fail(kernel.error);
    let inRows;
    let inCols;
    if (input) {
      inRows = input.rows;
      inCols = input.cols;
    } else {
      const size = parseSize(this.inputSize);
      if (!Array.isArray(size)) return fail(size.error);
      [inRows, inCols] = size;
      if (inRows > MAX_INPUT || inCols > MAX_INPUT) {
        return fail(`Input size ${inRows}\xD7${inCols} is too large for the picture: at most ${MAX_INPUT}\xD7${MAX_INPUT}.`);
      }
    }
    let kRows;
    let kCols;
    if (kernel) {
      kRows = kernel.rows;
      kCols = kernel.cols;
    } else {
      const kErr = checkInteger("Kernel size", this.kernelSize, 1);
      if (kErr) return fail(kErr);
      if (this.kernelSize > MAX_KERNEL) return fail(`Kernel size ${this.kernelSize} is too large for the picture: at most ${MAX_KERNEL}.`);
      kRows = kCols = this.kernelSize;
    }
    const inC = input ? input.channels : null;
    const kC = kernel ? kernel.channels : null;
    if (inC !== null && kC !== null && inC !== kC) {
      return fail(
        `The input has ${inC} channel${inC === 1 ? "" : "s"} but the kernel has ${kC}: a kernel needs one slice per input channel.`
      );
    }
    const channels = inC ?? kC ?? this.channels;
    const pErr = checkInteger("Padding", this.padding, 0) ?? (this.padding > MAX_PADDING ? `Padding: at most ${MAX_PADDING} in the picture.` : null);
    if (pErr) return fail(pErr);
    if (this.stride === 0) return fail("Stride must be at least 1: a stride of 0 would never move the window.");
    const sErr = checkInteger("Stride", this.stride, 1) ?? (this.stride > MAX_STRIDE ? `Stride: at most ${MAX_STRIDE}.` : null);
    if (sErr) return fail(sErr);
    const dErr = checkInteger("Dilation", this.dilation, 1) ?? (this.dilation > MAX_KERNEL ? `Dilation: at most ${MAX_KERNEL}.` : null);
    if (dErr) return fail(dErr);
    const axis = (n5, k2) => outputSize({ input: n5, kernel: k2, stride: this.stride, padding: this.padding, dilation: this.dilation });
    const h3 = axis(inRows, kRows);
    const w2 = axis(inCols, kCols);
    if (!h3.ok) return fail(h3.error);
    if (!w2.ok) return fail(w2.error);
    const rand = mulberry32(Number.isFinite(this.seed) ? this.seed : 1);
    const inGrid = input ? input.grid : randomGrid(channels, inRows, inCols, 0, 9, rand);
    const kGrid = kernel ? kernel.grid : randomGrid(channels, kRows, kCols, -1, 1, rand);
    this.inGrid = structuredClone(inGrid);
    this.kGrid = structuredClone(kGrid);
    this.geo = { inRows, inCols, kRows, kCols, channels, pad: this.padding, stride: this.stride, dilation: this.dilation, outRows: h3.size, outCols: w2.size };
    this.focusIndex.clear();
    this.setError(null);
    this.recompute();
  }
  recompute() {
    const g2 = this.geo;
    this.windows = convolveSteps(this.inGrid, this.kGrid, {
      padTop: g2.pad,
      padLeft: g2.pad,
      stride: g2.stride,
      dilation: g2.dilation,
      outRows: g2.outRows,
      outCols: g2.outCols
    });
  }
  // ------------------------------------------------------------------------------------------------------
  // Interaction
  // ------------------------------------------------------------------------------------------------------
  onStageKey(e5) {
    const keys = {
      ArrowRight: () => this.next(),
      ArrowDown: () => this.next(),
      ArrowLeft: () => this.prev(),
      ArrowUp: () => this.prev(),
      Home: () => this.goTo(0),
      End: () => this.goTo(this.steps - 1)
    };
    const act = keys[e5.key];
    if (!act) return;
    e5.preventDefault();
    this.pause();
    act();
  }
  onScrub(e5) {
    this.pause();
    this.goTo(Number(e5.target.value));
  }
  channelName(c4) {
    const g2 = this.geo;
    if (g2.channels === 3) return ["R", "G", "B"][c4];
    return g2.channels === 1 ? "" : `channel ${c4 + 1}`;
  }
  cellButton(r6) {
    return this.renderRoot.querySelector(`button[data-cell="${r6.kind}:${r6.c}:${r6.i}:${r6.j}"]`);
  }
  /** Arrow keys move between cells of one grid (roving tabindex); Enter / click edits. */
  onCellKey(e5, r6, rows, cols) {
    const moves = { ArrowRight: [0, 1], ArrowLeft: [0, -1], ArrowDown: [1, 0], ArrowUp: [-1, 0] };
    const m2 = moves[e5.key];
    if (!m2) return;
    e5.preventDefault();
    e5.stopPropagation();
    const i5 = Math.min(Math.max(r6.i + m2[0], 0), rows - 1);
    const j = Math.min(Math.max(r6.j + m2[1], 0), cols - 1);
    this.focusIndex.set(`${r6.kind}:${r6.c}`, i5 * cols + j);
    this.requestUpdate();
    void this.updateComplete.then(() => this.cellButton({ ...r6, i: i5, j })?.focus());
  }
  startEdit(r6, cols) {
    this.pause();
    this.focusIndex.set(`${r6.kind}:${r6.c}`, r6.i * cols + r6.j);
    this.editing = r6;
  }
  finishEdit(e5, save) {
    const r6 = this.editing;
    if (!r6) return;
    const raw = e5.target.value.trim();
    const v2 = Number(raw);
    if (save && raw !== "" && Number.isFinite(v2)) {
      const grid = r6.kind === "input" ? this.inGrid : this.kGrid;
      grid[r6.c][r6.i][r6.j] = v2;
      this.recompute();
    }
    this.editing = null;
    this.refocus = r6;
  }
  onEditKey(e5) {
    e5.stopPropagation();
    if (e5.key === "Enter") {
      e5.preventDefault();
      this.finishEdit(e5, true);
    } else if (e5.key === "Escape") {
      e5.preventDefault();
      this.finishEdit(e5, false);
    }
  }
  // ------------------------------------------------------------------------------------------------------
  // Rendering
  // ------------------------------------------------------------------------------------------------------
  render() {
    const g2 = this.geo;
    if (!g2 || this.error) return b2`${this.renderError()}`;
    const w2 = this.windows[this.step];
    const last = this.steps - 1;
    return b2`
      ${this.renderError()}
      <p part="summary" class="summary">${this.summaryText(g2)}</p>
      <div part="controls" class="controls">
        <button class="secondary" @click=${() => (this.pause(), this.prev())} ?disabled=${this.step === 0}>◀ Back</button>
        <button @click=${() => this._playing ? this.pause() : this.play()} aria-pressed=${this._playing ? "true" : "false"}>
          ${this._playing ? "Pause" : "Play"}
        </button>
        <button class="secondary" @click=${() => (this.pause(), this.next())} ?disabled=${this.step === last}>Next ▶</button>
        <label class="scrub"
          >Step
          <input type="range" min="0" max=${last} step="1" .value=${String(this.step)} @input=${this.onScrub} ?disabled=${last === 0} />
        </label>
        <span class="where" role="status"
          >Step ${this.step + 1} of ${this.steps}: output (${w2.row + 1}, ${w2.col + 1}) = <strong>${formatValue(w2.value)}</strong></span
        >
      </div>
      <div
        class="stage"
        tabindex="0"
        role="group"
        aria-label=${`Convolution picture, step ${this.step + 1} of ${this.steps}. Use the arrow keys to step.`}
        @keydown=${this.onStageKey}
      >
        <div part="input" class="panel">
          <h3>Input${g2.pad ? b2` <span class="muted">(padding ${g2.pad} shown as <span class="pad-key">0</span>)</span>` : A}</h3>
          <div class="planes">${this.inGrid.map((_2, c4) => this.renderInput(c4, w2))}</div>
        </div>
        <div part="kernel" class="panel">
          <h3>Kernel</h3>
          <div class="planes">${this.kGrid.map((_2, c4) => this.renderKernel(c4))}</div>
        </div>
        <div part="products" class="panel">
          <h3>Products and sum</h3>
          ${this.renderProducts(w2)}
        </div>
        <div part="output" class="panel">
          <h3>Output ${g2.outRows}×${g2.outCols}</h3>
          ${this.renderOutput()}
        </div>
      </div>
    `;
  }
  summaryText(g2) {
    const size = (r6, c4) => r6 === c4 ? `${r6}\xD7${r6}` : `${r6}\xD7${c4}`;
    const ch = g2.channels > 1 ? `${g2.channels}-channel ` : "";
    const formula = g2.inRows === g2.inCols && g2.kRows === g2.kCols ? g2.dilation === 1 ? b2`⌊(${g2.inRows} − ${g2.kRows} + 2·${g2.pad}) / ${g2.stride}⌋ + 1 = ${g2.outRows}` : b2`⌊(${g2.inRows} + 2·${g2.pad} − ${g2.dilation}·(${g2.kRows}−1) − 1) / ${g2.stride}⌋ + 1 = ${g2.outRows}` : A;
    return b2`A ${ch}${size(g2.inRows, g2.inCols)} input, padding ${g2.pad}, a ${size(g2.kRows, g2.kCols)} kernel${g2.dilation > 1 ? ` (dilation ${g2.dilation})` : ""}, stride ${g2.stride} → a ${size(g2.outRows, g2.outCols)} output.
      ${formula !== A ? b2`<span class="formula">${formula}</span>` : A}`;
  }
  gridLabel(kind, c4) {
    const name = this.channelName(c4);
    return name ? `${kind}, ${name}` : kind;
  }
  renderInput(c4, w2) {
    const g2 = this.geo;
    const rows = g2.inRows + 2 * g2.pad;
    const cols = g2.inCols + 2 * g2.pad;
    const effH = g2.dilation * (g2.kRows - 1) + 1;
    const effW = g2.dilation * (g2.kCols - 1) + 1;
    const tap = (y3, x2) => {
      const dy = y3 - w2.top;
      const dx = x2 - w2.left;
      return dy >= 0 && dx >= 0 && dy < effH && dx < effW && dy % g2.dilation === 0 && dx % g2.dilation === 0;
    };
    const focusKey = `input:${c4}`;
    const focused = this.focusIndex.get(focusKey) ?? 0;
    const cells = [];
    for (let y3 = 0; y3 < rows; y3++) {
      for (let x2 = 0; x2 < cols; x2++) {
        const i5 = y3 - g2.pad;
        const j = x2 - g2.pad;
        const isPad = i5 < 0 || j < 0 || i5 >= g2.inRows || j >= g2.inCols;
        const cls = `cell${isPad ? " pad" : ""}${tap(y3, x2) ? " tap" : ""}`;
        if (isPad) {
          cells.push(b2`<span class=${cls} aria-hidden="true">0</span>`);
        } else {
          cells.push(this.renderEditable({ kind: "input", c: c4, i: i5, j }, this.inGrid[c4][i5][j], cls, g2.inRows, g2.inCols, focused));
        }
      }
    }
    const name = this.channelName(c4);
    return b2`<figure class="plane">
      ${name ? b2`<figcaption>${name}</figcaption>` : A}
      <div class="grid" role="group" aria-label=${this.gridLabel("Input values", c4)} style="--rows:${rows};--cols:${cols}">
        ${cells}
        <div
          part="window"
          class="window"
          aria-hidden="true"
          style="--top:${w2.top};--left:${w2.left};--h:${effH};--w:${effW}"
        ></div>
      </div>
    </figure>`;
  }
  renderKernel(c4) {
    const g2 = this.geo;
    const focused = this.focusIndex.get(`kernel:${c4}`) ?? 0;
    const cells = [];
    for (let i5 = 0; i5 < g2.kRows; i5++) {
      for (let j = 0; j < g2.kCols; j++) {
        cells.push(this.renderEditable({ kind: "kernel", c: c4, i: i5, j }, this.kGrid[c4][i5][j], "cell weight", g2.kRows, g2.kCols, focused));
      }
    }
    const name = this.channelName(c4);
    return b2`<figure class="plane">
      ${name ? b2`<figcaption>${name}</figcaption>` : A}
      <div class="grid" role="group" aria-label=${this.gridLabel("Kernel weights", c4)} style="--rows:${g2.kRows};--cols:${g2.kCols}">
        ${cells}
      </div>
    </figure>`;
  }
  renderEditable(r6, value, cls, rows, cols, focused) {
    const e5 = this.editing;
    const what = r6.kind === "input" ? "Input" : "Kernel";
    const name = this.channelName(r6.c);
    const label = `${what}${name ? ` ${name}` : ""} row ${r6.i + 1}, column ${r6.j + 1}`;
    if (e5 && e5.kind === r6.kind && e5.c === r6.c && e5.i === r6.i && e5.j === r6.j) {
      return b2`<input
        class="cell-edit"
        type="number"
        step="any"
        aria-label=${`Edit ${label}`}
        .value=${String(value)}
        @keydown=${this.onEditKey}
        @blur=${(ev) => this.finishEdit(ev, true)}
      />`;
    }
    return b2`<button
      class=${cls}
      data-cell="${r6.kind}:${r6.c}:${r6.i}:${r6.j}"
      tabindex=${r6.i * cols + r6.j === focused ? 0 : -1}
      aria-label=${`${label}: ${formatValue(value)}. Press Enter to edit.`}
      @click=${() => this.startEdit(r6, cols)}
      @keydown=${(ev) => this.onCellKey(ev, r6, rows, cols)}
    >
      ${formatValue(value)}
    </button>`;
  }
  renderProducts(w2) {
    const g2 = this.geo;
    const term = (p3) => p3 < 0 ? `(${formatValue(p3)})` : formatValue(p3);
    const planes = w2.products.map((pc, c4) => {
      const name = this.channelName(c4);
      const flat = pc.flat();
      return b2`<div class="product-plane">
        ${name ? b2`<div class="ch-name">${name}</div>` : A}
        <div class="grid small" style="--rows:${g2.kRows};--cols:${g2.kCols}" aria-hidden="true">
          ${flat.map((p3) => b2`<span class="cell product ${p3 === 0 ? "zero" : ""}">${formatValue(p3)}</span>`)}
        </div>
        <p class="sum">
          ${flat.map(term).join(" + ")} = <strong data-testid="channel-sum">${formatValue(w2.channelSums[c4])}</strong>
        </p>
      </div>`;
    });
    return b2`<div class="planes">${planes}</div>
      ${g2.channels > 1 ? b2`<p class="total">
            ${w2.channelSums.map((s4, c4) => `${this.channelName(c4)} ${term(s4)}`).join(" + ")} =
            <strong data-testid="total">${formatValue(w2.value)}</strong>
          </p>` : A}`;
  }
  renderOutput() {
    const g2 = this.geo;
    const cells = [];
    for (let k2 = 0; k2 < g2.outRows * g2.outCols; k2++) {
      const filled = k2 <= this.step;
      cells.push(
        b2`<span class="cell out${filled ? " filled" : ""}${k2 === this.step ? " current" : ""}"
          >${filled ? formatValue(this.windows[k2].value) : ""}</span
        >`
      );
    }
    const filledText = this.windows.slice(0, this.step + 1).map((s4) => formatValue(s4.value)).join(", ");
    return b2`<div
      class="grid"
      role="img"
      aria-label=${`Output grid ${g2.outRows}\xD7${g2.outCols}, ${this.step + 1} of ${this.steps} cells computed: ${filledText}`}
      style="--rows:${g2.outRows};--cols:${g2.outCols}"
    >
      ${cells}
    </div>`;
  }
};
__decorateClass([
  n4({ attribute: "input-size", reflect: true })
], KernelViewer.prototype, "inputSize", 2);
__decorateClass([
  n4({ attribute: "kernel-size", reflect: true, converter: numberConverter })
], KernelViewer.prototype, "kernelSize", 2);
__decorateClass([
  n4({ reflect: true, converter: numberConverter })
], KernelViewer.prototype, "padding", 2);
__decorateClass([
  n4({ reflect: true, converter: numberConverter })
], KernelViewer.prototype, "stride", 2);
__decorateClass([
  n4({ reflect: true, converter: numberConverter })
], KernelViewer.prototype, "dilation", 2);
__decorateClass([
  n4({ reflect: true, converter: numberConverter })
], KernelViewer.prototype, "channels", 2);
__decorateClass([
  n4({ converter: gridConverter })
], KernelViewer.prototype, "input", 2);
__decorateClass([
  n4({ converter: gridConverter })
], KernelViewer.prototype, "kernel", 2);
__decorateClass([
  n4({ reflect: true, converter: numberConverter })
], KernelViewer.prototype, "seed", 2);
__decorateClass([
  n4({ type: Number })
], KernelViewer.prototype, "step", 2);
__decorateClass([
  r5()
], KernelViewer.prototype, "_playing", 2);
__decorateClass([
  r5()
], KernelViewer.prototype, "editing", 2);
__decorateClass([
  r5()
], KernelViewer.prototype, "geo", 2);

// src/components/shared/define.ts
function defineElement(tag, ctor) {
  if (typeof customElements === "undefined") return;
  const existing = customElements.get(tag);
  if (!existing) {
    customElements.define(tag, ctor);
  } else if (existing !== ctor) {
    console.warn(
      `[cnn-widgets] <${tag}> is already defined by another script; keeping the existing definition. To use both, register this class under another name: customElements.define('my-${tag}', ${ctor.name}).`
    );
  }
}

// src/define/kernel-viewer.ts
defineElement("kernel-viewer", KernelViewer);
export {
  KernelViewer
};
/*! Bundled license information:

@lit/reactive-element/css-tag.js:
  (**
   * @license
   * Copyright 2019 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

@lit/reactive-element/reactive-element.js:
lit-html/lit-html.js:
lit-element/lit-element.js:
@lit/reactive-element/decorators/custom-element.js:
@lit/reactive-element/decorators/property.js:
@lit/reactive-element/decorators/state.js:
@lit/reactive-element/decorators/event-options.js:
@lit/reactive-element/decorators/base.js:
@lit/reactive-element/decorators/query.js:
@lit/reactive-element/decorators/query-all.js:
@lit/reactive-element/decorators/query-async.js:
@lit/reactive-element/decorators/query-assigned-nodes.js:
  (**
   * @license
   * Copyright 2017 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

lit-html/is-server.js:
  (**
   * @license
   * Copyright 2022 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

@lit/reactive-element/decorators/query-assigned-elements.js:
  (**
   * @license
   * Copyright 2021 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)
*/
