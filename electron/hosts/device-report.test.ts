import { describe, expect, it } from 'vitest';
import { parseDevicesConfig } from '../../hardware/devices/device-config';
import { configuredDeviceLines, simulatedLockersLine, simulatedPrinterLine, simulatedReaderLine } from './device-report';
import { screenChoice } from './chromium-launcher';

describe('start-up device lines', () => {
  it('name the simulated reader\'s pty, or the in-process link and why', () => {
    expect(simulatedReaderLine({ kind: 'pty', hostPath: '/d/sim/reader-host', devicePath: '/d/sim/reader-device' }))
      .toBe('Card reader: simulated on pty /d/sim/reader-host (tap a card: npm run sim -- tap 0040856634)');
    expect(simulatedReaderLine({ kind: 'in-process', reason: 'socat not found: sudo apt-get install -y socat' }))
      .toBe('Card reader: simulated in-process link, npm run sim cannot reach it (socat not found: sudo apt-get install -y socat)');
  });

  it('name the simulated wall, or say there are no lockers and why', () => {
    expect(simulatedLockersLine({ kind: 'wall', lockers: 12, hostPath: '/d/sim/lockers-host' }))
      .toBe('Lockers: simulated wall of 12 on pty /d/sim/lockers-host (shut a door: npm run sim -- locker close 1)');
    expect(simulatedLockersLine({ kind: 'none', reason: 'socat not found: sudo apt-get install -y socat' }))
      .toBe('Lockers: none (socat not found: sudo apt-get install -y socat)');
  });

  it('name the simulated slip printer, or say there is none and why', () => {
    expect(simulatedPrinterLine({ kind: 'printer', hostPath: '/d/sim/printer-host' }))
      .toBe('Slip printer: simulated on pty /d/sim/printer-host (see what it printed: npm run sim -- printer printed)');
    expect(simulatedPrinterLine({ kind: 'none', reason: 'socat not found: sudo apt-get install -y socat' }))
      .toBe('Slip printer: none (socat not found: sudo apt-get install -y socat)');
  });

  it('list every reader, locker bus and printer of a devices.json', () => {
    const parsed = parseDevicesConfig({
      readers: [
        { id: 'door', name: 'Door reader', type: 'serial-em4100', path: '/dev/ttyUSB0' },
        { id: 'pos', name: 'Desk reader', type: 'hid-vendor', vendorId: '1a86', productId: '0xE010' },
      ],
      lockerBuses: [
        { id: 'wall', name: 'Wall A', protocol: '8a80', path: '/dev/ttyUSB1', boards: [{ address: 1 }, { address: 2 }] },
        { id: 'cu', name: 'Wall B', protocol: 'kerong-cu16', path: '/dev/ttyUSB2', boards: [{ address: 0 }] },
      ],
      printer: { id: 'slips', name: 'Slip printer', path: '/dev/ttyUSB3' },
    });
    if (!parsed.ok) throw new Error(parsed.message);
    expect(configuredDeviceLines('/etc/station/devices.json', parsed.config)).toEqual([
      'Devices from /etc/station/devices.json:',
      'Card reader "Door reader": serial-em4100 on /dev/ttyUSB0',
      'Card reader "Desk reader": hid-vendor USB 1a86:e010',
      'Lockers "Wall A": 8a80 bus on /dev/ttyUSB1 at 9600 baud, boards 1, 2',
      'Lockers "Wall B": kerong-cu16 bus on /dev/ttyUSB2 at 19200 baud, board 0',
      'Slip printer "Slip printer": ESC/POS on /dev/ttyUSB3 at 19200 baud',
    ]);
  });

  it('say when a devices.json has no readers or no lockers', () => {
    const parsed = parseDevicesConfig({ readers: [] });
    if (!parsed.ok) throw new Error(parsed.message);
    expect(configuredDeviceLines('/d/devices.json', parsed.config)).toEqual([
      'Devices from /d/devices.json:',
      'Card reader: none configured',
      'Lockers: none configured',
      'Slip printer: none configured',
    ]);
  });
});

describe('screen line', () => {
  it('opens Chromium only with a display, a Chromium and no --headless, and says why not otherwise', () => {
    expect(screenChoice(false, true, '/usr/bin/chromium')).toEqual({ chromium: '/usr/bin/chromium', line: 'Screen: Chromium kiosk window (/usr/bin/chromium)' });
    expect(screenChoice(true, true, '/usr/bin/chromium')).toEqual({ chromium: null, line: 'Screen: none (--headless); open the private screen URL in a browser' });
    expect(screenChoice(false, false, '/usr/bin/chromium')).toEqual({ chromium: null, line: 'Screen: none (no display); open the private screen URL in a browser' });
    expect(screenChoice(false, true, null)).toEqual({
      chromium: null,
      line: 'Screen: none (Chromium not found: sudo apt-get install -y chromium); open the private screen URL in a browser',
    });
  });
});
