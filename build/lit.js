// `@digione/lit`: every public export of lit in ONE module, which the page shares once between the shell and all
// widgets (build/shared.ts maps each `lit` and `lit/…` import to it). `lit/static-html.js` exports `html`, `svg`
// and `mathml` that differ from lit's own, so they are `staticHtml`, `staticSvg` and `staticMathml` here; the build
// checks every name of every lit subpath against this module (litSpecifiers in build/shared.ts).
export * from 'lit';
export * from 'lit/decorators.js';
export * from 'lit/directive.js';
export * from 'lit/async-directive.js';
export * from 'lit/directive-helpers.js';
export * from 'lit/directives/async-append.js';
export * from 'lit/directives/async-replace.js';
export * from 'lit/directives/cache.js';
export * from 'lit/directives/choose.js';
export * from 'lit/directives/class-map.js';
export * from 'lit/directives/guard.js';
export * from 'lit/directives/if-defined.js';
export * from 'lit/directives/join.js';
export * from 'lit/directives/keyed.js';
export * from 'lit/directives/live.js';
export * from 'lit/directives/map.js';
export * from 'lit/directives/range.js';
export * from 'lit/directives/ref.js';
export * from 'lit/directives/repeat.js';
export * from 'lit/directives/style-map.js';
export * from 'lit/directives/template-content.js';
export * from 'lit/directives/unsafe-html.js';
export * from 'lit/directives/unsafe-mathml.js';
export * from 'lit/directives/unsafe-svg.js';
export * from 'lit/directives/until.js';
export * from 'lit/directives/when.js';
export { html as staticHtml, svg as staticSvg, mathml as staticMathml, literal, unsafeStatic, withStatic } from 'lit/static-html.js';
