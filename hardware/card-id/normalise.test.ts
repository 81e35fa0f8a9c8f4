import { describe, expect, it } from 'vitest';
import { normaliseCardText, uid32 } from './normalise';

const CARD = { kind: 'uid32', canonical: 'U026F6C3A', low24: 'L6F6C3A' };
const LOW = { kind: 'low24', low24: 'L6F6C3A' };

describe('normaliseCardText', () => {
  const sameCard: [string, string, Parameters<typeof normaliseCardText>[1]?][] = [
    ['8H→10D decimal', '0040856634'],
    ['8 hex, as read', '026F6C3A'],
    ['8 hex, lower case', '026f6c3a'],
    ['8 hex, reversed reader', '3A6C6F02', { byteOrder: 'reversed' }],
    ['10 hex (EM4100 version byte first)', '01026f6c3a'],
    ['ddddd,nnnnn', '00623,27706'],
    ['padded with whitespace', '  0040856634\r\n'],
  ];
  for (const [label, text, options] of sameCard) {
    it(`reads ${label} "${text.trim()}" as U026F6C3A`, () => {
      expect(normaliseCardText(text, options)).toEqual(CARD);
    });
  }

  for (const text of ['111,27706', '07302202']) {
    it(`reads "${text}" as low24 L6F6C3A, the same as that card's low24`, () => {
      expect(normaliseCardText(text)).toEqual(LOW);
      expect(normaliseCardText(text)).toMatchObject({ low24: CARD.low24 });
    });
  }

  it('gives the reference EM4100 tag and the binary example their uid32', () => {
    expect(normaliseCardText('307E4DE5C2')).toEqual({ kind: 'uid32', canonical: 'U7E4DE5C2', low24: 'L4DE5C2' });
    expect(normaliseCardText('0600 8E6D5D'.replace(' ', ''))).toEqual(uid32(9334109));
    expect(normaliseCardText('0009334109')).toEqual(uid32(0x008e6d5d));
  });

  it('reads digit-only text as hex when the frame is known to be hex', () => {
    expect(normaliseCardText('0040856634', { hex: true })).toEqual(uid32(0x40856634));
    expect(normaliseCardText('07302202', { hex: true })).toEqual(uid32(0x07302202));
  });

  it('takes the 8 hex digits as read unless told the reader is reversed', () => {
    expect(normaliseCardText('3A6C6F02')).toEqual({ kind: 'uid32', canonical: 'U3A6C6F02', low24: 'L6C6F02' });
    expect(normaliseCardText('3a6c6f02', { byteOrder: 'as-read' })).toMatchObject({ canonical: 'U3A6C6F02' });
  });

  it('reads out-of-range digit strings as hex, not as a wrong decimal', () => {
    expect(normaliseCardText('4294967295')).toEqual(uid32(0xffffffff));
    expect(normaliseCardText('4294967296')).toEqual(uid32(0x94967296)); // 10 hex: version 42
    expect(normaliseCardText('16777216')).toEqual(uid32(0x16777216));
    expect(normaliseCardText('16777215')).toEqual({ kind: 'low24', low24: 'LFFFFFF' });
  });

  it('rejects pairs out of range', () => {
    expect(normaliseCardText('111,65536')).toBeNull();
    expect(normaliseCardText('65536,1')).toBeNull();
    expect(normaliseCardText('65535,65535')).toEqual(uid32(0xffffffff));
    expect(normaliseCardText('255,65535')).toEqual({ kind: 'low24', low24: 'LFFFFFF' });
  });

  it('keeps QR membership codes as tokens, case and all', () => {
    expect(normaliseCardText('MEMBER:ab-12.x_9')).toEqual({ kind: 'token', canonical: 'T:MEMBER:ab-12.x_9' });
    expect(normaliseCardText('abcd')).toEqual({ kind: 'token', canonical: 'T:abcd' });
    expect(normaliseCardText('A'.repeat(64))).toEqual({ kind: 'token', canonical: `T:${'A'.repeat(64)}` });
  });

  const hostile = [
    '', '   ', 'abc', 'A'.repeat(65), '🙂🙂🙂🙂', 'card🙂1234', "1'; DROP TABLE visits;--", '<script>x</script>',
    '0040856634\u0000', 'x'.repeat(1_000_000), '\u202E1234', '111, 27706', '12 34 56 78',
  ];
  for (const text of hostile) {
    it(`returns null for hostile input ${JSON.stringify(text.slice(0, 24))}`, () => {
      expect(normaliseCardText(text)).toBeNull();
    });
  }

  it('never throws on non-string input smuggled past the types', () => {
    for (const value of [undefined, null, 42, {}, []]) {
      expect(normaliseCardText(value as unknown as string)).toBeNull();
    }
  });
});
