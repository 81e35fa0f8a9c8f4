/** Types of scripts/build-station.mjs, for the TypeScript that imports it (tests, benches). */
export declare const EXTERNAL: readonly string[];
export declare const STATION_ENTRY: string;
export declare const STATION_BUNDLE: string;
export declare const SUPERVISOR_BUNDLE: string;
export declare function buildStation(): Promise<void>;
/** Bundles `entry` (relative to the root) into `outfile` as the station service is bundled. */
export declare function bundle(entry: string, outfile: string, buildId: string): Promise<unknown>;
export declare function writeCodeCache(bundle: string, buildId: string): void;
