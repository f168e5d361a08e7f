// A strict JSON reader that remembers the line of every value, so a lesson
// file's errors can name the line as well as the field. Limits (size, depth)
// are checked while reading: a huge or deeply nested file is refused before
// anything is built from it. No eval; the result is plain data.

import type { LessonProblemKey } from '../../strings/lesson-problems';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface Located {
  value: Json;
  /** Line (1-based) of each value, by its path ("stages[0].when"). */
  lines: Map<string, number>;
}

/** A problem with the JSON text: its line, and what is wrong as a key of strings/lesson-problems.ts. */
export class JsonError extends Error {
  constructor(readonly line: number, readonly key: LessonProblemKey, readonly vars: Readonly<Record<string, string>> = {}) {
    super(key);
  }
}

export const JSON_LIMITS = { chars: 200_000, depth: 24, stringChars: 20_000, keys: 400 } as const;

export function readJson(text: string): Located {
  if (text.length > JSON_LIMITS.chars) throw new JsonError(1, 'lpJsonSize', { n: String(text.length), max: String(JSON_LIMITS.chars) });
  const lines = new Map<string, number>();
  let i = 0;
  let line = 1;
  const fail = (key: LessonProblemKey, vars: Record<string, string> = {}): never => {
    throw new JsonError(line, key, vars);
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
      if (i >= text.length) fail('lpJsonUnclosed');
      const c = text[i++];
      if (c === '"') break;
      if (c === '\n' || c < ' ') fail('lpJsonControl');
      if (c !== '\\') {
        out += c;
      } else {
        const e = text[i++];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e in simple) out += simple[e];
        else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i, i + 4))) {
          out += String.fromCharCode(parseInt(text.slice(i, i + 4), 16));
          i += 4;
        } else fail('lpJsonEscape', { escape: e ?? '' });
      }
      if (out.length > JSON_LIMITS.stringChars) fail('lpJsonLongString', { max: String(JSON_LIMITS.stringChars) });
    }
    return out;
  };
  const value = (path: string, depth: number): Json => {
    if (depth > JSON_LIMITS.depth) fail('lpJsonDepth', { max: String(JSON_LIMITS.depth) });
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
        if (text[i] !== '"') fail('lpJsonKeyExpected');
        if (n >= JSON_LIMITS.keys) fail('lpJsonKeys', { max: String(JSON_LIMITS.keys) });
        const key = str();
        if (Object.prototype.hasOwnProperty.call(obj, key)) fail('lpJsonDuplicate', { key: key.slice(0, 40) });
        space();
        if (text[i++] !== ':') fail('lpJsonColon', { key: key.slice(0, 40) });
        obj[key] = value(path ? `${path}.${key}` : key, depth + 1);
        space();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return obj;
        } else fail('lpJsonObjectEnd');
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
        if (arr.length >= JSON_LIMITS.keys) fail('lpJsonItems', { max: String(JSON_LIMITS.keys) });
        arr.push(value(`${path}[${arr.length}]`, depth + 1));
        space();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return arr;
        } else fail('lpJsonListEnd');
      }
    }
    if (c === '"') return str();
    const m = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (!m) fail(c === undefined ? 'lpJsonEnd' : 'lpJsonUnexpected', { char: c ?? '' });
    i += m![0].length;
    if (m![0] === 'true') return true;
    if (m![0] === 'false') return false;
    if (m![0] === 'null') return null;
    const num = Number(m![0]);
    if (!Number.isFinite(num)) fail('lpJsonNumber', { number: m![0].slice(0, 30) });
    return num;
  };
  const v = value('', 0);
  space();
  if (i < text.length) fail('lpJsonTrailing');
  return { value: v, lines };
}
