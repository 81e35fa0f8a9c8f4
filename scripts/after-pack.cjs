/**
 * electron-builder's afterPack hook: sets the Electron fuses of the packaged binary before it
 * is wrapped into an AppImage, deb or installer. Fuses are bits in the binary itself, so no
 * command line, environment variable or file next to the app can turn them back on.
 *
 * CommonJS because electron-builder loads hooks with require().
 */
const { join } = require('node:path');
const { flipFuses, FuseV1Options, FuseVersion } = require('@electron/fuses');

/**
 * Every fuse of the V1 wire, each set explicitly (`strictlyRequireAllFuses` fails the build
 * when an Electron upgrade adds one we have not decided on).
 */
const STATION_FUSES = {
  version: FuseVersion.V1,
  strictlyRequireAllFuses: true,
  // `ELECTRON_RUN_AS_NODE=1 rest-station-kiosk script.js` would run any script with our app's rights.
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS could preload code into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect / --inspect-brk would open a debugger on the main process.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // Validated on Windows (and macOS); Linux Electron has no asar integrity check yet, and
  // the package files there are root-owned (deb) or inside the read-only AppImage.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Only app.asar, never a loose resources/app folder someone drops next to it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // The page comes from the station:// scheme (electron/main/app-protocol.ts); file:// shows
  // only the script-free recovery page, so it keeps no privileges beyond a browser's.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/** Path of the Electron binary electron-builder has just packed, per platform. */
function packedBinary(context) {
  const { electronPlatformName, appOutDir, packager } = context;
  switch (electronPlatformName) {
    case 'linux':
      return join(appOutDir, packager.executableName);
    case 'win32':
      return join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    case 'darwin':
      return join(appOutDir, `${packager.appInfo.productFilename}.app`);
    default:
      throw new Error(`after-pack: no fuses for platform ${electronPlatformName}`);
  }
}

async function afterPack(context) {
  const binary = packedBinary(context);
  await flipFuses(binary, { ...STATION_FUSES, resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' });
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.STATION_FUSES = STATION_FUSES;
module.exports.packedBinary = packedBinary;
