import { defineExtensionMessaging, type ProtocolWithReturn } from '@webext-core/messaging';
import type { z } from 'zod';
// Types only: the content script must not carry the protocol's schemas (they are checked where the message is served).
import type { backgroundMessages, contentScriptMessages, MessageDeclaration } from './protocol/messages';

type Wire<Declared extends Record<string, MessageDeclaration>> = {
  [K in keyof Declared]: ProtocolWithReturn<z.input<Declared[K]['input']>, z.output<Declared[K]['output']>>;
};

/** The protocol as senders see it, derived from the declarations in lib/protocol/messages.ts. */
export type ProtocolMap = Wire<typeof backgroundMessages> & Wire<typeof contentScriptMessages>;

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();

export type { HarvestPolicy, LlmSettingsChange, LlmSettingsView, SampleSubmission } from './protocol/messages';
export type { SampleVerdict } from './samples/sample-verdict';
