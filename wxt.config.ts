import { defineConfig } from 'wxt';
import { manifestCommands } from './lib/shortcuts/keyboard-shortcuts';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
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
