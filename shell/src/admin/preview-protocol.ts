/**
 * What the admin area (admin/preview.ts) and the preview page (admin/preview-page.ts) say to each other over a
 * same-origin MessageChannel ("Preview as", docs/decisions/0008-preview-as.md). Types only, imported as types: a
 * module with code shared by the two lazy chunks would become a chunk of its own, named in the first load's
 * preload map (tests/size/shell-js.ts counts every byte there).
 */

/** `type` of the preview page's request to its parent; the request carries the port to answer on. */
export type PreviewMessage = 'digione-preview-request';

/** The parent's answer: the preview token and the key it is bound to (a CryptoKey, structured-cloned, not exported). */
export interface PreviewGrant {
  token: string;
  /** Seconds the token lasts. */
  expiresIn: number;
  keys: CryptoKeyPair;
  /** `sub` and name of the preview persona. */
  persona: string;
  name: string;
}
