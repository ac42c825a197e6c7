import { describe, expect, it } from 'vitest';
import type { InferenceJob } from '../db/records';
import { storageFullMessage } from '../db/storage-full';
import { learningStateOf } from './learning-state';

function job(state: InferenceJob['state'], error: string | null = null, fixIn: InferenceJob['fixIn'] = null): InferenceJob {
  const now = new Date().toISOString();
  return { id: 'j', kind: 'infer', profileId: 'p', state, attempts: 1, createdAt: now, updatedAt: now, error, resultSetId: null, fixIn };
}

describe('the learning state the Profile section shows', () => {
  it('follows the job from queued to done', () => {
    expect(learningStateOf(null)).toEqual({ kind: 'idle' });
    expect(learningStateOf(job('queued'))).toEqual({ kind: 'queued' });
    expect(learningStateOf(job('running'))).toEqual({ kind: 'learning' });
    expect(learningStateOf(job('done', 'Stored unverified.'))).toEqual({ kind: 'done', note: 'Stored unverified.' });
  });

  it('sends a failure to where the failed run said it can be fixed, and nowhere when trying again is the fix', () => {
    expect(learningStateOf(job('failed', 'The endpoint refused the API key (401).', 'model'))).toMatchObject({
      kind: 'failed',
      fix: { section: 'model', label: 'Check the model settings' },
    });
    expect(learningStateOf(job('failed', storageFullMessage('the new version of your profile'), 'your-data'))).toMatchObject({ fix: { section: 'your-data' } });
    expect(learningStateOf(job('failed', 'The model server is limiting how many requests it takes.'))).toMatchObject({ fix: null });
  });
});
