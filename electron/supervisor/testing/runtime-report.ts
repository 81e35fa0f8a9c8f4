/**
 * Test double of the station service for service-process.test.ts: a real child process that
 * sends its runtime flags (`process.execArgv`) up the IPC channel and exits.
 */
process.send?.({ execArgv: process.execArgv, supervised: process.env.STATION_SUPERVISED ?? null }, () => process.exit(0));
