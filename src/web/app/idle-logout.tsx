import { useEffect, useRef, useState } from 'react';
import { Modal } from 'antd';
import { useAuth } from './auth';
import { useI18n } from './i18n';

const ACTIVITY_KEY = 'lastmeter.lastActivity';
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'mousemove'] as const;
const WARNING_SECONDS = 60;

function readSharedActivity(): number {
  const stored = Number(localStorage.getItem(ACTIVITY_KEY));
  return Number.isFinite(stored) ? stored : 0;
}

/**
 * Signs the user out after `idleTimeoutMinutes` without input, with a one-minute warning. Activity
 * is shared between tabs through localStorage, so working in one tab keeps the others signed in.
 */
export function IdleLogout() {
  const { me, logout } = useAuth();
  const { t } = useI18n();
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  const lastLocal = useRef(Date.now());
  const timeoutMs = (me?.idleTimeoutMinutes ?? 0) * 60_000;

  useEffect(() => {
    if (timeoutMs <= 0) return;
    lastLocal.current = Date.now();
    localStorage.setItem(ACTIVITY_KEY, String(lastLocal.current));
    let lastWrite = lastLocal.current;

    const onActivity = () => {
      const now = Date.now();
      lastLocal.current = now;
      // Writing on every mouse move would be wasteful; every few seconds is precise enough.
      if (now - lastWrite > 5_000) {
        lastWrite = now;
        localStorage.setItem(ACTIVITY_KEY, String(now));
      }
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { passive: true });

    const timer = window.setInterval(() => {
      const last = Math.max(lastLocal.current, readSharedActivity());
      const remaining = timeoutMs - (Date.now() - last);
      if (remaining <= 0) {
        window.clearInterval(timer);
        setSecondsLeft(null);
        void logout('idle');
      } else if (remaining <= WARNING_SECONDS * 1000) {
        setSecondsLeft(Math.ceil(remaining / 1000));
      } else {
        setSecondsLeft(null);
      }
    }, 1000);

    return () => {
      window.clearInterval(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity);
    };
  }, [timeoutMs, logout]);

  return (
    <Modal
      open={secondsLeft !== null}
      title={t('app.shortTitle')}
      okText={t('auth.stayLoggedIn')}
      cancelText={t('nav.logout')}
      onOk={() => {
        lastLocal.current = Date.now();
        localStorage.setItem(ACTIVITY_KEY, String(lastLocal.current));
        setSecondsLeft(null);
      }}
      onCancel={() => void logout('logout')}
      mask={{ closable: false }}
    >
      {t('auth.idleWarning', { seconds: secondsLeft ?? 0 })}
    </Modal>
  );
}
