// Lint enforces the runtime boundaries: the path names the runtime.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeOnly = ['electron', 'node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'net', 'http', 'events', 'stream'];
const nativePackages = ['better-sqlite3', 'serialport', '@serialport/*', 'node-hid', 'ws'];
const noFocusedTests = { selector: "CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name=/^(only|skip|todo)$/]", message: 'No focused, skipped or todo tests.' };

/**
 * Electron's security checklist as lint rules (the Electron rules of Microsoft's
 * eslint-plugin-sdl, whose release needs ESLint 9): no window option that weakens isolation,
 * no remote content, no shell.openExternal, no ipcRenderer handed to the page. docs/security.md.
 */
const electronSecurity = [
  { selector: "Property[key.name=/^nodeIntegration(InWorker|InSubFrames)?$/][value.value=true]", message: 'Electron security: Node integration stays off in every renderer.' },
  { selector: "Property[key.name=/^(contextIsolation|sandbox|webSecurity)$/][value.value=false]", message: 'Electron security: contextIsolation, sandbox and webSecurity stay on.' },
  { selector: "Property[key.name=/^(allowRunningInsecureContent|experimentalFeatures|webviewTag)$/][value.value=true]", message: 'Electron security: no insecure content, experimental features or <webview>.' },
  { selector: "Property[key.name=/^(enableBlinkFeatures|disableBlinkFeatures)$/]", message: 'Electron security: Blink features stay as shipped.' },
  { selector: "CallExpression[callee.property.name='openExternal']", message: 'Electron security: the kiosk opens nothing outside itself (shell.openExternal).' },
  { selector: "CallExpression[callee.property.name=/^(loadURL|downloadURL)$/] > Literal[value=/^(https?|wss?|ftp):/]", message: 'Electron security: no remote content; pages come from the app (station://, loadURL(APP_PAGE_URL)).' },
  { selector: "CallExpression[callee.property.name='exposeInMainWorld'] > Identifier[name='ipcRenderer']", message: 'Electron security: never hand ipcRenderer to the page; expose named methods.' },
  { selector: "CallExpression[callee.property.name='exposeInMainWorld'] > ObjectExpression > Property[value.name=/^ipcRenderer$/]", message: 'Electron security: never hand ipcRenderer to the page; expose named methods.' },
  { selector: "CallExpression[callee.property.name='executeJavaScript']", message: 'Electron security: no code strings into the page.' },
];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'out', 'test-results', 'playwright-report', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', noFocusedTests],
    },
  },
  {
    // electron-builder loads its hooks with require().
    files: ['scripts/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['electron/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', noFocusedTests, ...electronSecurity] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: [...nodeOnly, ...nativePackages], message: 'renderer/ runs in the page: no Node, Electron or native packages.' },
          { group: ['**/hardware/**', '**/electron/**', '**/upstream/**', '**/tests/**'], message: 'renderer/ imports only common/ and its own files.' },
        ],
      }],
    },
  },
  {
    files: ['common/**/*.ts'],
    ignores: ['common/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: [...nodeOnly, ...nativePackages, 'react', 'react-dom', 'i18next'], message: 'common/ is pure TypeScript shared by the service and the page.' },
          { group: ['**/hardware/**', '**/electron/**', '**/renderer/**', '**/upstream/**'], message: 'common/ depends on nothing of ours.' },
        ],
      }],
    },
  },
  {
    files: ['hardware/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'react', 'react-dom', 'better-sqlite3'], message: 'hardware/ knows nothing of Electron, React or storage.' },
          { group: ['**/electron/**', '**/renderer/**'], message: 'hardware/ is below the service and the UI.' },
        ],
      }],
    },
  },
  {
    files: ['hardware/codecs/**/*.ts', 'hardware/card-id/**/*.ts', 'hardware/lockers/**/*.ts', 'hardware/printer/escpos*.ts', 'hardware/printer/pickup-slip.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: [...nodeOnly, ...nativePackages], message: 'Codecs are pure functions: no I/O, no Node APIs.' },
          { group: ['**/electron/**', '**/renderer/**', '**/transport/**', '**/drivers/**', '**/simulators/**'], message: 'Codecs import only common/ and other codecs.' },
        ],
      }],
    },
  },
);
