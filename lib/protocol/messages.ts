import { z } from 'zod';
import { hypothesisChangeSchema } from '../db/hypothesis-edits';
import { deletedProfileSchema } from '../db/profiles';
import { profileSchema, rewriteFeedbackSchema, sampleSchema } from '../db/records';
import { attributeValuesSchema } from '../hyperalign/schema';
import { importSummarySchema } from '../import-writing/admit-imported-writing';
import { readWritingSchema } from '../import-writing/read-writing-result';
import { profileImportPreviewSchema, profileImportSummarySchema } from '../profile-transfer/import-profiles';
import { MAX_IMPORT_BYTES } from '../profile-transfer/export-format';
import { localServerFindingSchema } from '../llm/local-servers';
import { MAX_OFFERED_CHARS, sampleOfferSchema } from '../samples/sample-offer';
import { MAX_BULK_SAMPLES } from '../samples/sample-table';
import { sampleVerdictSchema } from '../samples/sample-verdict';
import { llmSettingsFieldsSchema, llmSettingsSchema } from '../settings/schema';
import { shownStyleScoreSchema } from '../style/shown-score';

/**
 * Who may send a message. Every message is open to the extension's own pages (popup, options);
 * `content-scripts` opens it to the harvesting script too, which runs beside pages Idiolect does
 * not control, so only what that script needs is declared so.
 */
export type Audience = 'extension-pages' | 'content-scripts';

export interface MessageDeclaration<In extends z.ZodType = z.ZodType, Out extends z.ZodType = z.ZodType> {
  audience: Audience;
  input: In;
  output: Out;
}

function message<In extends z.ZodType, Out extends z.ZodType>(audience: Audience, input: In, output: Out): MessageDeclaration<In, Out> {
  return { audience, input, output };
}

/** No input; and for outputs, no answer beyond "done". */
const nothing = z.undefined();
const done = z.void();

export const sampleSubmissionSchema = sampleOfferSchema.pick({ text: true, kind: true, recipientDomain: true });
export type SampleSubmission = z.input<typeof sampleSubmissionSchema>;

/** What the content script must know before it reads or hands over a sent text. */
export const harvestPolicySchema = z.object({
  /** Whether this page's site is allowed and collection is not paused. */
  collecting: z.boolean(),
  /** The site is allowed but all collection is paused: a text sent now is not read, and the page may say so. */
  paused: z.boolean(),
  reviewBeforeSaving: z.boolean(),
  /** Whether to say quietly in the page what happened to each sent text. */
  showSentTextNotices: z.boolean(),
});
export type HarvestPolicy = z.infer<typeof harvestPolicySchema>;

export const llmSettingsViewSchema = z.object({
  settings: llmSettingsSchema,
  hasApiKey: z.boolean(),
  /** Whether this browser has an on-device model (Chrome's Prompt API). */
  builtIn: z.enum(['unavailable', 'downloadable', 'downloading', 'available']).optional(),
});
export type LlmSettingsView = z.infer<typeof llmSettingsViewSchema>;

/** The endpoint as typed (checked by the handler, which words its own errors); `apiKey`: a new key, `null` to forget the saved one, absent to keep it. */
export const llmSettingsChangeSchema = z.object({
  settings: llmSettingsFieldsSchema,
  apiKey: z.string().max(1_000).nullable().optional(),
});
export type LlmSettingsChange = z.infer<typeof llmSettingsChangeSchema>;

export const connectionReportSchema = z.object({ ok: z.boolean(), message: z.string(), models: z.array(z.string()) });

const siteInput = z.string().max(2_000);
const id = z.string().min(1).max(100);
const sampleIds = z.array(id).min(1).max(MAX_BULK_SAMPLES);
const bulkChangeSchema = z.object({ changedIds: z.array(id), profileIds: z.array(id) });

