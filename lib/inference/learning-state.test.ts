import { describe, expect, it } from 'vitest';
import type { InferenceJob } from '../db/records';
import { storageFullMessage } from '../db/storage-full';
import { learningStateOf } from './learning-state';

function job(state: InferenceJob['state'], error: string | null = null): InferenceJob {
  const now = new Date().toISOString();
  return { id: 'j', kind: 'infer', profileId: 'p', state, attempts: 1, createdAt: now, updatedAt: now, error, resultSetId: null };
}

describe('the learning state the Profile section shows', () => {
  it('follows the job from queued to done', () => {
    expect(learningStateOf(null)).toEqual({ kind: 'idle' });
    expect(learningStateOf(job('queued'))).toEqual({ kind: 'queued' });
    expect(learningStateOf(job('running'))).toEqual({ kind: 'learning' });
    expect(learningStateOf(job('done', 'Stored unverified.'))).toEqual({ kind: 'done', note: 'Stored unverified.' });
  });

  it('sends a failure to where it can be fixed', () => {
    expect(learningStateOf(job('failed', 'The endpoint refused the API key (401).'))).toMatchObject({ kind: 'failed', fix: { section: 'model' } });
    expect(learningStateOf(job('failed', storageFullMessage('the new version of your profile')))).toMatchObject({ fix: { section: 'your-data' } });
    expect(learningStateOf(job('failed', 'Learning was interrupted 3 times (the browser stopped it).'))).toMatchObject({ fix: null });
  });
});
