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

// src/components/shared/for-target.ts
var ForTargetController = class {
  constructor(host, onChange, accept = (_el) => true) {
    this.host = host;
    this.onChange = onChange;
    this.accept = accept;
    this.observer = null;
    this.current = null;
    this.id = null;
    host.addController(this);
  }
  /** The element currently bound, or null. */
  get target() {
    return this.current;
  }
  /** Call when the host's `for` attribute changes. */
  setId(id) {
    const next = id?.trim() || null;
    if (next === this.id) return;
    this.id = next;
    if (this.host.isConnected) {
      this.observe();
      this.resolve();
    }
  }
  hostConnected() {
    this.observe();
    this.resolve();
  }
  hostDisconnected() {
    this.observer?.disconnect();
    this.observer = null;
    this.update(null);
  }
  observe() {
    this.observer?.disconnect();
    this.observer = null;
    if (!this.id) return;
    const root = this.host.getRootNode();
    this.observer = new MutationObserver(() => this.resolve());
    this.observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ["id"] });
  }
  resolve() {
    if (!this.id) return this.update(null);
    const root = this.host.getRootNode();
    const el = root.getElementById?.(this.id) ?? null;
    this.update(el && this.accept(el) ? el : null);
  }
  update(next) {
    if (next === this.current) return;
    const prev = this.current;
    this.current = next;
    this.onChange(next, prev);
  }
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
function convParams(kernelH, kernelW, inChannels, outChannels, bias = true) {
  const weights = kernelH * kernelW * inChannels * outChannels;
  const biases = bias ? outChannels : 0;
  return { weights, biases, params: weights + biases };
}
function denseParams(inFeatures, outFeatures, bias = true) {
  const weights = inFeatures * outFeatures;
  const biases = bias ? outFeatures : 0;
  return { weights, biases, params: weights + biases };
}
var pair = (v2, dflt) => v2 === void 0 ? [dflt, dflt] : Array.isArray(v2) ? v2 : [v2, v2];
var shapeText = (s4) => s4.join("\xD7");
function walkModel(spec, inputShape = spec.inputShape) {
  const layers = [];
  let shape = inputShape.slice();
  for (const [i5, d3] of shape.entries()) {
    const e5 = checkInteger(`Input dimension ${i5 + 1}`, d3, 1);
    if (e5) return { ok: false, error: e5, layers, at: -1 };
  }
  if (shape.length !== 1 && shape.length !== 3) {
    return { ok: false, error: "Input shape must be [channels, height, width] or [features].", layers, at: -1 };
  }
  let rf = [1, 1];
  let jump = [1, 1];
  let group = "features";
  const counts = /* @__PURE__ */ new Map();
  for (const [index, layer] of spec.layers.entries()) {
    const n5 = (counts.get(layer.type) ?? 0) + 1;
    counts.set(layer.type, n5);
    const name = layer.name ?? `${layer.type}${n5}`;
    if (layer.type === "dense" || layer.type === "flatten") group = "classifier";
    group = layer.group ?? group;
    const fail = (error) => ({ ok: false, error: `${name}: ${error}`, layers, at: index });
    const row = (outputShape, extra = {}) => ({
      name,
      type: layer.type,
      group,
      hyper: "",
      inputShape: shape,
      outputShape,
      weights: 0,
      biases: 0,
      params: 0,
      macs: 0,
      receptiveField: shape.length === 3 ? Math.max(rf[0], rf[1]) : null,
      ...extra
    });
    switch (layer.type) {
      case "conv2d":
      case "maxpool2d":
      case "avgpool2d": {
        if (shape.length !== 3) return fail("needs a [channels, height, width] input, but the input is flat.");
        const isConv = layer.type === "conv2d";
        const [kh, kw] = pair(isConv ? layer.kernelSize : layer.poolSize, 1);
        const [sh, sw] = pair(layer.stride, isConv ? 1 : kh);
        const [dh, dw] = isConv ? pair(layer.dilation, 1) : [1, 1];
        const pad = layer.padding;
        const [ph, pw] = Array.isArray(pad) ? pad : [pad ?? 0, pad ?? 0];
        const mode = isConv ? "conv" : "pool";
        const ah = outputSize({ input: shape[1], kernel: kh, stride: sh, padding: ph, dilation: dh, mode });
        if (!ah.ok) return fail(ah.error);
        const aw = outputSize({ input: shape[2], kernel: kw, stride: sw, padding: pw, dilation: dw, mode });
        if (!aw.ok) return fail(aw.error);
        const cin = shape[0];
        const cout = isConv ? layer.filters : cin;
        if (isConv) {
          const e5 = checkInteger("Filters", cout, 1);
          if (e5) return fail(e5);
        }
        const out = [cout, ah.size, aw.size];
        const p3 = isConv ? convParams(kh, kw, cin, cout, layer.bias ?? true) : { weights: 0, biases: 0, params: 0 };
        rf = [rf[0] + (kh - 1) * dh * jump[0], rf[1] + (kw - 1) * dw * jump[1]];
        jump = [jump[0] * sh, jump[1] * sw];
        const padText = ah.padBefore === ah.padAfter && aw.padBefore === aw.padAfter && ah.padBefore === aw.padBefore ? `${ah.padBefore}` : typeof ph === "string" ? ph : `${ah.padBefore},${aw.padBefore}`;
        const hyper = `${kh}\xD7${kw}, stride ${sh === sw ? sh : `${sh}\xD7${sw}`}, padding ${padText}` + (dh > 1 || dw > 1 ? `, dilation ${dh === dw ? dh : `${dh}\xD7${dw}`}` : "");
        const unreached = Math.max(ah.unreached, aw.unreached);
        layers.push(
          row(out, {
            hyper,
            ...p3,
            macs: isConv ? ah.size * aw.size * cout * kh * kw * cin : 0,
            receptiveField: Math.max(rf[0], rf[1]),
            ...unreached ? { note: `the window never reaches the last ${unreached} row(s)/column(s)` } : {}
          })
        );
        shape = out;
        break;
      }
      case "adaptiveavgpool2d": {
        if (shape.length !== 3) return fail("needs a [channels, height, width] input, but the input is flat.");
        const out = [shape[0], layer.outputSize[0], layer.outputSize[1]];
        layers.push(row(out, { hyper: `to ${layer.outputSize.join("\xD7")}` }));
        shape = out;
        break;
      }
      case "relu":
      case "softmax":
        layers.push(row(shape));
        break;
      case "dropout":
        layers.push(row(shape, { hyper: `p = ${layer.rate}` }));
        break;
      case "flatten": {
        const out = [shape.reduce((a3, b3) => a3 * b3, 1)];
        layers.push(row(out, { receptiveField: null }));
        shape = out;
        break;
      }
      case "dense": {
        if (shape.length !== 1) {
          return fail(`a dense layer needs flat input; the input is ${shapeText(shape)}: add a flatten layer first.`);
        }
        const e5 = checkInteger("Units", layer.units, 1);
        if (e5) return fail(e5);
        const p3 = denseParams(shape[0], layer.units, layer.bias ?? true);
        const out = [layer.units];
        layers.push(row(out, { ...p3, macs: shape[0] * layer.units, receptiveField: null, hyper: `${shape[0]} \u2192 ${layer.units}` }));
        shape = out;
        break;
      }
      default: {
        const unknown = layer;
        return fail(`unknown layer type "${String(unknown.type)}".`);
      }
    }
  }
  return {
    ok: true,
    layers,
    totalParams: layers.reduce((a3, l3) => a3 + l3.params, 0),
    totalMacs: layers.reduce((a3, l3) => a3 + l3.macs, 0),
    outputShape: shape
  };
}
var formatCount = (n5) => Number.isFinite(n5) ? Math.round(n5).toLocaleString("en-US") : "\u2014";

