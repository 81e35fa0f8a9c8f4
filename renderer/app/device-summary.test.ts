import { describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../common/domain';
import { cardReaderOffline } from './device-summary';

const device = (kind: DeviceStatus['kind'], state: DeviceStatus['state']): DeviceStatus => ({
  id: `${kind}-${state}`,
  kind,
  name: kind,
  simulated: false,
  state,
  detail: '',
});

describe('cardReaderOffline', () => {
  it('is true only for an offline card reader', () => {
    expect(cardReaderOffline([])).toBe(false);
    expect(cardReaderOffline([device('card-reader', 'online'), device('locker-bus', 'offline')])).toBe(false);
    expect(cardReaderOffline([device('card-reader', 'degraded')])).toBe(false);
    expect(cardReaderOffline([device('card-reader', 'online'), device('card-reader', 'offline')])).toBe(true);
  });
});
