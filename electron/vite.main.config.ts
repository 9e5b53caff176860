import { defineConfig } from 'vite';

// Electron main (and the broker it forks): Node targets; native modules stay external and
// are copied into the package by forge.config.ts's packageAfterCopy hook.
export const mainConfig = defineConfig({
  build: {
    rollupOptions: { external: ['electron', 'keytar', 'node-pty', 'libsql', '@parcel/watcher', 'pg-native'] },
  },
});

export default mainConfig;