// src/engine/models/specs.ts
var CNN = {
  name: "cnn",
  title: "The lesson\u2019s MNIST CNN",
  inputShape: [1, 28, 28],
  layers: [
    { type: "conv2d", name: "conv1", filters: 16, kernelSize: 3 },
    { type: "relu", name: "relu1" },
    { type: "maxpool2d", name: "pool1", poolSize: 2 },
    { type: "conv2d", name: "conv2", filters: 10, kernelSize: 3 },
    { type: "relu", name: "relu2" },
    { type: "maxpool2d", name: "pool2", poolSize: 2 },
    { type: "flatten", name: "flatten" },
    { type: "dense", name: "fc1", units: 128 },
    { type: "relu", name: "relu3" },
    { type: "dense", name: "fc2", units: 84 },
    { type: "relu", name: "relu4" },
    { type: "dense", name: "fc3", units: 10 }
  ]
};
var FNN = {
  name: "fnn",
  title: "The lesson\u2019s feed-forward network",
  inputShape: [1, 28, 28],
  layers: [
    { type: "flatten", name: "flatten" },
    { type: "dense", name: "fc1", units: 50 },
    { type: "relu", name: "relu1" },
    { type: "dense", name: "fc2", units: 20 },
    { type: "relu", name: "relu2" },
    { type: "dense", name: "fc3", units: 10 }
  ]
};
var ALEXNET = {
  name: "alexnet",
  title: "AlexNet (torchvision)",
  inputShape: [3, 224, 224],
  layers: [
    { type: "conv2d", name: "conv1", filters: 64, kernelSize: 11, stride: 4, padding: 2, group: "features" },
    { type: "relu", name: "relu1", group: "features" },
    { type: "maxpool2d", name: "pool1", poolSize: 3, stride: 2, group: "features" },
    { type: "conv2d", name: "conv2", filters: 192, kernelSize: 5, padding: 2, group: "features" },
    { type: "relu", name: "relu2", group: "features" },
    { type: "maxpool2d", name: "pool2", poolSize: 3, stride: 2, group: "features" },
    { type: "conv2d", name: "conv3", filters: 384, kernelSize: 3, padding: 1, group: "features" },
    { type: "relu", name: "relu3", group: "features" },
    { type: "conv2d", name: "conv4", filters: 256, kernelSize: 3, padding: 1, group: "features" },
    { type: "relu", name: "relu4", group: "features" },
    { type: "conv2d", name: "conv5", filters: 256, kernelSize: 3, padding: 1, group: "features" },
    { type: "relu", name: "relu5", group: "features" },
    { type: "maxpool2d", name: "pool3", poolSize: 3, stride: 2, group: "features" },
    { type: "adaptiveavgpool2d", name: "avgpool", outputSize: [6, 6], group: "features" },
    { type: "flatten", name: "flatten", group: "classifier" },
    { type: "dropout", name: "dropout1", rate: 0.5, group: "classifier" },
    { type: "dense", name: "fc1", units: 4096, group: "classifier" },
    { type: "relu", name: "relu6", group: "classifier" },
    { type: "dropout", name: "dropout2", rate: 0.5, group: "classifier" },
    { type: "dense", name: "fc2", units: 4096, group: "classifier" },
    { type: "relu", name: "relu7", group: "classifier" },
    { type: "dense", name: "fc3", units: 1e3, group: "classifier" }
  ]
};
var MODEL_SPECS = { cnn: CNN, fnn: FNN, alexnet: ALEXNET };
var isModelName = (s4) => typeof s4 === "string" && Object.hasOwn(MODEL_SPECS, s4);

