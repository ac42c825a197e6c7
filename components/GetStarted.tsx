import { useEffect, useId, useState, type ReactNode } from 'react';
import { presetFor } from '@/lib/llm/presets';
import { sendMessage } from '@/lib/messaging';
import type { LocalServerFinding } from '@/lib/llm/local-servers';
import { optionsPath, type OptionsSectionId } from '@/lib/options/sections';
import { builtInModelSettings, type LlmSettings } from '@/lib/settings/schema';
import { useGetStarted } from './use-get-started';

type Where = 'popup' | 'options';

/** A link to the section that does a step: in place on the options page, a new tab from the popup. */
function SectionLink({ where, section, children }: { where: Where; section: OptionsSectionId; children: ReactNode }) {
  return where === 'options' ? (
    <a href={`#${section}`}>{children}</a>
  ) : (
    <a href={optionsPath(section)} target="_blank" rel="noreferrer">
      {children}
    </a>
  );
}

/** `current`: the first step not done; `howTo`: show how to do it (the popup has room for the current step's only). */
function Step({
  done,
  current,
  howTo,
  title,
  doneNote,
  children,
}: {
  done: boolean;
  current: boolean;
  howTo: boolean;
  title: string;
  doneNote?: string;
  children?: ReactNode;
}) {
  return (
    <li className={done ? 'step done' : 'step'} aria-current={current ? 'step' : undefined}>
      <span className={done ? 'badge success' : 'badge'}>{done ? 'Done' : 'To do'}</span>
      <div className="stack tight">
        <strong>{title}</strong>
        {done && doneNote && <span className="hint">{doneNote}</span>}
        {howTo && children}
      </div>
    </li>
  );
}

/**
 * The steps from a fresh install to a first rewrite in one's own voice, shown in the popup and the
 * options page until all are done.
 */
export function GetStarted({ where, id }: { where: Where; id?: string }) {
  const steps = useGetStarted();
  const headingId = useId();
  if (!steps || steps.done) return null;
  const open = { model: !steps.model, site: !steps.site, samples: !steps.samples.done };
  const current = (['model', 'site', 'samples'] as const).find((step) => open[step]);
  const stepProps = (step: keyof typeof open) => ({ current: current === step, howTo: open[step] && (where === 'options' || current === step) });
  return (
    <section id={id} aria-labelledby={headingId} className={`get-started surface stack tight in-${where}`}>
      <h2 id={headingId}>Get started</h2>
      <ol className="steps">
        <Step
          done={steps.model}
          {...stepProps('model')}
          title="Choose a model and test it"
          doneNote={steps.modelInUse ? `Using ${presetFor(steps.modelInUse.provider).label}: ${steps.modelInUse.model}` : undefined}
        >
          {where === 'options' ? <ModelFinder /> : (
            <p>
              No model is set up yet. <SectionLink where={where} section="model">Set up a model</SectionLink>
            </p>
          )}
        </Step>
        <Step done={steps.site} {...stepProps('site')} title="Allow a site" doneNote={`Collecting on ${steps.sites} site${steps.sites === 1 ? '' : 's'}`}>
          <p>
            Idiolect learns only from what you send on sites you allow. <SectionLink where={where} section="sites">Allow a site</SectionLink>
          </p>
        </Step>
        <Step done={steps.samples.done} {...stepProps('samples')} title={`First samples: ${steps.samples.have} of ${steps.samples.need}`}>
          <p>
            Write and send as usual on an allowed site, or <SectionLink where={where} section="samples">add texts you wrote</SectionLink>.
          </p>
        </Step>
      </ol>
    </section>
  );
}

type Status = { kind: 'status' | 'alert'; message: string } | null;

/** Looks for a local model server and the on-device model, and sets up the one the person picks in one click. */
function ModelFinder() {
  const [found, setFound] = useState<LocalServerFinding[] | null>(null);
  const [builtIn, setBuiltIn] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);

  const look = () => {
    setFound(null);
    void Promise.all([sendMessage('findLocalModels'), sendMessage('getLlmSettings')]).then(
      ([servers, view]) => {
        setFound(servers);
        setBuiltIn(view.builtIn === 'available');
      },
      (error: unknown) => setStatus({ kind: 'alert', message: error instanceof Error ? error.message : String(error) }),
    );
  };
  useEffect(look, []);

  async function use(settings: LlmSettings, label: string) {
    setBusy(true);
    setStatus({ kind: 'status', message: `Setting up ${label} and testing it…` });
    try {
      await sendMessage('saveLlmSettings', { settings });
      const report = await sendMessage('testLlmConnection', { settings });
      setStatus({ kind: report.ok ? 'status' : 'alert', message: report.ok ? `Saved. ${report.message}` : `Saved, but the test failed: ${report.message}` });
    } catch (error) {
      setStatus({ kind: 'alert', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="stack tight">
      {found === null ? (
        <p role="status">Looking for a model on this computer…</p>
      ) : (
        <>
          {builtIn && (
            <div className="actions">
              <span>This browser has its own on-device model.</span>
              <button type="button" className="primary" disabled={busy} onClick={() => void use(builtInModelSettings, 'the on-device model')}>
                Use the on-device model
              </button>
            </div>
          )}
          {found.map((finding) => (
            <FoundServer key={finding.provider} finding={finding} busy={busy} use={use} />
          ))}
          {found.length === 0 && !builtIn && (
            <p>
              No Ollama, LM Studio or llama.cpp server answers at its usual address. Start one, or <a href="#model">choose a model</a> such as
              OpenAI.
            </p>
          )}
          <div className="actions">
            <button type="button" className="small" onClick={look} disabled={busy}>
              Look again
            </button>
            <a href="#model">Other models and settings</a>
          </div>
        </>
      )}
      {status && <p role={status.kind}>{status.message}</p>}
    </div>
  );
}

function FoundServer({ finding, busy, use }: { finding: LocalServerFinding; busy: boolean; use: (settings: LlmSettings, label: string) => Promise<void> }) {
  const [model, setModel] = useState(finding.models[0] ?? '');
  const selectId = useId();
  const where = new URL(finding.baseURL).host;
  if (finding.state === 'refused') {
    return (
      <p className="notice warning">
        {finding.label} at {where}: {finding.advice}
      </p>
    );
  }
  return (
    <div className="actions found-server">
      <span>
        {finding.label} is running at {where}
        {finding.models.length === 0 ? ' but lists no models.' : '.'}
      </span>
      {finding.models.length > 1 && (
        <>
          <label htmlFor={selectId} className="inline-label">
            Model
          </label>
          <select id={selectId} value={model} onChange={(event) => setModel(event.target.value)} className="inline-select">
            {finding.models.map((name) => (
              <option key={name}>{name}</option>
            ))}
          </select>
        </>
      )}
      {finding.models.length > 0 && (
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => void use({ provider: finding.provider, baseURL: finding.baseURL, model, contextTokens: null }, finding.label)}
        >
          Use {finding.label}
        </button>
      )}
    </div>
  );
}
