import { browser } from 'wxt/browser';

/**
 * MV3 stops an idle service worker, and a stopped worker only runs again on an event. While an
 * inference is unfinished this alarm is that event: it wakes the worker, whose start resumes the
 * job. Cleared once no job is left. Without the "alarms" permission it does nothing.
 */
export const RESUME_ALARM = 'idiolect-resume-jobs';

export async function setResumeAlarm(pending: boolean): Promise<void> {
  const alarms = (browser as { alarms?: typeof browser.alarms }).alarms;
  if (!alarms) return;
  if (pending) await alarms.create(RESUME_ALARM, { periodInMinutes: 0.5 });
  else await alarms.clear(RESUME_ALARM);
}
