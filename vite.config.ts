import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { phoneServiceWorker } from './src/web/m/build/pwa-plugin.js';

/**
 * The web front ends: the desktop app (src/web/index.html) and the grid worker's phone app
 * (src/web/m/index.html, served under /m with its service worker). Sources live in src/web; the
 * build lands in dist/web, which the server serves. In development the API is proxied to :3000.
 */
export default defineConfig({
  root: 'src/web',
  plugins: [react(), phoneServiceWorker()],
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      input: {
        main: fileURLToPath(new URL('./src/web/index.html', import.meta.url)),
        mobile: fileURLToPath(new URL('./src/web/m/index.html', import.meta.url)),
      },
      output: {
        // React and the router change rarely: keep them in their own long-cached chunk. antd is
        // left to the default splitting so that components used only by lazy pages stay lazy.
        codeSplitting: {
          groups: [{ name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ }],
        },
      },
    },
  },
});
