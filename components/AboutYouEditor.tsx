import { useId, useState } from 'react';
import { attributeValuesSchema, type AttributeField, type AttributeValues, type HypothesisSet } from '@/lib/hyperalign/schema';
import { sendMessage } from '@/lib/messaging';

function valuesOf({ attributes }: HypothesisSet): AttributeValues {
  return { role: attributes.role, domain: attributes.domain, audiences: attributes.audiences, facts: attributes.facts };
}

function SetByYou({ field, edited }: { field: AttributeField; edited: readonly AttributeField[] }) {
  return edited.includes(field) ? <span className="badge accent">set by you</span> : null;
}

/**
 * "About you": what Idiolect learned about the person (role, domain, audiences, facts), which
 * they may correct. What they set is theirs: later learning does not change it. Rendered with a
 * key of the version's id, so a new version starts the form afresh.
 */
export function AboutYouEditor({ set }: { set: HypothesisSet }) {
  const [values, setValues] = useState<AttributeValues>(() => valuesOf(set));
  const [outcome, setOutcome] = useState<{ kind: 'status' | 'alert'; message: string } | null>(null);
  const roleId = useId();
  const domainId = useId();
  const edited = set.attributes.edited ?? [];
  const unchanged = JSON.stringify(values) === JSON.stringify(valuesOf(set));
  const save = () => {
    const parsed = attributeValuesSchema.safeParse(values);
    if (!parsed.success) {
      setOutcome({ kind: 'alert', message: parsed.error.issues.map((issue) => issue.message).join(' ') });
      return;
    }
    void sendMessage('changeAttributes', { setId: set.id, attributes: parsed.data }).then(
      () => setOutcome({ kind: 'status', message: 'Saved. Rewrites use it from now on, and learning keeps it as you set it.' }),
      (error: unknown) => setOutcome({ kind: 'alert', message: error instanceof Error ? error.message : String(error) }),
    );
  };
  return (
    <form
      className="stack about-you"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <p className="hint">Rewrites use this for your voice only; it is never added to a text. What you set here, learning leaves alone.</p>
      <div className="about-you-fields">
        <div className="field">
          <div className="label-row">
            <label htmlFor={roleId}>Role</label>
            <SetByYou field="role" edited={edited} />
          </div>
          <input
            id={roleId}
            type="text"
            value={values.role ?? ''}
            placeholder="not known"
            onChange={(event) => setValues({ ...values, role: event.target.value || null })}
          />
        </div>
        <div className="field">
          <div className="label-row">
            <label htmlFor={domainId}>Domain</label>
            <SetByYou field="domain" edited={edited} />
          </div>
          <input
            id={domainId}
            type="text"
            value={values.domain ?? ''}
            placeholder="not known"
            onChange={(event) => setValues({ ...values, domain: event.target.value || null })}
          />
        </div>
      </div>
      <EditableList
        title="Audiences"
        one="audience"
        badge={<SetByYou field="audiences" edited={edited} />}
        items={values.audiences}
        onChange={(audiences) => setValues({ ...values, audiences })}
      />
      <EditableList
        title="Facts"
        one="fact"
        badge={<SetByYou field="facts" edited={edited} />}
        items={values.facts}
        onChange={(facts) => setValues({ ...values, facts })}
      />
      <div className="actions">
        <button type="submit" className="primary" disabled={unchanged}>
          Update About you
        </button>
        {!unchanged && (
          <button type="button" onClick={() => setValues(valuesOf(set))}>
            Revert About you
          </button>
        )}
      </div>
      {outcome && <p role={outcome.kind}>{outcome.message}</p>}
    </form>
  );
}

function EditableList({
  title,
  one,
  badge,
  items,
  onChange,
}: {
  title: string;
  one: string;
  badge: React.ReactNode;
  items: readonly string[];
  onChange: (items: string[]) => void;
}) {
  const [adding, setAdding] = useState('');
  const inputId = useId();
  const add = () => {
    const text = adding.trim();
    if (text === '') return;
    onChange([...items, text]);
    setAdding('');
  };
  return (
    <fieldset className="editable-list" aria-label={title}>
      <legend>
        {title} {badge}
      </legend>
      {items.length > 0 ? (
        <ul aria-label={title} className="chips">
          {items.map((item, index) => (
            <li key={`${index}:${item}`} className="chip">
              <span>{item}</span>
              <button
                type="button"
                className="small quiet"
                aria-label={`Remove ${one} “${item}”`}
                onClick={() => onChange(items.filter((_, other) => other !== index))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="meta">None yet.</p>
      )}
      <div className="add-row">
        <label htmlFor={inputId} className="visually-hidden">
          New {one}
        </label>
        <input
          id={inputId}
          type="text"
          value={adding}
          placeholder={`Add ${one === 'audience' ? 'an audience' : 'a fact'}`}
          onChange={(event) => setAdding(event.target.value)}
          onKeyDown={(event) => {
            // Enter adds the item rather than saving the whole form.
            if (event.key === 'Enter') {
              event.preventDefault();
              add();
            }
          }}
        />
        <button type="button" onClick={add} disabled={adding.trim() === ''}>
          Add {one}
        </button>
      </div>
    </fieldset>
  );
}
