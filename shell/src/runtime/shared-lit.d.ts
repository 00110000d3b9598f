/**
 * build/lit.js, the one module with every public export of lit that the page shares (see build/shared.ts). The
 * shell's build resolves `@digione/lit` to it; its exports are lit's (the static-html ones renamed).
 */
declare module '@digione/lit' {
  export * from 'lit';
}
