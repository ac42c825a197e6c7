import { AlertDialog } from 'radix-ui';
import type { ReactNode } from 'react';

/**
 * Asks before something that cannot be taken back. The trigger is the caller's button; the dialog
 * names the consequence in its title and on its confirming button, so neither is a bare "OK".
 */
export function ConfirmDialog({
  trigger,
  title,
  description,
  confirmLabel,
  cancelLabel = 'Cancel',
  onConfirm,
}: {
  trigger: ReactNode;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  onConfirm: () => void;
}) {
  return (
    <AlertDialog.Root>
      <AlertDialog.Trigger asChild>{trigger}</AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content className="dialog">
          <AlertDialog.Title asChild>
            <h2>{title}</h2>
          </AlertDialog.Title>
          <AlertDialog.Description asChild>
            <div className="stack tight">{description}</div>
          </AlertDialog.Description>
          <div className="actions">
            <AlertDialog.Action asChild>
              <button type="button" className="danger solid" onClick={onConfirm}>
                {confirmLabel}
              </button>
            </AlertDialog.Action>
            <AlertDialog.Cancel asChild>
              <button type="button">{cancelLabel}</button>
            </AlertDialog.Cancel>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
