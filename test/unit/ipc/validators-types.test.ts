/**
 * The validators follow the contract's types. The type assertions here are checked by `tsc`
 * (`npm run typecheck`, part of `npm test`): a validator whose checks produce anything but the
 * contract's argument tuple, or a `@ts-expect-error` line that stops being an error, fails the build.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { ARGS_VALIDATORS, tuple, type ArgCheck, type ArgsValidator } from '../../../src/main/ipc/validators';
import type { InvokeContract, InvokeName, Result } from '../../../src/shared/ipc-contract';

type Validated<K extends InvokeName> = ReturnType<(typeof ARGS_VALIDATORS)[K]> extends Result<infer T> ? T : never;

/** True only when A and B are the same type (not merely assignable one way). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** The channels whose validator yields something other than exactly the contract's argument tuple. */
type Mismatched = {
  [K in InvokeName]: Equal<Validated<K>, InvokeContract[K]['args']> extends true ? never : K;
}[InvokeName];

const aNumber: ArgCheck<number> = (value) =>
  typeof value === 'number' ? { ok: true, value } : { ok: false, message: 'not a number' };
const aString: ArgCheck<string> = (value) =>
  typeof value === 'string' ? { ok: true, value } : { ok: false, message: 'not text' };
const aBoolean: ArgCheck<boolean> = (value) =>
  typeof value === 'boolean' ? { ok: true, value } : { ok: false, message: 'not a boolean' };

describe('validator types', () => {
  it('yield exactly the contract argument tuple for every channel', () => {
    expectTypeOf<Mismatched>().toEqualTypeOf<never>();
    expectTypeOf<Validated<'moveInList'>>().toEqualTypeOf<[string, string, number]>();
    expect(Object.keys(ARGS_VALIDATORS).length).toBeGreaterThan(0);
  });

  it('refuse at compile time a check of the wrong type, a missing or an extra argument', () => {
    // @ts-expect-error moveInList's third argument is a number, not a boolean
    const wrongType: ArgsValidator<'moveInList'> = tuple(aString, aString, aBoolean);
    // @ts-expect-error moveInList takes three arguments
    const missing: ArgsValidator<'moveInList'> = tuple(aString, aString);
    // @ts-expect-error removeAlert takes one argument
    const extra: ArgsValidator<'removeAlert'> = tuple(aString, aNumber);
    const right: ArgsValidator<'moveInList'> = tuple(aString, aString, aNumber);
    // The same mistakes are refused at run time too: what compiles is what runs.
    expect(wrongType(['l1', 'AAPL', 1]).ok).toBe(false);
    expect(missing(['l1', 'AAPL', 1]).ok).toBe(false);
    expect(extra(['a1']).ok).toBe(false);
    expect(right(['l1', 'AAPL', 1])).toEqual({ ok: true, value: ['l1', 'AAPL', 1] });
  });

  it('rebuilds the tuple from checked values and checks the arity first', () => {
    const validator = tuple(aString, aNumber);
    expect(validator(['AAPL', 2, 3])).toEqual({
      ok: false,
      error: { code: 'invalid-payload', message: 'Expected 2 arguments, got 3' },
    });
    expect(validator([2, 'AAPL'])).toEqual({ ok: false, error: { code: 'invalid-payload', message: 'not text' } });
    expect(tuple()([])).toEqual({ ok: true, value: [] });
  });
});
