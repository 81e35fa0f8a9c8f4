import { describe, expect, it } from 'vitest';
import { TEST_STEWARD, TEST_STEWARD_SESSION } from '../testing/steward-access-double';
import { useWishFixture } from '../testing/wish-fixture';

const setup = useWishFixture();
const session = TEST_STEWARD_SESSION;
const MINUTE = 60_000;

describe('posting', () => {
  it('a member posts under the pass of a tap; the wall shows the note masked, the database keeps the original', () => {
    const f = setup();
    const outcome = f.post(f.tap(1), '谢谢驿站！有事打13812345678', 'thanks', 'heart');
    expect(outcome).toEqual({
      kind: 'posted',
      note: { id: 1, category: 'thanks', text: '谢谢驿站！有事打138****5678', sticker: 'heart', pinned: false, done: false, meToo: 0, reply: null, createdAtMs: f.clock.ms },
    });
    expect(f.rows('SELECT text, masked, card_id, visit_id, state FROM wishes')).toEqual([
      { text: '谢谢驿站！有事打13812345678', masked: '谢谢驿站！有事打138****5678', card_id: 1, visit_id: 1, state: 'approved' },
    ]);
    const page = f.wishes.list({ page: 0, pageSize: 12 });
    expect(page.ok && page.value).toMatchObject({ total: 1, pageCount: 1, page: 0, maxLength: 140 });
    expect(page.ok && page.value.notes.map((n) => n.text)).toEqual(['谢谢驿站！有事打138****5678']);
    expect(f.rows<{ uid: string }>('SELECT uid FROM wishes')[0]?.uid).toMatch(/^[0-9a-f]{32}$/);
  });

  it('a guest posts under the pass of a guest check-in (no card on the note)', () => {
    const f = setup();
    expect(f.post(f.guest(), '希望增加雨衣架').kind).toBe('posted');
    expect(f.rows('SELECT card_id, visit_id FROM wishes')).toEqual([{ card_id: null, visit_id: 1 }]);
  });

  it('an unknown, expired or revoked pass posts nothing', () => {
    const f = setup();
    expect(f.post('0'.repeat(32), '谢谢').kind).toBe('no-pass');
    const pass = f.tap(1);
    f.clock.ms += 10 * MINUTE;
    expect(f.post(pass, '谢谢').kind).toBe('no-pass');
    const second = f.tap(2);
    f.wishes.revokePasses();
    expect(f.post(second, '谢谢').kind).toBe('no-pass');
    expect(f.rows('SELECT id FROM wishes')).toEqual([]);
  });

  it('a word-list hit is stored and held for a steward, not shown', () => {
    const f = setup();
    expect(f.post(f.tap(1), '刷 单 加微信')).toEqual({ kind: 'held', id: 1, heldFor: 'words' });
    expect(f.rows('SELECT state, held_for, hits FROM wishes')).toEqual([{ state: 'pending', held_for: 'words', hits: '["刷单","加微信"]' }]);
    const page = f.wishes.list({ page: 0, pageSize: 12 });
    expect(page.ok && page.value.total).toBe(0);
  });

  it('in approval mode every note waits until a steward approves it', () => {
    const f = setup({ settings: { moderation: 'approval' } });
    expect(f.post(f.tap(1), '夏天要防晒袖套')).toEqual({ kind: 'held', id: 1, heldFor: 'approval' });
    expect(f.wishes.rotation()).toEqual({ ok: true, value: [] });
    const approved = f.wishes.moderate({ session, id: 1, action: { kind: 'approve' } });
    expect(approved.ok && approved.value).toMatchObject({ state: 'approved', heldFor: null });
    const rotation = f.wishes.rotation();
    expect(rotation.ok && rotation.value.map((n) => n.text)).toEqual(['夏天要防晒袖套']);
  });

  it.each([
    ['HTML', '<b onclick="x()">hi</b>'],
    ['SQL', "x'); DELETE FROM wishes; --"],
    ['emoji sequences', '👩🏽‍🔧🇨🇳'],
  ])('stores %s verbatim, as text', (_name, text) => {
    const f = setup();
    f.post(f.tap(1), text);
    expect(f.rows('SELECT text, masked FROM wishes')).toEqual([{ text, masked: text }]);
  });

  it.each([
    ['1,000 characters', '谢'.repeat(1000), 'too-long'],
    ['a bidi override', '\u202Egnp.exe', 'bidi'],
    ['a lone surrogate', '\uD800', 'encoding'],
    ['a control character', 'a\u0007', 'control'],
    ['nothing', '', 'empty'],
  ])('refuses %s with a reason and stores nothing', (_name, text, reason) => {
    const f = setup();
    expect(f.post(f.tap(1), text)).toEqual({ kind: 'refused', reason, maxLength: 140 });
    expect(f.rows('SELECT id FROM wishes')).toEqual([]);
  });

  it('1 MB is refused before the service reads it, naming the limit, and stores nothing', () => {
    const f = setup();
    const result = f.wishes.post({ pass: f.tap(1), category: 'wish', text: 'x'.repeat(1024 * 1024), sticker: null });
    expect(result).toEqual({ ok: false, code: 'invalid-argument', message: 'postWish: text is longer than 4000 UTF-16 units' });
    expect(f.rows('SELECT id FROM wishes')).toEqual([]);
  });

  it('a bad argument is invalid-argument, naming the field', () => {
    const f = setup();
    const result = f.wishes.post({ pass: f.tap(1), category: 'rant', text: 'x', sticker: null });
    expect(result).toMatchObject({ ok: false, code: 'invalid-argument' });
    expect(!result.ok && result.message).toContain('category');
  });
});