/** Every message the background serves: the one protocol of the content script, the popup and the options page. */
export const backgroundMessages = {
  // The harvesting script's messages.
  submitSample: message('content-scripts', sampleSubmissionSchema, sampleVerdictSchema),
  /** What submitSample would answer, storing nothing: the review card asks only about texts that would be kept. */
  previewSample: message('content-scripts', sampleSubmissionSchema, sampleVerdictSchema),
  getHarvestPolicy: message('content-scripts', nothing, harvestPolicySchema),
  /** The control beside a field was pressed: put the rewrite card into the sender's own tab and frame. */
  openRewriteCard: message('content-scripts', nothing, done),

  getLlmSettings: message('extension-pages', nothing, llmSettingsViewSchema),
  saveLlmSettings: message('extension-pages', llmSettingsChangeSchema, llmSettingsViewSchema),
  /** Lists the models and runs one tiny completion with the settings as typed. */
  testLlmConnection: message('extension-pages', llmSettingsChangeSchema, connectionReportSchema),
  /** The model names the endpoint as typed offers (for the model picker); empty when it does not say. */
  listLlmModels: message('extension-pages', llmSettingsChangeSchema, z.array(z.string())),
  /** Ollama, LM Studio and llama.cpp answering on this computer at their default addresses, for the guided start. */
  findLocalModels: message('extension-pages', nothing, z.array(localServerFindingSchema)),

  allowSite: message('extension-pages', siteInput, z.array(z.string())),
  disallowSite: message('extension-pages', siteInput, z.array(z.string())),
  setCollectionPaused: message('extension-pages', z.boolean(), done),
  setReviewBeforeSaving: message('extension-pages', z.boolean(), done),
  setShowSentTextNotices: message('extension-pages', z.boolean(), done),
  setRedactBeforeStoring: message('extension-pages', z.boolean(), done),
  wipeAllData: message('extension-pages', nothing, done),
  inferNow: message('extension-pages', nothing, z.object({ queued: z.boolean() })),
  /** "Sounds like you" for a draft or a rewrite, against the profile's fingerprint. */
  scoreStyle: message('extension-pages', z.object({ profileId: id, text: z.string().max(20_000) }), shownStyleScoreSchema),
  /** Samples that look unlike the rest of the profile (their score: lower is less alike). */
  findUnlikeSamples: message('extension-pages', z.array(z.object({ id, text: z.string() })).max(1_000), z.array(z.object({ id, score: z.number() }))),

  // Samples, through the admission pipeline; each ends in the "samples changed" step.
  addPastedText: message('extension-pages', z.string().max(MAX_OFFERED_CHARS), importSummarySchema),
  importWriting: message('extension-pages', readWritingSchema, importSummarySchema),
  /** What an export file holds and what of it is new here ("Your data" shows it before importing); writes nothing. */
  previewProfileImport: message('extension-pages', z.string().max(MAX_IMPORT_BYTES), profileImportPreviewSchema),
  /** Merges an export file into what is here: nothing lost, nothing added twice. */
  importProfileFile: message('extension-pages', z.string().max(MAX_IMPORT_BYTES), profileImportSummarySchema),
  setSampleExcluded: message('extension-pages', z.object({ sampleId: id, excluded: z.boolean() }), done),
  deleteSample: message('extension-pages', id, done),
  /** The samples table's bulk actions, each one transaction; each answers what changed, for its Undo. */
  setSamplesExcluded: message('extension-pages', z.object({ sampleIds: sampleIds, excluded: z.boolean() }), bulkChangeSchema),
  /** Answers the deleted samples whole: "Undo" hands them back to restoreSamples. */
  deleteSamples: message('extension-pages', sampleIds, z.array(sampleSchema)),
  /** Puts deleted samples back exactly (ids and all), into profiles that still exist. */
  restoreSamples: message('extension-pages', z.array(sampleSchema).max(MAX_BULK_SAMPLES), bulkChangeSchema),
  moveSamples: message('extension-pages', z.object({ sampleIds: sampleIds, profileId: id }), bulkChangeSchema),

  // Profiles (voices) and their hypotheses.
  createProfile: message('extension-pages', z.string().max(200), profileSchema),
  renameProfile: message('extension-pages', z.object({ profileId: id, name: z.string().max(200) }), done),
  switchActiveProfile: message('extension-pages', id, done),
  /** Deletes a voice (never the last one) and answers with everything that went, for "Undo". */
  deleteProfile: message('extension-pages', id, deletedProfileSchema),
  /** "Undo" of deleteProfile: the voice back exactly as it was, with its sites. */
  restoreProfile: message('extension-pages', deletedProfileSchema, profileSchema),
  /** Gives an allowed site its own voice (`profileId: null`: the active profile). */
  setSiteVoice: message('extension-pages', z.object({ site: siteInput, profileId: id.nullable() }), done),
  /** The voice a site uses (a host such as "mail.google.com"): the one chosen for it in Sites, else the active one. */
  voiceForSite: message('extension-pages', siteInput, z.object({ profile: profileSchema, chosenForSite: z.boolean() })),
  changeHypothesis: message('extension-pages', z.object({ setId: id, hypothesisId: id, change: hypothesisChangeSchema }), done),
  /** "About you" as the person set it; the fields they changed are theirs from then on. */
  changeAttributes: message('extension-pages', z.object({ setId: id, attributes: attributeValuesSchema }), done),

  // What the person says of a rewrite: evidence for the next refinement.
  // Open to content scripts for the in-page card, which asks for feedback on its rewrites as the popup does.
  saveRewriteFeedback: message('content-scripts', rewriteFeedbackSchema.omit({ createdAt: true }), done),
  deleteRewriteFeedback: message('content-scripts', id, done),
} satisfies Record<string, MessageDeclaration>;

/** Messages the background sends to the harvesting scripts in open tabs. */
export const contentScriptMessages = {
  /** Ask for the policy again (pause, a site removed). */
  harvestPolicyChanged: message('extension-pages', nothing, done),
} satisfies Record<string, MessageDeclaration>;

export type BackgroundMessages = typeof backgroundMessages;
export type BackgroundMessage = keyof BackgroundMessages;
export type MessageInput<K extends BackgroundMessage> = z.output<BackgroundMessages[K]['input']>;
export type MessageOutput<K extends BackgroundMessage> = z.input<BackgroundMessages[K]['output']>;
/** What a sender passes (before defaults are filled in). */
export type MessageData<K extends BackgroundMessage> = z.input<BackgroundMessages[K]['input']>;
