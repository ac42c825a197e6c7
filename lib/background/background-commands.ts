import type { IdiolectDatabase } from '../db/database';
import { changeAttributes, changeHypothesis } from '../db/hypothesis-edits';
import { createProfile, deleteProfile, ensureActiveProfile, renameProfile, restoreDeletedProfile, switchActiveProfile } from '../db/profiles';
import { deleteRewriteFeedback, saveRewriteFeedback } from '../db/rewrite-feedback';
import { deleteSample, setSampleExcluded } from '../db/sample-edits';
import { deleteSamples, moveSamples, restoreSamples, setSamplesExcluded, type BulkChange } from '../db/sample-writes';
import type { SecretStore } from '../db/secrets';
import { writeSetting } from '../db/settings';
import { ensureProfileForSite, readVoiceForSite, setSiteVoice } from '../db/site-voices';
import { readStyleFingerprint } from '../db/style-profiles';
import { findOutlierSamples, scoreStyle } from '../style';
import { shownStyleScore } from '../style/shown-score';
import { admitImportedWriting, admitPastedText, type AdmittedImport } from '../import-writing';
import { queueInferenceIfDue } from '../inference/inference-jobs';
import { importProfiles, previewProfileImport } from '../profile-transfer/import-profiles';
import type { MessageHandlers } from '../protocol/serve-messages';
import type { Admission } from '../samples/admit-samples';
import type { SamplesChanged } from '../samples/samples-changed';
import { allowSite, disallowSites, harvestPolicyFor, setCollectionPaused, setPageSetting } from './collection-control';
import { findLocalModels, listLlmModels, saveLlmSettings, testLlmConnection, viewLlmSettings, type LlmConnectionOptions } from './llm-connection';
import { openRewriteCardIn } from './rewrite-in-place';
import { acceptSubmittedSample, previewSubmittedSample } from './sample-intake';
import { addSelectedTextAsSample } from './selection-sample';
import { wipeEverything } from './wipe';

export interface BackgroundServices {
  db: IdiolectDatabase;
  secrets: SecretStore;
  llmOptions: LlmConnectionOptions;
  samplesChanged: SamplesChanged;
  /** Runs queued learning jobs. */
  startLearning(): void;
}

/** After a change to a profile's samples, whatever else it did; `null`: nothing changed. */
async function thenSamplesChanged(services: BackgroundServices, profileId: string | null): Promise<void> {
  if (profileId) await services.samplesChanged([profileId]);
}

/** The profile an admission added samples to; null when it added none. */
function changedProfileOf(admission: Admission): string | null {
  return admission.storedCount > 0 ? admission.profileId : null;
}

/** A bulk change of samples, then the "samples changed" step for every profile it touched. */
async function bulkThenSamplesChanged(services: BackgroundServices, change: Promise<BulkChange>): Promise<BulkChange> {
  const changed = await change;
  if (changed.profileIds.length > 0) await services.samplesChanged(changed.profileIds);
  return changed;
}

async function summaryAfterChange(services: BackgroundServices, admitted: Promise<AdmittedImport>) {
  const { admission, summary } = await admitted;
  await thenSamplesChanged(services, changedProfileOf(admission));
  return summary;
}

/** The context menu's "add selected text": a command too, ending like every other in "samples changed". */
export async function addSelectionAsSample(services: BackgroundServices, selection: { text: string; pageUrl: string | undefined }): Promise<void> {
  await thenSamplesChanged(services, changedProfileOf(await addSelectedTextAsSample(services.db, selection)));
}

/**
 * What the background does for each message of the protocol. It is the only writer of the
 * database: the popup and options page read through live queries and send these commands.
 */
