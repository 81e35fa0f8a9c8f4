import { describe, expect, it } from 'vitest';
import { qrPath } from './QrCode';

describe('qrPath', () => {
  it('draws a QR code with its quiet zone', () => {
    const qr = qrPath('https://example.org/union/join?station=s1');
    expect(qr).not.toBeNull();
    // Version 1 is 21 modules; 4 modules of margin each side.
    expect(qr!.size).toBeGreaterThanOrEqual(29);
    expect(qr!.d).toMatch(/^M4 4h1v1h-1z/);
  });

  it('gives null instead of throwing for text no QR code can hold', () => {
    expect(qrPath('')).toBeNull();
    expect(qrPath('x'.repeat(5000))).toBeNull();
  });
});
