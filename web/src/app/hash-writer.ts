// Writes the page's own state into the address without losing a link that
// arrived meanwhile. A hash set by someone else (a pasted link, a course page's
// script, a lesson's Next link) dispatches its hashchange as a later task; a
// debounced write that runs in between would replace that hash with the old
// state before the page had read it, and the link would be lost.

export interface AddressBar {
  read(): string;
  replace(hash: string): void;
}

export class HashWriter {
  private known: string;

  constructor(private readonly address: AddressBar) {
    this.known = address.read();
  }

  /** The page has just read the address: what it holds now is the page's. */
  adopt(): void {
    this.known = this.address.read();
  }

  /**
   * Writes `hash` unless the address changed since the page last read or wrote
   * it (a hashchange is on its way and will be read instead). True if written
   * or already equal.
   */
  write(hash: string): boolean {
    const now = this.address.read();
    if (now !== this.known) return false;
    if (hash !== now) this.address.replace(hash);
    this.known = this.address.read();
    return true;
  }
}

/** The window's own address bar. */
export const windowAddress: AddressBar = {
  read: () => location.hash,
  replace: (hash) => history.replaceState(null, '', hash),
};
