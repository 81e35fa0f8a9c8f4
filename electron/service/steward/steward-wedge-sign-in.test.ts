import { describe, expect, it } from 'vitest';
import { STANDARD_LAYOUT, useLockerStations } from '../testing/locker-fixture';
import { useTempDirs } from '../testing/temp-dirs';
import { HOST_CARD, HOST_PIN, stewardStation, writeStewards } from './steward-test-kit';

const start = useLockerStations();
const temp = useTempDirs('steward-wedge-');
const WORKER = '0040856634';

async function withStewards() {
  const dataDir = temp.make();
  writeStewards(dataDir);
  return stewardStation(start, { dataDir, layout: STANDARD_LAYOUT });
}

describe('a steward card on a keyboard-wedge reader', () => {
  it('at the open sign-in screen starts sign-in as a serial reader does: no visit, then the PIN', async () => {
    const { s, cards } = await withStewards();
    await s.service.api.openStewardSignIn();
    expect(await s.service.api.submitWedgeRead({ text: HOST_CARD })).toEqual({ ok: true, value: { kind: 'steward-card' } });
    expect(cards).toEqual([{ pending: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/), name: '王芳' }]);
    expect(s.rows('SELECT * FROM visits')).toEqual([]);
    expect(s.seen.filter((e) => e.event === 'checkIn')).toEqual([]);
    const signed = await s.service.api.signInSteward({ pending: cards[0]?.pending ?? null, pin: HOST_PIN });
    expect(signed).toMatchObject({ ok: true, value: { kind: 'signed-in', steward: { name: '王芳', role: 'host' } } });
  });

  it('with the sign-in screen closed it is an ordinary check-in', async () => {
    const { s, cards } = await withStewards();
    expect(await s.service.api.submitWedgeRead({ text: HOST_CARD })).toMatchObject({ ok: true, value: { kind: 'welcome', visitNumber: 1 } });
    expect(cards).toEqual([]);
    expect(s.rows('SELECT kind FROM visits')).toEqual([{ kind: 'member' }]);
  });

  it('a worker card read by the wedge during a session is a normal check-in and ends the session', async () => {
    const { s, signIn } = await withStewards();
    const session = await signIn();
    expect(await s.service.api.submitWedgeRead({ text: WORKER })).toMatchObject({ ok: true, value: { kind: 'welcome' } });
    expect(s.rows('SELECT kind FROM visits')).toEqual([{ kind: 'member' }]);
    expect(await s.service.api.listLockers({ session })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(s.rows('SELECT action, reason FROM steward_actions ORDER BY id')).toEqual([
      { action: 'steward.sign-in', reason: null },
      { action: 'steward.sign-out', reason: 'a worker card was tapped' },
    ]);
  });
});
