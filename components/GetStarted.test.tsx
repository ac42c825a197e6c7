// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearEveryTable } from '@/lib/db/clear-everything';
import { openIdiolectDatabase } from '@/lib/db/database';
import { ensureActiveProfile } from '@/lib/db/profiles';
import { addSample } from '@/lib/db/sample-writes';
import { writeSetting } from '@/lib/db/settings';
import type { LocalServerFinding } from '@/lib/llm/local-servers';
import { sendMessage } from '@/lib/messaging';
import { GetStarted } from './GetStarted';

vi.mock('@/lib/messaging', () => ({ sendMessage: vi.fn() }));

const LM_STUDIO: LocalServerFinding = {
  provider: 'lmstudio',
  label: 'LM Studio',
  baseURL: 'http://localhost:1234/v1',
  state: 'ready',
  models: ['llama-3.2-3b', 'qwen2.5-7b-instruct'],
  advice: null,
};
const OLLAMA_REFUSING: LocalServerFinding = {
  provider: 'ollama',
  label: 'Ollama',
  baseURL: 'http://localhost:11434/v1',
  state: 'refused',
  models: [],
  advice: 'Ollama is running but refuses this extension. Restart it with OLLAMA_ORIGINS=chrome-extension://abc set, then look again.',
};

function serversFound(found: LocalServerFinding[], builtIn: 'available' | 'unavailable' = 'unavailable') {
  vi.mocked(sendMessage).mockImplementation((async (type: string) => {
    if (type === 'findLocalModels') return found;
    if (type === 'getLlmSettings') return { settings: { provider: 'openai', baseURL: 'https://api.openai.com/v1', model: 'gpt-4o-mini' }, hasApiKey: false, builtIn };
    if (type === 'testLlmConnection') return { ok: true, message: 'Connected. “qwen2.5-7b-instruct” answered in 0.3 s.', models: [] };
    return undefined;
  }) as never);
}

beforeEach(() => clearEveryTable(openIdiolectDatabase()));
afterEach(() => {
  cleanup();
  vi.mocked(sendMessage).mockReset();
});

describe('the guided start', () => {
  it('on a first run lists the three steps undone, finds a local server and sets it up with the model picked', async () => {
    serversFound([OLLAMA_REFUSING, LM_STUDIO]);
    render(<GetStarted where="options" />);
    const guide = await screen.findByRole('region', { name: 'Get started' });
    expect(within(guide).getAllByText('To do')).toHaveLength(3);
    expect(within(guide).getByText('First samples: 0 of 4')).toBeTruthy();
    expect(await within(guide).findByText(/OLLAMA_ORIGINS=chrome-extension:\/\/abc/)).toBeTruthy();

    await userEvent.selectOptions(within(guide).getByRole('combobox', { name: 'Model' }), 'qwen2.5-7b-instruct');
    await userEvent.click(within(guide).getByRole('button', { name: 'Use LM Studio' }));
    const settings = { provider: 'lmstudio', baseURL: 'http://localhost:1234/v1', model: 'qwen2.5-7b-instruct', contextTokens: null };
    expect(sendMessage).toHaveBeenCalledWith('saveLlmSettings', { settings });
    expect(sendMessage).toHaveBeenCalledWith('testLlmConnection', { settings });
    expect((await within(guide).findByRole('status')).textContent).toBe('Saved. Connected. “qwen2.5-7b-instruct” answered in 0.3 s.');
  });

  it('offers the on-device model where the browser has one, and says where to go when nothing is found', async () => {
    serversFound([], 'available');
    render(<GetStarted where="options" />);
    expect(await screen.findByRole('button', { name: 'Use the on-device model' })).toBeTruthy();
    cleanup();
    serversFound([]);
    render(<GetStarted where="options" />);
    expect(await screen.findByText(/No Ollama, LM Studio or llama.cpp server answers/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'choose a model' }).getAttribute('href')).toBe('#model');
  });

  it('in the popup links the next step to its section of the options page, has room for that one only, and probes nothing', async () => {
    serversFound([]);
    render(<GetStarted where="popup" />);
    const setUp = await screen.findByRole('link', { name: 'Set up a model' });
    expect(setUp.getAttribute('href')).toBe('/options.html#model');
    expect(setUp.getAttribute('target')).toBe('_blank');
    expect(screen.queryByRole('link', { name: 'Allow a site' })).toBeNull();
    expect(screen.getByText('Allow a site')).toBeTruthy();
    expect(sendMessage).not.toHaveBeenCalledWith('findLocalModels');
  });

  it('counts the steps done, and goes away once all three are', async () => {
    serversFound([]);
    const db = openIdiolectDatabase();
    const model = { provider: 'ollama' as const, baseURL: 'http://localhost:11434/v1', model: 'llama3.1', contextTokens: null };
    await writeSetting(db, 'llm', model);
    await writeSetting(db, 'verifiedEndpoint', { provider: model.provider, baseURL: model.baseURL, model: model.model });
    await writeSetting(db, 'allowedSites', ['mail.example.com']);
    const profile = await ensureActiveProfile(db);
    const texts = ['Thanks for the notes, I will fold them in tonight.', 'Can we move the call to Thursday afternoon instead?', 'Sounds good to me, ship it when ready.'];
    for (const text of texts) await addSample(db, { profileId: profile.id, text, site: 'mail.example.com', kind: 'email', source: 'harvest' });
    render(<GetStarted where="popup" />);
    const guide = await screen.findByRole('region', { name: 'Get started' });
    expect(await within(guide).findByText('First samples: 3 of 4')).toBeTruthy();
    expect(within(guide).getAllByText('Done')).toHaveLength(2);

    await addSample(db, { profileId: profile.id, text: 'I pushed the fix, let me know if the build is still red.', site: 'mail.example.com', kind: 'email', source: 'harvest' });
    await vi.waitFor(() => expect(screen.queryByRole('region', { name: 'Get started' })).toBeNull());
  });
});
