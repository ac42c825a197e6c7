import { defineConfig } from 'wxt';

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
    // A keyboard way to open the popup over the field being written in (it also grants activeTab).
    commands: {
      [manifestVersion === 3 ? '_execute_action' : '_execute_browser_action']: {
        suggested_key: { default: 'Alt+Shift+I' },
        description: 'Open Idiolect to rewrite the text you are writing',
      },
      // The card over the field itself; the shortcut grants activeTab, so it works on any page.
      'rewrite-in-place': {
        suggested_key: { default: 'Alt+Shift+R' },
        description: 'Rewrite in place: the selection, or the text you are writing',
      },
    },
    browser_specific_settings: {
      gecko: { id: 'idiolect@idiolect.invalid', strict_min_version: '115.0' },
    },
  }),
});
