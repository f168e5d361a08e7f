// A strict JSON reader that remembers the line of every value, so a lesson
// file's errors can name the line as well as the field. Limits (size, depth)
// are checked while reading: a huge or deeply nested file is refused before
// anything is built from it. No eval; the result is plain data.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface Located {
  value: Json;
  /** Line (1-based) of each value, by its path ("stages[0].when"). */
  lines: Map<string, number>;
}

export class JsonError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
  }
}

export const JSON_LIMITS = { chars: 200_000, depth: 24, stringChars: 20_000, keys: 400 } as const;

export function readJson(text: string): Located {
  if (text.length > JSON_LIMITS.chars) throw new JsonError(1, `the file has ${text.length} characters, more than ${JSON_LIMITS.chars}`);
  const lines = new Map<string, number>();
  let i = 0;
  let line = 1;
  const fail = (message: string): never => {
    throw new JsonError(line, message);
  };
  const space = () => {
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === '\n') line++;
      else if (c !== ' ' && c !== '\t' && c !== '\r') break;
    }
  };
  const str = (): string => {
    i++; // opening quote
    let out = '';
    for (;;) {
      if (i >= text.length) fail('a string is not closed');
      const c = text[i++];
      if (c === '"') break;
      if (c === '\n' || c < ' ') fail('a control character or line break inside a string');
      if (c !== '\\') {
        out += c;
      } else {
        const e = text[i++];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e in simple) out += simple[e];
        else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i, i + 4))) {
          out += String.fromCharCode(parseInt(text.slice(i, i + 4), 16));
          i += 4;
        } else fail(`a bad escape \\${e ?? ''} in a string`);
      }
      if (out.length > JSON_LIMITS.stringChars) fail(`a string longer than ${JSON_LIMITS.stringChars} characters`);
    }
    return out;
  };
  const value = (path: string, depth: number): Json => {
    if (depth > JSON_LIMITS.depth) fail(`nested deeper than ${JSON_LIMITS.depth} levels`);
    space();
    lines.set(path, line);
    const c = text[i];
    if (c === '{') {
      i++;
      const obj: { [key: string]: Json } = Object.create(null) as { [key: string]: Json };
      space();
      if (text[i] === '}') {
        i++;
        return obj;
      }
      for (let n = 0; ; n++) {
        space();
        if (text[i] !== '"') fail('expected a "key" in an object');
        if (n >= JSON_LIMITS.keys) fail(`more than ${JSON_LIMITS.keys} keys in one object`);
        const key = str();
        if (Object.prototype.hasOwnProperty.call(obj, key)) fail(`the key "${key.slice(0, 40)}" appears twice`);
        space();
        if (text[i++] !== ':') fail(`expected ":" after "${key.slice(0, 40)}"`);
        obj[key] = value(path ? `${path}.${key}` : key, depth + 1);
        space();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return obj;
        } else fail('expected "," or "}" in an object');
      }
    }
    if (c === '[') {
      i++;
      const arr: Json[] = [];
      space();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        if (arr.length >= JSON_LIMITS.keys) fail(`more than ${JSON_LIMITS.keys} items in one list`);
        arr.push(value(`${path}[${arr.length}]`, depth + 1));
        space();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return arr;
        } else fail('expected "," or "]" in a list');
      }
    }
    if (c === '"') return str();
    const m = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (!m) fail(c === undefined ? 'the file ends too early' : `unexpected "${c}"`);
    i += m![0].length;
    if (m![0] === 'true') return true;
    if (m![0] === 'false') return false;
    if (m![0] === 'null') return null;
    const num = Number(m![0]);
    if (!Number.isFinite(num)) fail(`the number ${m![0].slice(0, 30)} is out of range`);
    return num;
  };
  const v = value('', 0);
  space();
  if (i < text.length) fail('text after the end of the JSON value');
  return { value: v, lines };
}
