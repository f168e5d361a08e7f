// Shared by engine.ts and its trainer/data wrappers: the one place where a
// returned Error value becomes a thrown CoreError, and the checks for the
// plain-object arguments that cross the boundary as JSON text.
import { CoreError, describe, type CoreErrorCode } from './core-error';

/** A returned Error value becomes a thrown CoreError; anything else passes. */
export function unwrap<T>(result: T): Exclude<T, Error> {
  if (result instanceof Error) {
    const code = (result as Error & { code?: CoreErrorCode }).code ?? 'invalid_argument';
    throw new CoreError(result.message, code);
  }
  return result as Exclude<T, Error>;
}

/** A plain object (not null, not an array). */
export function checkObject(arg: string, value: unknown): Record<string, unknown> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  throw new CoreError(`${arg}: expected an object, got ${describe(value)}`);
}

/**
 * A plain object as JSON text for the core, which then names any bad field.
 * JSON.stringify itself can throw (cycles, BigInt): that becomes a CoreError.
 * NaN and ±Infinity become null, which the core rejects as "got null".
 */
export function jsonText(arg: string, value: unknown): string {
  checkObject(arg, value);
  try {
    return JSON.stringify(value);
  } catch (err) {
    throw new CoreError(`${arg}: cannot be written as JSON (${err instanceof Error ? err.message : String(err)})`);
  }
}

/** Only the listed keys may appear (undefined values count as absent). */
export function checkKeys(arg: string, value: Record<string, unknown>, keys: readonly string[]): void {
  for (const [key, v] of Object.entries(value)) {
    if (v !== undefined && !keys.includes(key)) {
      throw new CoreError(`${arg}: unknown key ${JSON.stringify(key)}; valid keys are ${keys.join(', ')}`);
    }
  }
}

/** An integer ≥ 0 that a double holds exactly (step counts). */
export function checkStep(arg: string, value: unknown): number {
  if (Number.isSafeInteger(value) && (value as number) >= 0) return value as number;
  throw new CoreError(`${arg}: expected an integer >= 0, got ${describe(value)}`);
}

export function checkUint32(arg: string, value: unknown): number {
  if (Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 0xffffffff) return value as number;
  throw new CoreError(`${arg}: expected an integer in [0, 4294967295], got ${describe(value)}`);
}

export function checkNumber(arg: string, value: unknown): number {
  if (typeof value === 'number') return value;
  throw new CoreError(`${arg}: expected a number, got ${describe(value)}`);
}

export function disposedError(what: 'trainer' | 'dataset'): CoreError {
  return new CoreError(`${what}: this ${what} was disposed`, 'failed_precondition');
}
