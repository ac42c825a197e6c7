import { useEffect, useState, type InputHTMLAttributes } from 'react';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'checked' | 'onChange'> & {
  /** The stored value; undefined while it loads. */
  stored: boolean | undefined;
  save: (checked: boolean) => Promise<unknown>;
};

/**
 * A checkbox that flips at once and then follows the stored value, whoever changed it; if saving
 * fails it falls back to what is stored.
 */
export function OptimisticCheckbox({ stored, save, ...rest }: Props) {
  const [shown, setShown] = useState(stored);
  useEffect(() => setShown(stored), [stored]);
  return (
    <input
      {...rest}
      type="checkbox"
      checked={shown ?? false}
      disabled={shown === undefined || rest.disabled}
      onChange={(event) => {
        const checked = event.target.checked;
        setShown(checked);
        void save(checked).catch(() => setShown(stored));
      }}
    />
  );
}
