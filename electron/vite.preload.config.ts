import { defineConfig } from 'vite';

export const preloadConfig = defineConfig({
  build: { rollupOptions: { external: ['electron'] } },
});

export default preloadConfig;