// src/components/model-summary/model-summary.styles.ts
var styles = i`
  :host {
    --_block: var(--cnn-summary-block, var(--_accent));
    --_error-row: var(--cnn-summary-error-row, var(--_negative));
    min-width: 0;
  }
  .diagram {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 4px 6px;
    margin: 0 0 var(--_gap);
    padding: 8px 10px;
    background: var(--_surface);
    border-radius: calc(var(--_radius) - 2px);
  }
  .stage {
    display: flex;
    flex-direction: column;
    align-items: center;
    min-width: 44px;
  }
  .box-area {
    display: flex;
    align-items: flex-end;
    justify-content: center;
    height: 76px;
  }
  .box {
    background: color-mix(in srgb, var(--_block) 28%, transparent);
    border: 2px solid var(--_block);
    border-radius: 2px;
    box-shadow: 3px -3px 0 -1px color-mix(in srgb, var(--_block) 45%, transparent);
  }
  .box.flat {
    width: 8px;
  }
  .arrow {
    align-self: center;
    color: var(--_muted);
    padding-bottom: 20px;
  }
  .stage-name {
    font-size: 0.78em;
    font-weight: 600;
  }
  .stage-shape {
    font-size: 0.74em;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .comparison {
    margin: 0 0 var(--_gap);
    font-size: 0.95em;
  }
  .comparison strong {
    font-variant-numeric: tabular-nums;
  }
  .scroll {
    overflow-x: auto;
    max-width: 100%;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.9em;
  }
  caption {
    text-align: left;
    font-weight: 600;
    padding-bottom: 6px;
  }
  th,
  td {
    padding: 3px 8px;
    border-bottom: 1px solid var(--_border);
    text-align: left;
    vertical-align: top;
  }
  thead th {
    font-size: 0.85em;
    color: var(--_muted);
    font-weight: 600;
    white-space: nowrap;
  }
  tbody th[scope='row'] {
    font-weight: 600;
    font-family: var(--cnn-mono-font, ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace);
    font-size: 0.95em;
  }
  .num {
    text-align: right;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  tr.group th {
    background: var(--_surface);
    text-transform: uppercase;
    letter-spacing: 0.05em;
    font-size: 0.78em;
    color: var(--_muted);
  }
  tr.failed {
    color: var(--_error-row);
  }
  tr.failed th,
  tr.failed td {
    border-bottom: 2px solid var(--_error-row);
  }
  .note {
    color: var(--_muted);
    font-size: 0.9em;
  }
  tfoot th,
  tfoot td {
    font-weight: 700;
    border-top: 2px solid var(--_border);
    border-bottom: none;
  }
`;

