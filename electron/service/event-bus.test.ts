import { describe, expect, it } from 'vitest';
import type { EventName } from '../../common/contract';
import { createEventBus } from './event-bus';

const status = { devices: [] };

describe('event bus', () => {
  it('delivers to every listener of the event, in order, and unsubscribes', () => {
    const bus = createEventBus();
    const got: string[] = [];
    const offA = bus.on('deviceStatus', () => got.push('a'));
    bus.on('deviceStatus', () => got.push('b'));
    bus.on('cardError', () => got.push('other'));
    bus.emit('deviceStatus', status);
    offA();
    offA();
    bus.emit('deviceStatus', status);
    expect(got).toEqual(['a', 'b', 'b']);
  });

  it('a listener that throws is reported and the others still hear the event', () => {
    const errors: [EventName, string][] = [];
    const bus = createEventBus((event, error) => errors.push([event, (error as Error).message]));
    const got: string[] = [];
    bus.on('deviceStatus', () => {
      throw new Error('window gone');
    });
    bus.on('deviceStatus', () => got.push('b'));
    bus.emit('deviceStatus', status);
    expect(got).toEqual(['b']);
    expect(errors).toEqual([['deviceStatus', 'window gone']]);
  });

  it('the same function subscribed twice is called twice and unsubscribed separately', () => {
    const bus = createEventBus();
    let calls = 0;
    const listener = () => (calls += 1);
    const off1 = bus.on('deviceStatus', listener);
    bus.on('deviceStatus', listener);
    bus.emit('deviceStatus', status);
    off1();
    bus.emit('deviceStatus', status);
    expect(calls).toBe(3);
  });
});
