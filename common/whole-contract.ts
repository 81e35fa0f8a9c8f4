/**
 * The whole contract as one schema source, for clients where size does not matter: the
 * Electron preload (one file, no chunks to load) and Node-side tools and tests.
 */
import type { SchemaSource } from './client';
import { stationEvents, stationMethods } from './contract';

const WHOLE = { methods: stationMethods, events: stationEvents };

/** Every section at once: the answer to any section is the whole contract's tables. */
export const wholeContract: SchemaSource = () => WHOLE;
