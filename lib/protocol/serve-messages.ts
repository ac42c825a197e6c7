import { onMessage } from '../messaging';
import { backgroundMessages, type BackgroundMessage, type MessageInput, type MessageOutput } from './messages';
import { isFromExtensionPage } from './sender-check';

export interface MessageSender {
  /** The page that sent it: an extension page, or the web page a content script runs in. */
  url?: string;
  tab?: { url?: string; id?: number };
  frameId?: number;
}

/** What a handler learns about the sender: the address of the page it came from. */
export interface SenderPage {
  url: string | undefined;
  /** The tab and frame a content script's message came from (absent for extension pages). */
  tabId?: number;
  frameId?: number;
}

export type MessageHandler<K extends BackgroundMessage> = (input: MessageInput<K>, sender: SenderPage) => MessageOutput<K> | Promise<MessageOutput<K>>;
export type MessageHandlers = { [K in BackgroundMessage]: MessageHandler<K> };

export const NOT_FROM_WEB_PAGES = 'Not allowed from a web page.';

function describeIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  return issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');
}

/**
 * One message served as declared: a sender the audience does not include is refused, the input
 * is checked against its schema before the handler sees it, and the answer against its own.
 */
export function servedListener<K extends BackgroundMessage>(name: K, handler: MessageHandler<K>, extensionOrigin: string) {
  const declaration = backgroundMessages[name];
  return async ({ data, sender }: { data: unknown; sender: MessageSender }) => {
    if (declaration.audience !== 'content-scripts' && !isFromExtensionPage(sender.url, extensionOrigin)) throw new Error(NOT_FROM_WEB_PAGES);
    const input = declaration.input.safeParse(data);
    if (!input.success) throw new Error(`Idiolect could not read this request (${name}): ${describeIssues(input.error.issues)}.`);
    const output = await handler(input.data as MessageInput<K>, { url: sender.url ?? sender.tab?.url, tabId: sender.tab?.id, frameId: sender.frameId });
    return declaration.output.parse(output);
  };
}

/** Serves every declared message; the type makes a declared message without a handler an error. */
export function serveMessages(handlers: MessageHandlers, extensionOrigin: string): void {
  for (const name of Object.keys(backgroundMessages) as BackgroundMessage[]) {
    // Each name with its own handler; the loop variable loses that pairing for the type checker.
    onMessage(name, servedListener(name, handlers[name] as MessageHandler<typeof name>, extensionOrigin) as never);
  }
}
