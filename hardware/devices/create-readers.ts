import type { CardReader } from '../drivers/card-reader/card-reader';
import { createHidCardReader } from '../drivers/card-reader/hid-card-reader';
import { createSerialCardReader, type SerialCodecKind } from '../drivers/card-reader/serial-card-reader';
import type { Clock } from '../drivers/clock';
import { CardReaderSimulator } from '../simulators/card-reader-simulator';
import { HidTransport, type HidDeviceRef } from '../transport/hid-transport';
import { createTransportPair } from '../transport/memory-transport';
import { SerialTransport } from '../transport/serial-transport';
import type { DevicesConfig, ReaderConfig } from './device-config';

export interface CreateReadersOptions {
  /** Receives the simulator behind each `simulated` reader, to tap cards in dev and tests. */
  readonly onSimulator?: (readerId: string, simulator: CardReaderSimulator) => void;
  readonly clock?: Clock;
}

const SERIAL_CODECS: Record<string, SerialCodecKind> = {
  'serial-em4100': 'em4100-ascii',
  'serial-binary': 'binary',
  'serial-qr': 'qr-line',
};

/** One `CardReader` per configured reader, not yet started. Never opens a device itself. */
export function createCardReaders(config: DevicesConfig, options: CreateReadersOptions = {}): CardReader[] {
  return config.readers.map((reader) => createReader(reader, options));
}

function createReader(reader: ReaderConfig, options: CreateReadersOptions): CardReader {
  const common = { id: reader.id, name: reader.name, byteOrder: reader.byteOrder, clock: options.clock };
  const codec = SERIAL_CODECS[reader.type];
  if (codec !== undefined) {
    const path = reader.path ?? '';
    return createSerialCardReader({
      ...common,
      codec,
      createTransport: () => new SerialTransport({ path, baudRate: reader.baudRate }),
      // A Unix device node vanishes on unplug; Windows COM names do not, so only paths are watched.
      livenessPath: path.startsWith('/') ? path : undefined,
    });
  }
  if (reader.type === 'hid-keyboard' || reader.type === 'hid-vendor') {
    const device: HidDeviceRef = reader.path !== undefined ? { path: reader.path } : { vendorId: reader.vendorId ?? 0, productId: reader.productId ?? 0 };
    return createHidCardReader({
      ...common,
      mode: reader.type === 'hid-keyboard' ? { kind: 'keyboard' } : { kind: 'vendor', format: reader.vendorFormat, reportId: reader.reportId },
      createTransport: () => new HidTransport({ device }),
    });
  }
  // 'simulated': an EM4100 reader on an in-process pipe, its device side played by a simulator.
  const { host, device } = createTransportPair(`sim:${reader.id}`, `sim:${reader.id}:device`);
  void device.open();
  options.onSimulator?.(reader.id, new CardReaderSimulator(device, { clock: options.clock }));
  return createSerialCardReader({
    ...common,
    codec: 'em4100-ascii',
    simulated: true,
    onlineDetail: 'Simulated reader (no hardware).',
    createTransport: () => host,
  });
}
