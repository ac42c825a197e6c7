import { Toast } from 'radix-ui';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

/** A short message after something was done, with at most one way to take it back. */
export interface ToastContent {
  message: string;
  undo?: () => Promise<unknown> | void;
}

interface ShownToast extends ToastContent {
  id: number;
}

const ShowToast = createContext<(toast: ToastContent) => void>(() => undefined);

/** Long enough to reach Undo by keyboard; Radix pauses the timer while the toast has focus or the pointer. */
const TOAST_DURATION_MS = 8000;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<readonly ShownToast[]>([]);
  const show = useCallback((toast: ToastContent) => setToasts((shown) => [...shown.slice(-2), { ...toast, id: Date.now() + Math.random() }]), []);
  const dismiss = (id: number) => setToasts((shown) => shown.filter((toast) => toast.id !== id));
  return (
    <ShowToast.Provider value={show}>
      <Toast.Provider duration={TOAST_DURATION_MS} label="Notifications">
        {children}
        {toasts.map((toast) => (
          <Toast.Root key={toast.id} className="toast" onOpenChange={(open) => open || dismiss(toast.id)}>
            <Toast.Description>{toast.message}</Toast.Description>
            {toast.undo && (
              <Toast.Action asChild altText={`Undo: ${toast.message}`}>
                <button type="button" className="small" onClick={() => void toast.undo?.()}>
                  Undo
                </button>
              </Toast.Action>
            )}
            <Toast.Close asChild>
              <button type="button" className="small quiet" aria-label="Dismiss">
                ×
              </button>
            </Toast.Close>
          </Toast.Root>
        ))}
        <Toast.Viewport className="toast-viewport" />
      </Toast.Provider>
    </ShowToast.Provider>
  );
}

/** Shows a toast in the nearest ToastProvider. */
export function useToast(): (toast: ToastContent) => void {
  const show = useContext(ShowToast);
  return useMemo(() => show, [show]);
}
