import { useState, type FormEvent } from 'react';
import { HttpFailure } from '../lib/http';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { useOutbox } from '../outbox/use-outbox';
import { Sheet } from '../components/ui';
import { LanguageSwitch } from './language-switch';

/** Username and password; the username is remembered on the phone. */
export function SignInForm({ onDone, fixedUsername }: { onDone?: () => void; fixedUsername?: string }) {
  const { t, pick } = useI18n();
  const session = useSession();
  const [username, setUsername] = useState(fixedUsername ?? session.rememberedUsername);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const me = await session.login(username.trim(), password);
      if (me.mustChangePassword) setError(t('login.passwordChange'));
      onDone?.();
    } catch (failure) {
      if (failure instanceof HttpFailure) setError(failure.status === 0 ? t('login.offline') : pick(failure.error));
      else setError(t('app.error'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="m-form" onSubmit={submit}>
      <label className="m-label" htmlFor="m-username">
        {t('login.username')}
      </label>
      <input id="m-username" className="m-input" autoComplete="username" autoCapitalize="off" value={username} onChange={(e) => setUsername(e.target.value)} required />
      <label className="m-label" htmlFor="m-password">
        {t('login.password')}
      </label>
      <input id="m-password" className="m-input" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
      {error && (
        <div className="m-error" role="alert">
          {error}
        </div>
      )}
      <button type="submit" className="m-btn m-btn-primary m-btn-block" disabled={busy}>
        {busy ? t('login.busy') : t('login.submit')}
      </button>
    </form>
  );
}

export function SignInPage() {
  const { t } = useI18n();
  return (
    <div className="m-signin">
      <div className="m-signin-lang">
        <LanguageSwitch />
      </div>
      <div className="m-signin-logo" aria-hidden="true">
        <img src="/m/icon.svg" alt="" width={64} height={64} />
      </div>
      <h1 className="m-signin-title">{t('login.title')}</h1>
      <p className="m-muted m-center">{t('login.subtitle')}</p>
      {!navigator.onLine && <div className="m-banner m-banner-warn">{t('login.offline')}</div>}
      <SignInForm />
    </div>
  );
}

/** The session ended while work is queued: sign in again without leaving the screen. */
export function ExpiredSheet({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { me } = useSession();
  const { items } = useOutbox();
  const count = items.filter((i) => i.state !== 'synced' && i.ownerId === me?.id).length;
  return (
    <Sheet open={open} title={t('login.expiredTitle')} onClose={onClose}>
      <p className="m-muted">{t('login.expiredText', { count })}</p>
      <SignInForm fixedUsername={me?.username} onDone={onClose} />
      <button type="button" className="m-btn m-btn-block m-btn-plain" onClick={onClose}>
        {t('login.later')}
      </button>
    </Sheet>
  );
}
