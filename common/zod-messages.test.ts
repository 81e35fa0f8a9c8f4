import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import './zod-messages';

describe('service-side validation messages', () => {
  it('reads in English, not just "Invalid input"', () => {
    const result = z.strictObject({ port: z.int() }).safeParse({ port: 'x' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Invalid input: expected number, received string');
  });
});
