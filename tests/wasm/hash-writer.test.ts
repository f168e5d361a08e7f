// The page's debounced URL write must not replace a hash that someone else set
// after the page last read the address (its hashchange is dispatched later).
import { describe, expect, it } from 'vitest';
import { HashWriter, type AddressBar } from '../../web/src/app/hash-writer';

function fakeAddress(initial: string): AddressBar & { hash: string; writes: string[] } {
  const a = {
    hash: initial,
    writes: [] as string[],
    read: () => a.hash,
    replace: (h: string) => {
      a.writes.push(h);
      a.hash = h;
    },
  };
  return a;
}

describe('HashWriter', () => {
  it('writes the page state when the address is the one the page knows', () => {
    const a = fakeAddress('#view=explore');
    const w = new HashWriter(a);
    expect(w.write('#view=train')).toBe(true);
    expect(a.hash).toBe('#view=train');
    expect(w.write('#view=train&lr=0.1')).toBe(true);
    expect(a.writes).toEqual(['#view=train', '#view=train&lr=0.1']);
  });

  it('does not call replace when the hash is already equal', () => {
    const a = fakeAddress('#view=softmax');
    const w = new HashWriter(a);
    expect(w.write('#view=softmax')).toBe(true);
    expect(a.writes).toEqual([]);
  });

  it('keeps a link set from outside until the page has read it', () => {
    const a = fakeAddress('#view=train&lesson=dead-relu');
    const w = new HashWriter(a);
    w.write('#view=train&lesson=dead-relu&lr=0.5'); // the page's own edit
    a.hash = '#lesson=vanishing'; // a script or a pasted link; its hashchange has not run yet
    expect(w.write('#view=train&lesson=dead-relu&lr=0.7')).toBe(false);
    expect(a.hash).toBe('#lesson=vanishing');
    w.adopt(); // the hashchange handler read it
    expect(w.write('#view=train&lesson=vanishing')).toBe(true);
    expect(a.hash).toBe('#view=train&lesson=vanishing');
  });
});
