// Electron Forge: Vite builds main, preload, the broker and the renderer; makers for zip and
// deb; fuses per Electron's security checklist. `npm start` = electron-forge start,
// `npm run make` packages. (Electron cannot run on our CI machines: there, `npm run
// typecheck` checks this file and electron/main + electron/preload against Electron's types.)
import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ForgeConfig } from '@electron-forge/shared-types';
import { MakerDeb } from '@electron-forge/maker-deb';
import { MakerZIP } from '@electron-forge/maker-zip';
import { FusesPlugin } from '@electron-forge/plugin-fuses';
import { VitePlugin } from '@electron-forge/plugin-vite';
import { FuseV1Options, FuseVersion } from '@electron/fuses';

/** Native (N-API) modules the broker loads at run time, copied beside the bundles. */
const NATIVE_MODULES = ['keytar', 'node-pty', 'libsql', '@libsql', 'node-addon-api', '@neon-rs', 'detect-libc'];

export const config: ForgeConfig = {
  packagerConfig: {
    name: 'Latch',
    executableName: 'latch-app',
    asar: { unpack: '**/*.node' },
  },
  rebuildConfig: {},
  makers: [new MakerZIP({}, ['darwin', 'linux', 'win32']), new MakerDeb({ options: { name: 'latch', productName: 'Latch', categories: ['Development'] } })],
  hooks: {
    packageAfterCopy: async (_config, buildPath) => {
      for (const name of NATIVE_MODULES) {
        const from = join(process.cwd(), 'node_modules', name);
        if (existsSync(from)) cpSync(from, join(buildPath, 'node_modules', name), { recursive: true });
      }
    },
  },
  plugins: [
    new VitePlugin({
      build: [
        { entry: 'electron/main/index.ts', config: 'electron/vite.main.config.ts', target: 'main' },
        { entry: 'electron/broker/main.ts', config: 'electron/vite.main.config.ts', target: 'main' },
        { entry: 'electron/preload/index.ts', config: 'electron/vite.preload.config.ts', target: 'preload' },
      ],
      renderer: [{ name: 'main_window', config: 'vite.renderer.config.ts' }],
    }),
    new FusesPlugin({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
    }),
  ],
};

// Forge reads the config file's default export; this is the one place we need one.
export default config;