describe('the wall', () => {
  it('pinned first, then newest; paged', () => {
    const f = setup({ settings: { perCardPerDay: 50 } });
    const pass = f.tap(1);
    for (let i = 1; i <= 5; i += 1) {
      f.clock.ms += 1000;
      f.post(pass, `note ${i}`);
    }
    f.wishes.moderate({ session, id: 2, action: { kind: 'pin', pinned: true } });
    const first = f.wishes.list({ page: 0, pageSize: 2 });
    const second = f.wishes.list({ page: 1, pageSize: 2 });
    const last = f.wishes.list({ page: 2, pageSize: 2 });
    expect(first.ok && first.value.notes.map((n) => n.text)).toEqual(['note 2', 'note 5']);
    expect(second.ok && second.value.notes.map((n) => n.text)).toEqual(['note 4', 'note 3']);
    expect(last.ok && last.value).toMatchObject({ pageCount: 3, total: 5 });
    expect(last.ok && last.value.notes.map((n) => n.text)).toEqual(['note 1']);
  });

  it('"me too" counts once per card, and once per guest visit', () => {
    const f = setup();
    f.post(f.tap(1), '希望增加充电线');
    const other = f.tap(2);
    expect(f.wishes.meToo({ pass: other, id: 1 })).toEqual({ ok: true, value: { kind: 'counted', meToo: 1 } });
    expect(f.wishes.meToo({ pass: other, id: 1 })).toEqual({ ok: true, value: { kind: 'already', meToo: 1 } });
    // The same card on a later visit is still the same card.
    f.clock.ms += MINUTE;
    expect(f.wishes.meToo({ pass: f.tap(2), id: 1 })).toEqual({ ok: true, value: { kind: 'already', meToo: 1 } });
    expect(f.wishes.meToo({ pass: f.guest(), id: 1 })).toEqual({ ok: true, value: { kind: 'counted', meToo: 2 } });
    expect(f.wishes.meToo({ pass: f.guest(), id: 1 })).toEqual({ ok: true, value: { kind: 'counted', meToo: 3 } });
    expect(f.wishes.meToo({ pass: f.guest(), id: 99 })).toEqual({ ok: true, value: { kind: 'not-found' } });
    expect(f.rows('SELECT me_too FROM wishes')).toEqual([{ me_too: 3 }]);
  });
});