// src/components/model-summary/model-summary.ts
var TYPE_NAMES = {
  conv2d: "Conv2d",
  maxpool2d: "MaxPool2d",
  avgpool2d: "AvgPool2d",
  adaptiveavgpool2d: "AdaptiveAvgPool2d",
  dense: "Linear",
  relu: "ReLU",
  flatten: "Flatten",
  softmax: "Softmax",
  dropout: "Dropout"
};
var SPATIAL = /* @__PURE__ */ new Set(["conv2d", "maxpool2d", "avgpool2d", "adaptiveavgpool2d"]);
var shapeText2 = (s4) => s4.join("\xD7");
function parseInputShape(text, channels) {
  const s4 = text.trim();
  if (!s4) return { error: 'Input shape is empty: give "W", "H\xD7W" or "C\xD7H\xD7W", e.g. "28" or "3x224x224".' };
  const parts = s4.split(/\s*[x×*,]\s*|\s+/i);
  if (parts.length > 3) return { error: `Input shape "${s4}" has too many parts: use "W", "H\xD7W" or "C\xD7H\xD7W".` };
  const nums = parts.map((t3) => /^[-+]?\d+(\.\d+)?$/.test(t3) ? Number(t3) : NaN);
  const names = nums.length === 3 ? ["Channels", "Height", "Width"] : nums.length === 2 ? ["Height", "Width"] : ["Input size"];
  for (const [i5, n5] of nums.entries()) {
    if (Number.isNaN(n5)) return { error: `Input shape "${s4}" is not a list of numbers: use "W", "H\xD7W" or "C\xD7H\xD7W".` };
    const e5 = checkInteger(names[i5], n5, 1);
    if (e5) return { error: e5 };
  }
  if (nums.length === 3) return nums;
  if (nums.length === 2) return [channels, nums[0], nums[1]];
  return [channels, nums[0], nums[0]];
}
var ModelSummary = class extends CnnElement {
  constructor() {
    super(...arguments);
    this.model = "cnn";
    this.htmlFor = null;
    this.inputShape = "";
    this.denseHidden = 500;
    this._layers = [];
    this._totalParams = null;
    this._totalMacs = null;
    this._spec = null;
    this._input = null;
    this.failedAt = null;
    this.targetVersion = 0;
    this.forTarget = new ForTargetController(this, (target, prev) => this.onTarget(target, prev));
    this.targetObserver = null;
    this.onTargetEvent = () => this.targetVersion++;
  }
  static {
    this.styles = [...CnnElement.styles, styles];
  }
  /** The computed rows (`{ name, type, group, hyper, inputShape, outputShape, params, macs, … }`); on error, the rows computed before the failing layer. */
  get layers() {
    return this._layers;
  }
  /** Total parameters of the network, or `null` when it cannot be computed (see `error`). */
  get totalParams() {
    return this._totalParams;
  }
  /** Total multiply-adds for one input, or `null` when it cannot be computed. */
  get totalMacs() {
    return this._totalMacs;
  }
  /** The spec actually shown (after resolving `for`), or null when the model name is unknown. */
  get spec() {
    return this._spec;
  }
  disconnectedCallback() {
    super.disconnectedCallback();
    this.targetObserver?.disconnect();
    this.targetObserver = null;
  }
  /** Watches the trainer's `model` attribute and its training events (a property change shows in either). */
  onTarget(target, prev) {
    this.targetObserver?.disconnect();
    this.targetObserver = null;
    for (const name of ["train-start", "state", "model-change", "change"]) {
      prev?.removeEventListener(name, this.onTargetEvent);
      target?.addEventListener(name, this.onTargetEvent);
    }
    if (target) {
      this.targetObserver = new MutationObserver(this.onTargetEvent);
      this.targetObserver.observe(target, { attributes: true, attributeFilter: ["model"] });
      const tag = target.localName;
      if (tag.includes("-") && !customElements.get(tag)) {
        void customElements.whenDefined(tag).then(() => {
          if (this.forTarget.target === target) this.targetVersion++;
        });
      }
    }
    this.targetVersion++;
  }
  willUpdate(changed) {
    super.willUpdate(changed);
    if (changed.has("htmlFor")) this.forTarget.setId(this.htmlFor);
    this.compute();
  }
  /** The model name in force: the trainer's when `for` names one that is on the page, else `model`. */
  modelName() {
    const t3 = this.forTarget.target;
    if (t3) {
      const v2 = typeof t3.model === "string" ? t3.model : t3.getAttribute("model");
      return { name: v2 ?? "cnn", source: `the model of #${t3.id}` };
    }
    return { name: this.model, source: "model" };
  }
  compute() {
    this._layers = [];
    this._totalParams = null;
    this._totalMacs = null;
    this._input = null;
    this.failedAt = null;
    const { name, source } = this.modelName();
    const key = String(name).trim().toLowerCase();
    this._spec = isModelName(key) ? MODEL_SPECS[key] : null;
    if (!this._spec) {
      return this.setError(`Unknown model "${String(name)}" (${source}): use "cnn", "fnn" or "alexnet".`);
    }
    const spec = this._spec;
    let input = spec.inputShape;
    if (this.inputShape.trim()) {
      const parsed = parseInputShape(this.inputShape, spec.inputShape[0] ?? 1);
      if (!Array.isArray(parsed)) return this.setError(parsed.error);
      input = parsed;
    }
    this._input = input;
    const hiddenErr = checkInteger("Dense hidden units", this.denseHidden, 1);
    const walk = walkModel(spec, input);
    this._layers = walk.layers;
    if (!walk.ok) {
      this.failedAt = walk.at >= 0 ? walk.at : null;
      return this.setError(`${spec.title ?? spec.name} with a ${shapeText2(input)} input: ${walk.error}`);
    }
    this._totalParams = walk.totalParams;
    this._totalMacs = walk.totalMacs;
    this.setError(hiddenErr);
  }
  render() {
    const spec = this._spec;
    return b2`
      ${this.renderError()}
      ${spec && this._input ? b2`${this.renderDiagram(spec, this._input)} ${this.renderComparison(this._input)} ${this.renderTable(spec, this._input)}` : A}
    `;
  }
  /** One block per spatial stage (input, then each conv/pool), side proportional to its height and width. */
  renderDiagram(spec, input) {
    if (input.length !== 3) return A;
    const stages = [{ name: "input", shape: input }];
    for (const l3 of this._layers) if (SPATIAL.has(l3.type)) stages.push({ name: l3.name, shape: l3.outputShape });
    const last = this._layers.at(-1);
    if (last && last.outputShape.length === 1 && stages.length > 1) stages.push({ name: last.name, shape: last.outputShape });
    if (stages.length < 2) return A;
    const maxSide = Math.max(...stages.map((s4) => Math.max(s4.shape[1] ?? 1, s4.shape[2] ?? 1)));
    const px = (v2) => Math.max(4, Math.round(72 * v2 / maxSide));
    const alt = `${spec.title ?? spec.name}: spatial size ${stages.map((s4) => `${s4.name} ${s4.shape.length === 3 ? `${s4.shape[1]}\xD7${s4.shape[2]} (${s4.shape[0]} channels)` : `${s4.shape[0]} values`}`).join(" \u2192 ")}.`;
    return b2`<figure part="diagram" class="diagram" role="img" aria-label=${alt}>
      ${stages.map(
      (s4, i5) => b2`${i5 ? b2`<span class="arrow" aria-hidden="true">→</span>` : A}
          <div class="stage" aria-hidden="true">
            <div class="box-area">
              ${s4.shape.length === 3 ? b2`<div class="box" style="width:${px(s4.shape[2])}px;height:${px(s4.shape[1])}px"></div>` : b2`<div class="box flat" style="height:${Math.max(4, Math.min(72, Math.round(Math.sqrt(s4.shape[0]) * 2)))}px"></div>`}
            </div>
            <div class="stage-name">${s4.name}</div>
            <div class="stage-shape">${shapeText2(s4.shape)}</div>
          </div>`
    )}
    </figure>`;
  }
  /** The lesson's point: a dense first layer on the same input would need C·H·W × hidden weights. */
  renderComparison(input) {
    const hidden = this.denseHidden;
    if (checkInteger("h", hidden, 1)) return A;
    const inputs = input.reduce((a3, b3) => a3 * b3, 1);
    const dense = inputs * hidden;
    const convs = this._layers.filter((l3) => l3.type === "conv2d");
    const convParams2 = convs.reduce((a3, l3) => a3 + l3.params, 0);
    const ratio = convParams2 > 0 ? dense / convParams2 : 0;
    return b2`<p part="comparison" class="comparison" data-testid="comparison">
      A dense first layer on this ${shapeText2(input)} input would need
      <strong>${formatCount(inputs)} × ${formatCount(hidden)} = ${formatCount(dense)}</strong> weights
      (${formatCount(inputs)} inputs, ${formatCount(hidden)} hidden units).
      ${convs.length ? b2`All ${convs.length} convolution layers together have <strong>${formatCount(convParams2)}</strong> parameters${ratio >= 1.05 ? b2` — ${formatCount(ratio)} times fewer` : ratio > 0 && ratio < 0.95 ? b2` — more than the dense layer, at this small input` : A}: a kernel's weights are shared by every position of the image.` : this.failedAt === null ? b2`This network has no convolution layers: it is dense from the first layer on.` : A}
    </p>`;
  }
  renderTable(spec, input) {
    const groups = [];
    this._layers.forEach((layer, index) => {
      const g2 = groups.at(-1);
      if (g2 && g2.group === layer.group) g2.rows.push({ layer, index });
      else groups.push({ group: layer.group, rows: [{ layer, index }] });
    });
    const failed = this.failedAt !== null ? spec.layers[this.failedAt] : void 0;
    const failedName = failed ? failed.name ?? failed.type : null;
    return b2`<div class="scroll" tabindex="0" role="region" aria-label="Layer table">
      <table part="table">
        <caption>
          ${spec.title ?? spec.name}: ${this._layers.length} layers for a ${shapeText2(input)} input
        </caption>
        <thead>
          <tr>
            <th scope="col">Layer</th>
            <th scope="col">Type</th>
            <th scope="col">Hyperparameters</th>
            <th scope="col" class="num">Output (C×H×W)</th>
            <th scope="col" class="num">Parameters</th>
            <th scope="col" class="num">Multiply-adds</th>
          </tr>
        </thead>
        <tbody>
          <tr class="input-row">
            <th scope="row">input</th>
            <td></td>
            <td></td>
            <td class="num">${shapeText2(input)}</td>
            <td class="num">—</td>
            <td class="num">—</td>
          </tr>
        </tbody>
        ${groups.map(
      (g2) => b2`<tbody>
            <tr class="group">
              <th scope="rowgroup" colspan="6">${g2.group}</th>
            </tr>
            ${g2.rows.map(({ layer: l3 }) => b2`<tr>
                <th scope="row">${l3.name}</th>
                <td>${TYPE_NAMES[l3.type] ?? l3.type}</td>
                <td>${l3.hyper}${l3.note ? b2`<span class="note"> (${l3.note})</span>` : A}</td>
                <td class="num">${shapeText2(l3.outputShape)}</td>
                <td class="num">${formatCount(l3.params)}</td>
                <td class="num">${l3.macs ? formatCount(l3.macs) : "\u2014"}</td>
              </tr>`)}
          </tbody>`
    )}
        ${failedName ? b2`<tbody>
              <tr class="failed">
                <th scope="row">${failedName}</th>
                <td>${TYPE_NAMES[failed.type] ?? failed.type}</td>
                <td colspan="4">cannot be computed (see the message above)</td>
              </tr>
            </tbody>` : A}
        ${this._totalParams !== null ? b2`<tfoot>
              <tr part="total">
                <th scope="row" colspan="4">Total</th>
                <td class="num" data-testid="total-params">${formatCount(this._totalParams)}</td>
                <td class="num">${formatCount(this._totalMacs ?? 0)}</td>
              </tr>
            </tfoot>` : A}
      </table>
    </div>`;
  }
};
__decorateClass([
  n4({ reflect: true })
], ModelSummary.prototype, "model", 2);
__decorateClass([
  n4({ reflect: true, attribute: "for" })
], ModelSummary.prototype, "htmlFor", 2);
__decorateClass([
  n4({ attribute: "input-shape", reflect: true })
], ModelSummary.prototype, "inputShape", 2);
__decorateClass([
  n4({ attribute: "dense-hidden", reflect: true, converter: numberConverter })
], ModelSummary.prototype, "denseHidden", 2);
__decorateClass([
  r5()
], ModelSummary.prototype, "_layers", 2);
__decorateClass([
  r5()
], ModelSummary.prototype, "_totalParams", 2);
__decorateClass([
  r5()
], ModelSummary.prototype, "_totalMacs", 2);
__decorateClass([
  r5()
], ModelSummary.prototype, "_spec", 2);
__decorateClass([
  r5()
], ModelSummary.prototype, "_input", 2);
__decorateClass([
  r5()
], ModelSummary.prototype, "failedAt", 2);
__decorateClass([
  r5()
], ModelSummary.prototype, "targetVersion", 2);

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

// src/define/model-summary.ts
defineElement("model-summary", ModelSummary);
export {
  ModelSummary
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
