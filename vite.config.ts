import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The desktop web front end. Sources live in src/web; the build lands in dist/web, which the
 * server serves. In development the API is proxied to the server on port 3000.
 */
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
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
