// The one error type the page sees from the core, and the argument checks that
// engine.ts runs before a value reaches the module. Messages name the argument
// and show the bad value, like the core's own messages.

export type CoreErrorCode = 'invalid_argument' | 'out_of_range' | 'failed_precondition';

export class CoreError extends Error {
  readonly code: CoreErrorCode;
  constructor(message: string, code: CoreErrorCode = 'invalid_argument') {
    super(message);
    this.name = 'CoreError';
    this.code = code;
  }
}

/** A short, safe description of any value for an error message. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `Array(${value.length})`;
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
    case 'number':
    case 'boolean':
    case 'bigint':
    case 'undefined':
      return String(value);
    case 'object': {
      const ctor = (value as { constructor?: { name?: unknown } }).constructor;
      return typeof ctor?.name === 'string' && ctor.name !== '' ? ctor.name : 'object';
    }
    default:
      return typeof value;
  }
}

export function checkFloat32Array(arg: string, value: unknown): Float32Array {
  if (value instanceof Float32Array) return value;
  throw new CoreError(`${arg}: expected a Float32Array, got ${describe(value)}`);
}

export function checkString(arg: string, value: unknown): string {
  if (typeof value === 'string') return value;
  throw new CoreError(`${arg}: expected a name string, got ${describe(value)}`);
}

/** A 32-bit signed integer: Embind would silently wrap anything larger. */
export function checkInt32(arg: string, value: unknown): number {
  if (Number.isInteger(value) && Math.abs(value as number) <= 0x7fffffff) return value as number;
  throw new CoreError(`${arg}: expected an integer, got ${describe(value)}`);
}

/**
 * An optional options object whose keys must all be listed in `types`
 * ('number' | 'boolean' | 'uint32'). Undefined values count as absent.
 */
export function checkOptions(
  arg: string,
  value: unknown,
  types: Readonly<Record<string, 'number' | 'boolean' | 'uint32'>>,
): Record<string, number | boolean> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CoreError(`${arg}: expected an object, got ${describe(value)}`);
  }
  const out: Record<string, number | boolean> = {};
  for (const [key, v] of Object.entries(value)) {
    const type = Object.hasOwn(types, key) ? types[key] : undefined;
    if (type === undefined) {
      const valid = Object.keys(types).join(', ');
      throw new CoreError(`${arg}: unknown key ${JSON.stringify(key)}; valid keys are ${valid}`);
    }
    if (v === undefined) continue;
    const ok =
      type === 'boolean'
        ? typeof v === 'boolean'
        : type === 'number'
          ? typeof v === 'number'
          : Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 0xffffffff;
    if (!ok) {
      const expected = type === 'uint32' ? 'an integer in [0, 4294967295]' : `a ${type}`;
      throw new CoreError(`${arg}.${key}: expected ${expected}, got ${describe(v)}`);
    }
    out[key] = v as number | boolean;
  }
  return out;
}
