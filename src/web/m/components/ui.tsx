import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import type { HazardState } from '../../../contracts';
import { useI18n } from '../i18n';

/* Small building blocks of the phone UI: plain React and CSS (styles.css), no component library. */

type ToastApi = { show: (text: string) => void };
const ToastContext = createContext<ToastApi | null>(null);

export function ToastProvider({ children }: { children: ReactNode }) {
  const [text, setText] = useState<string | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const show = useCallback((next: string) => {
    setText(next);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setText(null), 2500);
  }, []);
  const api = useMemo(() => ({ show }), [show]);
  return (
    <ToastContext.Provider value={api}>
      {children}
      {text && (
        <div className="m-toast" role="status">
          {text}
        </div>
      )}
    </ToastContext.Provider>
  );
}

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast outside ToastProvider');
  return api;
}

/** A sheet over the page (sign-in again, confirmations). */
export function Sheet({ open, title, children, onClose }: { open: boolean; title: string; children: ReactNode; onClose?: () => void }) {
  if (!open) return null;
  return (
    <div className="m-sheet-backdrop" onClick={onClose}>
      <div className="m-sheet" role="dialog" aria-modal="true" aria-label={title} onClick={(e) => e.stopPropagation()}>
        <h2 className="m-sheet-title">{title}</h2>
        {children}
      </div>
    </div>
  );
}

export function ConfirmSheet(props: { open: boolean; title: string; text?: string; confirmText?: string; danger?: boolean; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <Sheet open={props.open} title={props.title} onClose={props.onCancel}>
      {props.text && <p className="m-muted">{props.text}</p>}
      <div className="m-row m-gap">
        <button type="button" className="m-btn" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
        <button type="button" className={props.danger ? 'm-btn m-btn-danger' : 'm-btn m-btn-primary'} onClick={props.onConfirm}>
          {props.confirmText ?? t('common.confirm')}
        </button>
      </div>
    </Sheet>
  );
}

/** One choice among a few, as large chips (categories, findings, levels). */
export function Chips<T extends string>({ options, value, onChange, label }: { options: { value: T; label: string }[]; value: T | null; onChange: (v: T) => void; label: string }) {
  return (
    <div className="m-chips" role="radiogroup" aria-label={label}>
      {options.map((o) => (
        <button key={o.value} type="button" role="radio" aria-checked={value === o.value} className={value === o.value ? 'm-chip m-chip-on' : 'm-chip'} onClick={() => onChange(o.value)}>
          {o.label}
        </button>
      ))}
    </div>
  );
}

export function Field({ label, error, children, htmlFor }: { label: string; error?: string | null; children: ReactNode; htmlFor?: string }) {
  return (
    <div className="m-field">
      <label className="m-label" htmlFor={htmlFor}>
        {label}
      </label>
      {children}
      {error && <div className="m-error">{error}</div>}
    </div>
  );
}

const STATE_TONE: Record<HazardState, string> = {
  reported: 'blue',
  verified: 'blue',
  awaiting_approval: 'orange',
  graded: 'orange',
  rectifying: 'orange',
  accepting: 'purple',
  closed: 'green',
  rejected: 'grey',
  merged: 'grey',
};

export function StateTag({ state }: { state: HazardState }) {
  const { t } = useI18n();
  return <span className={`m-tag m-tag-${STATE_TONE[state]}`}>{t(`state.${state}`)}</span>;
}

export type LocalState = 'pending' | 'sending' | 'synced' | 'failed';

/** 待同步 / 同步中 / 已同步 / 失败 of an outbox item. */
export function SyncTag({ state }: { state: LocalState }) {
  const { t } = useI18n();
  const tone = { pending: 'orange', sending: 'blue', synced: 'green', failed: 'red' }[state];
  return <span className={`m-tag m-tag-${tone}`}>{t(`outbox.${state}`)}</span>;
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="m-empty">{children}</div>;
}
