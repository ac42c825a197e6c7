import type { z } from 'zod';
import { IN_PAGE_REWRITE_PORT_NAME, rewriteEventSchema, rewriteStartSchema, REWRITE_PORT_NAME } from '../rewrite/rewrite-port';
import type { Audience } from './messages';
import { isFromExtensionPage } from './sender-check';

/** A long-lived connection, declared like a message: its name, who may open it, what flows each way. */
export interface PortDeclaration {
  name: string;
  audience: Audience;
  /** What the opener sends. */
  start: z.ZodType;
  /** What the background sends back. */
  events: z.ZodType;
}

export const backgroundPorts = {
  /** One rewrite, streamed; closing the port cancels it. */
  rewrite: { name: REWRITE_PORT_NAME, audience: 'extension-pages', start: rewriteStartSchema, events: rewriteEventSchema },
  /**
   * The same rewrite for the in-page card, which runs as a content script: injected only on a
   * site the person allowed or into a tab they invoked Idiolect on. A page's own script cannot
   * connect (the manifest declares no externally_connectable).
   */
  inPageRewrite: { name: IN_PAGE_REWRITE_PORT_NAME, audience: 'content-scripts', start: rewriteStartSchema, events: rewriteEventSchema },
} satisfies Record<string, PortDeclaration>;

export type BackgroundPort = keyof typeof backgroundPorts;

/** Which declared port a connection is, when its sender is in that port's audience; null otherwise. */
export function acceptedPort(port: { name: string; sender?: { url?: string } }, extensionOrigin: string): BackgroundPort | null {
  for (const [key, declared] of Object.entries(backgroundPorts) as Array<[BackgroundPort, PortDeclaration]>) {
    if (port.name !== declared.name) continue;
    return declared.audience === 'content-scripts' || isFromExtensionPage(port.sender?.url, extensionOrigin) ? key : null;
  }
  return null;
}