export function backgroundCommands(services: BackgroundServices): MessageHandlers {
  const { db, secrets, llmOptions } = services;
  return {
    submitSample: async (submission, sender) => {
      const admission = await acceptSubmittedSample(db, submission, sender.url);
      await thenSamplesChanged(services, changedProfileOf(admission));
      return admission.verdicts[0]!;
    },
    previewSample: (submission, sender) => previewSubmittedSample(db, submission, sender.url),
    getHarvestPolicy: (_, sender) => harvestPolicyFor(db, sender.url),
    openRewriteCard: async (_, sender) => {
      if (sender.tabId === undefined) throw new Error('Only a page can open the rewrite card.');
      await openRewriteCardIn(sender.tabId, sender.frameId);
    },
    getLlmSettings: () => viewLlmSettings(db, secrets),
    saveLlmSettings: (change) => saveLlmSettings(db, secrets, change),
    testLlmConnection: (change) => testLlmConnection(db, secrets, change, llmOptions),
    findLocalModels: () => findLocalModels(),
    listLlmModels: (change) => listLlmModels(secrets, change),
    allowSite: (site) => allowSite(db, site),
    disallowSite: (site) => disallowSites(db, [site]),
    setCollectionPaused: (paused) => setCollectionPaused(db, paused),
    setReviewBeforeSaving: (review) => setPageSetting(db, 'reviewBeforeSaving', review),
    setShowSentTextNotices: (show) => setPageSetting(db, 'showSentTextNotices', show),
    setRedactBeforeStoring: async (redact) => {
      await writeSetting(db, 'redactBeforeStoring', redact);
    },
    wipeAllData: () => wipeEverything(db, secrets),
    inferNow: async () => {
      const profile = await ensureActiveProfile(db);
      await readStyleFingerprint(db, profile.id);
      const queued = (await queueInferenceIfDue(db, profile.id, { force: true })) !== null;
      services.startLearning();
      return { queued };
    },
    findUnlikeSamples: async (samples) => findOutlierSamples(samples.map((sample) => sample.text)).map(({ index, score }) => ({ id: samples[index]!.id, score })),
    scoreStyle: async ({ profileId, text }) => shownStyleScore(scoreStyle(text, await readStyleFingerprint(db, profileId))),
    addPastedText: (text) => summaryAfterChange(services, admitPastedText(db, text)),
    importWriting: (read) => summaryAfterChange(services, admitImportedWriting(db, read)),
    previewProfileImport: (fileText) => previewProfileImport(db, fileText),
    importProfileFile: async (fileText) => {
      const { changedProfileIds, ...summary } = await importProfiles(db, fileText);
      await services.samplesChanged(changedProfileIds);
      return summary;
    },
    setSampleExcluded: async ({ sampleId, excluded }) => thenSamplesChanged(services, await setSampleExcluded(db, sampleId, excluded)),
    deleteSample: async (sampleId) => thenSamplesChanged(services, await deleteSample(db, sampleId)),
    setSamplesExcluded: ({ sampleIds, excluded }) => bulkThenSamplesChanged(services, setSamplesExcluded(db, sampleIds, excluded)),
    deleteSamples: async (sampleIds) => {
      const deleted = await deleteSamples(db, sampleIds);
      if (deleted.length > 0) await services.samplesChanged(deleted.map((sample) => sample.profileId));
      return deleted;
    },
    restoreSamples: (samples) => bulkThenSamplesChanged(services, restoreSamples(db, samples)),
    moveSamples: ({ sampleIds, profileId }) => bulkThenSamplesChanged(services, moveSamples(db, sampleIds, profileId)),
    createProfile: (name) => createProfile(db, name),
    renameProfile: ({ profileId, name }) => renameProfile(db, profileId, name),
    switchActiveProfile: (profileId) => switchActiveProfile(db, profileId),
    deleteProfile: async (profileId) => {
      const deleted = await deleteProfile(db, profileId);
      await services.samplesChanged([]);
      return deleted;
    },
    restoreProfile: async (deleted) => {
      const profile = await restoreDeletedProfile(db, deleted);
      await services.samplesChanged([profile.id]);
      return profile;
    },
    setSiteVoice: ({ site, profileId }) => setSiteVoice(db, site, profileId),
    voiceForSite: async (site) => {
      const profile = await ensureProfileForSite(db, site);
      const chosen = (await readVoiceForSite(db, site))?.chosenForSite ?? false;
      return { profile, chosenForSite: chosen };
    },
    changeHypothesis: ({ setId, hypothesisId, change }) => changeHypothesis(db, setId, hypothesisId, change),
    saveRewriteFeedback: (feedback) => saveRewriteFeedback(db, { ...feedback, createdAt: new Date().toISOString() }),
    deleteRewriteFeedback: (feedbackId) => deleteRewriteFeedback(db, feedbackId),
    changeAttributes: ({ setId, attributes }) => changeAttributes(db, setId, attributes),
  };
}
