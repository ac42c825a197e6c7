/**
 * Whether a message or port comes from one of the extension's own pages (popup, options). A
 * content script's sender is the web page it runs in.
 */
export function isFromExtensionPage(senderUrl: string | undefined, extensionOrigin: string): boolean {
  if (!senderUrl) return false;
  try {
    // `origin` is "null" for extension schemes in some runtimes; compare scheme and host instead.
    const sender = new URL(senderUrl);
    const extension = new URL(extensionOrigin);
    return sender.protocol === extension.protocol && sender.host === extension.host && sender.host !== '';
  } catch {
    return false;
  }
}
