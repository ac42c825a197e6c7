// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sendMessage, type LlmSettingsView } from '@/lib/messaging';
import { LlmSettingsForm } from './LlmSettingsForm';

vi.mock('@/lib/messaging', () => ({ sendMessage: vi.fn() }));

function answer(view: LlmSettingsView, report = { ok: true, message: 'Connected. “llama3.1” answered in 0.4 s.', models: [] }) {
  vi.mocked(sendMessage).mockImplementation((async (type: string) => (type === 'testLlmConnection' ? report : view)) as never);
}

afterEach(() => {
  cleanup();
  vi.mocked(sendMessage).mockReset();
});

describe('LlmSettingsForm', () => {
  it('offers the browser’s own model as the no-setup default when the browser has one', async () => {
    answer({ settings: { provider: 'chrome-builtin', baseURL: '', model: 'gemini-nano' }, hasApiKey: false, builtIn: 'available' });
    render(<LlmSettingsForm />);
    const provider = await screen.findByRole('combobox', { name: 'Provider' });
    expect(provider).toHaveProperty('value', 'chrome-builtin');
    expect(screen.queryByRole('textbox', { name: 'Base URL' })).toBeNull();
    expect(screen.queryByLabelText('API key')).toBeNull();
  });

  it('marks the built-in model unavailable where the browser has none, and fills a preset’s address', async () => {
    answer({ settings: { provider: 'openai', baseURL: 'https://api.openai.com/v1', model: 'gpt-4o-mini' }, hasApiKey: true, builtIn: 'unavailable' });
    render(<LlmSettingsForm />);
    const provider = await screen.findByRole('combobox', { name: 'Provider' });
    expect(screen.getByRole('option', { name: /Built into this browser.*not available/ })).toHaveProperty('disabled', true);
    await userEvent.selectOptions(provider, 'ollama');
    expect(screen.getByRole('textbox', { name: 'Base URL' })).toHaveProperty('value', 'http://localhost:11434/v1');
    expect(screen.getByText(/OLLAMA_ORIGINS/)).toBeTruthy();
  });

  it('tests the connection with the settings and key as typed, and shows the answer in words', async () => {
    answer(
      { settings: { provider: 'ollama', baseURL: 'http://localhost:11434/v1', model: 'llama3.1' }, hasApiKey: false, builtIn: 'unavailable' },
      { ok: false, message: 'Could not reach http://localhost:11434/v1. Is the server running, and is the Base URL right?', models: [] },
    );
    render(<LlmSettingsForm />);
    await userEvent.type(await screen.findByLabelText('API key'), 'sk-typed');
    await userEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Could not reach .* Is the server running/);
    expect(sendMessage).toHaveBeenCalledWith('testLlmConnection', {
      settings: { provider: 'ollama', baseURL: 'http://localhost:11434/v1', model: 'llama3.1' },
      apiKey: 'sk-typed',
    });
  });

  it('says plainly when a test that worked was of values not saved, and not when they are the saved ones', async () => {
    const saved = { provider: 'ollama' as const, baseURL: 'http://localhost:11434/v1', model: 'llama3.1' };
    answer({ settings: saved, hasApiKey: false, builtIn: 'unavailable' }, { ok: true, message: 'Connected. “llama3.1” answered in 0.4 s.', models: [] });
    render(<LlmSettingsForm />);
    await userEvent.click(await screen.findByRole('button', { name: 'Test connection' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Connected. “llama3.1” answered in 0.4 s.'));
    expect(screen.queryByText('Unsaved changes')).toBeNull();

    const model = screen.getByRole('combobox', { name: 'Model' });
    await userEvent.clear(model);
    await userEvent.type(model, 'qwen2.5');
    expect(screen.getByText('Unsaved changes')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/answered in 0\.4 s\. These settings are not saved yet: press Save to use them\.$/));
  });

  it('offers the models the server lists, and still takes a name it does not list', async () => {
    const view = { settings: { provider: 'llamacpp' as const, baseURL: 'http://localhost:8080/v1', model: 'local-model' }, hasApiKey: false, builtIn: 'unavailable' as const };
    vi.mocked(sendMessage).mockImplementation((async (type: string) =>
      type === 'listLlmModels' ? ['/models/llama-3.1-8b.Q4_K_M.gguf', 'qwen2.5-7b'] : view) as never);
    const { container } = render(<LlmSettingsForm />);
    await userEvent.click(await screen.findByRole('button', { name: 'Find models' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/offers 2 models/);
    const model = screen.getByRole('combobox', { name: 'Model' });
    const datalist = [...container.querySelectorAll('datalist')].find((list) => list.id === model.getAttribute('list'));
    const listed = [...(datalist?.querySelectorAll('option') ?? [])].map((option) => option.getAttribute('value'));
    expect(listed).toEqual(['/models/llama-3.1-8b.Q4_K_M.gguf', 'qwen2.5-7b']);
    await userEvent.clear(model);
    await userEvent.type(model, 'my-alias');
    expect(model).toHaveProperty('value', 'my-alias');
  });

  it('starts the on-device model’s download from a click, showing its progress', async () => {
    let finish!: () => void;
    const created = new Promise<void>((resolve) => (finish = resolve));
    const monitor = new EventTarget();
    Object.assign(globalThis, {
      LanguageModel: {
        availability: async () => 'downloadable',
        create: async (options: { monitor?: (target: EventTarget) => void }) => {
          options.monitor?.(monitor);
          await created;
          return { destroy: () => undefined };
        },
      },
    });
    answer({ settings: { provider: 'chrome-builtin', baseURL: '', model: 'gemini-nano' }, hasApiKey: false, builtIn: 'downloadable' });
    render(<LlmSettingsForm />);
    await userEvent.click(await screen.findByRole('button', { name: 'Download the on-device model' }));
    monitor.dispatchEvent(Object.assign(new Event('downloadprogress'), { loaded: 0.4 }));
    await expect.poll(() => (screen.getByRole('progressbar', { name: 'Model download' }) as HTMLProgressElement).value).toBe(0.4);
    finish();
    expect((await screen.findByRole('status')).textContent).toBe('The on-device model is ready.');
    delete (globalThis as { LanguageModel?: unknown }).LanguageModel;
  });
});
