import { browser } from 'wxt/browser';
import { BUILT_IN_PORT_NAME, serveBuiltInModel } from '@/lib/llm/builtin-bridge';
import { findBuiltInLanguageModel } from '@/lib/llm/chrome-builtin';

// Hosts Chrome's on-device model (a document API) for the service worker: one port per session.
browser.runtime.onConnect.addListener((port) => {
  if (port.name === BUILT_IN_PORT_NAME) serveBuiltInModel(port, findBuiltInLanguageModel());
});
