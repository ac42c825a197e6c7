import { z } from 'zod';

/** Streaming needs a long-lived port: one per rewrite, and closing it cancels the rewrite. */
export const REWRITE_PORT_NAME = 'idiolect-rewrite';

export const rewriteStartSchema = z.object({
  type: z.literal('start'),
  draft: z.string().trim().min(1, 'Type or paste a draft first.').max(20_000, 'The draft is too long (over 20,000 characters).'),
});
export type RewriteStart = z.infer<typeof rewriteStartSchema>;

export const rewriteEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('delta'), text: z.string() }),
  z.object({ type: z.literal('done'), text: z.string() }),
  z.object({ type: z.literal('error'), message: z.string() }),
]);
export type RewriteEvent = z.infer<typeof rewriteEventSchema>;
