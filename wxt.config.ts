import { defineConfig } from 'wxt';
import { manifestCommands } from './lib/shortcuts/keyboard-shortcuts';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  hooks: {
    // The popup's first-screen reads start before React is evaluated (entrypoints/popup/first-screen.ts):
    // that needs them in chunks of their own, not in the one that holds ReactDOM. Two: what they read
    // with (lib/popup and everything it imports: Dexie, zod, the schemas, lib/db; no React), which the
    // options page shares, and the popup's own start, which only the popup loads.
    // Only the pages' build splits code (the background and the scripts are single files).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((entrypoint) => entrypoint.name === 'popup')) return;
      config.build ??= {};
      config.build.rolldownOptions = {
        ...config.build.rolldownOptions,
        output: {
          ...(config.build.rolldownOptions?.output as object | undefined),
          codeSplitting: {
            groups: [
              { name: 'first-screen-reads', test: /[\\/]lib[\\/]popup[\\/]/, priority: 2 },
              { name: 'popup-start', test: /[\\/]entrypoints[\\/]popup[\\/]first-screen\.ts$/, priority: 1 },
            ],
          },
        },
      };
    },
  },
  manifest: ({ manifestVersion }) => ({
    name: 'Idiolect',
    description: 'Rewrites your drafts in your own voice, learned on your device from what you write.',
    permissions: ['storage', 'unlimitedStorage', 'scripting', 'contextMenus', 'activeTab', 'alarms', ...(manifestVersion === 3 ? ['offscreen'] : [])],
    // OpenAI and local model servers (Ollama, LM Studio, llama.cpp on loopback) are reachable
    // without CORS. Pages are never touched through these: the harvesting script is registered
    // only for the sites the user allows, each asked for at run time.
    host_permissions: ['https://api.openai.com/*', '*://localhost/*', '*://127.0.0.1/*'],
    ...(manifestVersion === 3
      ? { optional_host_permissions: ['https://*/*', 'http://*/*'] }
      : { optional_permissions: ['https://*/*', 'http://*/*'] }),
    // Keyboard ways to open the popup and the in-page card; pressing one also grants activeTab.
    commands: manifestCommands(manifestVersion),
    browser_specific_settings: {
      gecko: { id: 'idiolect@idiolect.invalid', strict_min_version: '115.0' },
    },
  }),
});
