/**
 * Service side of every adapter: look the method up in the contract, validate the argument,
 * call the implementation, and turn anything thrown into an `internal` error result.
 */
import { isMethodName, stationMethods, type StationApi } from './contract';
import { err, type Result } from './result';
import './zod-messages';

export async function dispatchCall(
  api: StationApi,
  method: unknown,
  arg: unknown,
): Promise<Result<unknown>> {
  if (!isMethodName(method)) {
    return err('unknown-method', `No method named ${String(method).slice(0, 80)}`);
  }
  const parsed = stationMethods[method].input.safeParse(arg);
  if (!parsed.success) {
    return err('invalid-argument', `${method}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'argument'} ${i.message}`).join('; ')}`);
  }
  try {
    const fn = api[method] as (input: unknown) => Promise<Result<unknown>>;
    return await fn.call(api, parsed.data);
  } catch (error) {
    return err('internal', error instanceof Error ? error.message : String(error));
  }
}