describe('moderation', () => {
  it('refuses every action without a signed-in steward, changing nothing', () => {
    const f = setup();
    f.post(f.tap(1), '谢谢');
    const bad = 'X'.repeat(32);
    expect(f.wishes.moderate({ session: bad, id: 1, action: { kind: 'hide', reason: 'spam' } })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(f.wishes.listForModeration({ session: bad, filter: 'all', page: 0 })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(f.wishes.setModerationMode({ session: bad, mode: 'approval' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(f.rows('SELECT state FROM wishes')).toEqual([{ state: 'approved' }]);
    expect(f.steward.audits).toEqual([]);
  });

  it('hide with a reason takes it off the wall; every action is audited inside its transaction', () => {
    const f = setup();
    f.post(f.tap(1), '谢谢驿站');
    const hidden = f.wishes.moderate({ session, id: 1, action: { kind: 'hide', reason: '重复' } });
    expect(hidden.ok && hidden.value).toMatchObject({ state: 'hidden', hiddenReason: '重复' });
    const page = f.wishes.list({ page: 0, pageSize: 12 });
    expect(page.ok && page.value.notes).toEqual([]);
    expect(f.steward.audits).toEqual([{ steward: TEST_STEWARD, action: 'wish.hide', subject: 'wish 1', reason: '重复', inTransaction: true }]);
  });

  it('hiding a note calls onHidden once, inside the hide\'s transaction: if it throws, the note stays and nothing is audited', () => {
    const calls: [string, number][] = [];
    const f = setup({ onHidden: (uid, atMs) => calls.push([uid, atMs]) });
    f.post(f.tap(1), '谢谢驿站');
    const uid = f.rows<{ uid: string }>('SELECT uid FROM wishes')[0]!.uid;
    f.wishes.moderate({ session, id: 1, action: { kind: 'reply', text: '不客气' } });
    expect(calls).toEqual([]);
    f.wishes.moderate({ session, id: 1, action: { kind: 'hide', reason: '重复' } });
    f.wishes.moderate({ session, id: 1, action: { kind: 'hide', reason: '再次' } });
    expect(calls).toEqual([[uid, f.clock.ms]]);

    const failing = setup({ onHidden: () => { throw new Error('disk full'); } });
    failing.post(failing.tap(1), '谢谢驿站');
    expect(() => failing.wishes.moderate({ session, id: 1, action: { kind: 'hide', reason: '重复' } })).toThrow('disk full');
    expect(failing.rows('SELECT state, hidden_reason FROM wishes')).toEqual([{ state: 'approved', hidden_reason: null }]);
    expect(failing.steward.audits).toEqual([]);
  });

  it('a reply shows under the note, masked; done and pin are flags', () => {
    const f = setup();
    f.post(f.tap(1), '夏天要防晒袖套');
    f.wishes.moderate({ session, id: 1, action: { kind: 'reply', text: '已采购，有事联系13912345678' } });
    f.wishes.moderate({ session, id: 1, action: { kind: 'done', done: true } });
    const page = f.wishes.list({ page: 0, pageSize: 12 });
    expect(page.ok && page.value.notes[0]).toMatchObject({ reply: '已采购，有事联系139****5678', done: true });
    expect(f.steward.audits.map((a) => a.action)).toEqual(['wish.reply', 'wish.done']);
  });

  it('a reply with a bidi override is refused', () => {
    const f = setup();
    f.post(f.tap(1), '谢谢');
    expect(f.wishes.moderate({ session, id: 1, action: { kind: 'reply', text: 'ok\u202E' } })).toMatchObject({ ok: false, code: 'invalid-argument' });
    expect(f.steward.audits).toEqual([]);
  });

  it('lists held notes with their hits, and switches the mode (audited, kept in the database)', () => {
    const f = setup();
    f.post(f.tap(1), '代開發票');
    const list = f.wishes.listForModeration({ session, filter: 'held', page: 0 });
    expect(list.ok && list.value).toMatchObject({ pageCount: 1, mode: 'immediate' });
    expect(list.ok && list.value.notes.map((n) => [n.state, n.heldFor, n.hits])).toEqual([['pending', 'words', ['代开发票']]]);
    expect(f.wishes.setModerationMode({ session, mode: 'approval' })).toEqual({ ok: true, value: {} });
    expect(f.rows('SELECT key, value FROM wish_settings')).toEqual([{ key: 'moderation', value: 'approval' }]);
    expect(f.post(f.tap(2), '谢谢')).toMatchObject({ kind: 'held', heldFor: 'approval' });
    expect(f.steward.audits.map((a) => [a.action, a.reason, a.inTransaction])).toEqual([['wish.mode', 'approval', true]]);
  });

  it('an unknown note is not-found, and nothing is audited', () => {
    const f = setup();
    expect(f.wishes.moderate({ session, id: 5, action: { kind: 'approve' } })).toMatchObject({ ok: false, code: 'not-found' });
    expect(f.steward.audits).toEqual([]);
  });
});
