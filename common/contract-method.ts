/**
 * How one method of the station API is declared: its argument schema and its result schema.
 * Every capability's contract section (see `contract.ts`) is a table of these.
 */
import * as z from 'zod/mini';

/** A method takes one validated argument (or none) and resolves to a `Result`. */
export interface MethodSpec<I extends z.ZodMiniType, O extends z.ZodMiniType> {
  readonly input: I;
  readonly output: O;
}

export function method<I extends z.ZodMiniType, O extends z.ZodMiniType>(input: I, output: O): MethodSpec<I, O> {
  return { input, output };
}

/** The argument of a method that takes none. */
export const noInput = z.undefined();
/** The result of a method that answers only "done". */
export const empty = z.object({});

/**
 * `a` and `b` as one table. A key of `b` already in `a` fails type-checking (its value
 * must be `never`) and throws at load, so two sections can never claim one name.
 */
export function joinSections<A extends object, B extends object>(a: A, b: B & { readonly [K in keyof A & keyof B]: never }): A & B {
  for (const key of Object.keys(b)) {
    if (Object.hasOwn(a, key)) throw new Error(`contract: "${key}" is declared in two sections`);
  }
  return { ...a, ...b };
}
