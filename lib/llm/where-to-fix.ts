import { isStorageFull } from '../db/storage-full';
import type { OptionsSectionId } from '../options/sections';
import { LlmError, type LlmErrorCode } from './errors';

/** Failures the person fixes in the Model section: the endpoint, its key, its model or its settings. */
const FIXED_IN_MODEL: ReadonlySet<LlmErrorCode> = new Set([
  'auth',
  'not-found',
  'unknown-model',
  'forbidden',
  'ollama-origin',
  'cors',
  'quota',
  'unreachable',
  'not-an-api',
  'context-too-long',
  'unsupported',
]);

/** The section of the options page where the person can fix what made this fail; null when waiting or trying again is the fix. */
export function sectionToFix(error: unknown): OptionsSectionId | null {
  if (isStorageFull(error)) return 'your-data';
  if (error instanceof LlmError && FIXED_IN_MODEL.has(error.code)) return 'model';
  return null;
}
