import { describe, expect, it } from 'vitest';
import { LOCKER_PROTOCOLS, lockerProtocol } from './index';

describe('locker protocol registry', () => {
  it('finds each protocol by its devices.json name, with its line speed and capabilities', () => {
    expect(Object.keys(LOCKER_PROTOCOLS)).toEqual(['8a80', 'kerong-cu16']);
    const bcc = lockerProtocol('8a80');
    expect([bcc.name, bcc.defaultBaudRate, bcc.boardAddresses, bcc.channelOptions]).toEqual(['8a80', 9600, { min: 1, max: 32 }, [8, 16, 24, 32]]);
    expect(bcc.capabilities).toEqual({ holdPower: true, queryLock: true, itemSensor: false, unsolicitedDoorReports: true, openAll: true });
    const cu16 = lockerProtocol('kerong-cu16');
    expect([cu16.name, cu16.defaultBaudRate, cu16.boardAddresses, cu16.channelOptions]).toEqual(['kerong-cu16', 19200, { min: 0, max: 15 }, [16]]);
    expect(cu16.capabilities).toEqual({ holdPower: false, queryLock: false, itemSensor: true, unsolicitedDoorReports: false, openAll: true });
  });

  it('refuses unknown names, including inherited object keys', () => {
    expect(() => lockerProtocol('cu12')).toThrow('unknown locker protocol "cu12"; known: 8a80, kerong-cu16');
    expect(() => lockerProtocol('toString')).toThrow(TypeError);
  });
});
