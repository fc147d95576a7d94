import { useState } from 'react';
import { WARNING_ANSWERS, type WarningAnswer, type WarningLevel } from '../../../contracts';
import { useI18n } from '../i18n';
import { useMe } from '../session';
import { formatShort } from '../lib/format';
import { Empty, useToast } from '../components/ui';
import { answerWarning, useMyWarnings, waitsOnAnswer, type MyWarning } from './store';
import './warnings.css';

const ROMAN: Record<WarningLevel, string> = { red: 'Ⅰ', orange: 'Ⅱ', yellow: 'Ⅲ', blue: 'Ⅳ' };

/** The 【演练】 tile behind an exercise: an inline SVG, so it shows offline too. */
function watermark(text: string) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="180" height="120"><text x="90" y="70" text-anchor="middle" transform="rotate(-20 90 60)" font-family="'Noto Sans CJK SC','PingFang SC',sans-serif" font-size="22" font-weight="700" fill="rgba(196,29,127,0.14)">${text}</text></svg>`;
  return { ['--mw-watermark' as string]: `url("data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}")` } as React.CSSProperties;
}

function AnswerPad({ item }: { item: MyWarning }) {
  const { t, pick } = useI18n();
  const me = useMe();
  const toast = useToast();
  const [busy, setBusy] = useState<WarningAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const current = item.delivery.answer;

  async function send(answer: WarningAnswer) {
    setBusy(answer);
    setError(null);
    const failed = await answerWarning(me.id, item.delivery.id, answer);
    setBusy(null);
    if (!failed) toast.show(t('warn.sent', { answer: t(`warn.answer.${answer}`) }));
    else setError(failed.status === 0 ? t('warn.offline') : t('warn.failed', { reason: pick(failed) }));
  }

  const cls = (a: WarningAnswer) => ['mw-answer', a === 'acknowledged' && !current ? 'mw-answer-main' : '', a === 'need_help' ? 'mw-answer-help' : '', current === a ? 'mw-answer-on' : ''].filter(Boolean).join(' ');
  return (
    <>
      {current ? (
        <div className="mw-done">
          {t('warn.answered', { answer: t(`warn.answer.${current}`) })} · {t('warn.answeredAt', { time: formatShort(item.delivery.answeredAt) })}
          <div className="m-hint">{t('warn.change')}</div>
        </div>
      ) : (
        <div className="mw-todo">{t('warn.toAnswer')}</div>
      )}
      <div className="mw-answers" role="group" aria-label={t('warn.toAnswer')}>
        {WARNING_ANSWERS.map((a) => (
          <button key={a} type="button" className={cls(a)} disabled={busy !== null} aria-pressed={current === a} onClick={() => void send(a)}>
            {busy === a ? '…' : t(`warn.answer.${a}`)}
          </button>
        ))}
      </div>
      {error && (
        <div className="m-banner m-banner-error" role="alert">
          {error}
        </div>
      )}
    </>
  );
}

function WarningCard({ item }: { item: MyWarning }) {
  const { t } = useI18n();
  const [expanded, setExpanded] = useState(false);
  const { warning: w, delivery: d } = item;
  const active = w.status === 'active';
  const name = t('warn.name', { type: t(`warn.type.${w.type}`), level: t(`warn.level.${w.level}`) });
  const classes = ['mw-card', w.exercise ? 'mw-watermark' : '', item.escalatedToMe ? 'mw-escalated' : ''].filter(Boolean).join(' ');
  return (
    <article className={classes} style={w.exercise ? watermark(t('warn.exercise')) : undefined} data-testid="m-warning" data-escalated={item.escalatedToMe ? 'true' : 'false'}>
      <div className={`mw-band mw-band-${w.level}`}>
        <span className="mw-band-title">
          {w.exercise && <span className="mw-exercise">{t('warn.exercise')}</span>} {name}
        </span>
        <span className="mw-roman">{ROMAN[w.level]}</span>
      </div>
      <div className="mw-body">
        {item.escalatedToMe && (
          <div className="mw-escalated-box">
            <strong>{t('warn.escalated')}</strong>
            <span>
              {t('warn.escalatedWho', { name: d.recipient.name, role: t(`role.${d.recipient.role}`) })} · {d.recipient.unit.name}
            </span>
            {d.recipient.phone && (
              <a className="mw-call" href={`tel:${d.recipient.phone}`}>
                {t('warn.call', { phone: d.recipient.phone })}
              </a>
            )}
          </div>
        )}
        <div className="mw-headline">{w.headline}</div>
        <div className={expanded ? 'mw-text' : 'mw-text mw-text-clamp'}>{w.text}</div>
        {w.text.length > 80 && (
          <button type="button" className="mw-link" onClick={() => setExpanded((x) => !x)}>
            {expanded ? t('warn.less') : t('warn.more')}
          </button>
        )}
        <div className="m-item-meta">
          {w.areaDesc} · {t('warn.valid', { time: formatShort(w.expires) })} · {t('warn.received', { time: formatShort(d.deliveredAt) })}
          {!active && <span className="m-tag m-tag-grey"> {t(`warn.status.${w.status as 'updated' | 'cancelled' | 'expired'}`)}</span>}
        </div>
        {!item.escalatedToMe && active && <AnswerPad item={item} />}
      </div>
    </article>
  );
}

/** 预警: the warnings sent to me, answered with one tap (叫应), and the silences escalated to me. */
export function WarningsPage() {
  const { t } = useI18n();
  const me = useMe();
  const { items, staleSince } = useMyWarnings(me.id);
  const sorted = [...(items ?? [])].sort((a, b) => Number(waitsOnAnswer(b)) - Number(waitsOnAnswer(a)));
  return (
    <div className="m-page">
      <h1 className="m-h1">{t('warn.title')}</h1>
      {staleSince && <div className="m-stale">{t('home.cached', { time: formatShort(staleSince) })}</div>}
      {items && !items.length && <Empty>{t('warn.empty')}</Empty>}
      {sorted.map((item) => (
        <WarningCard key={`${item.delivery.id}:${item.escalatedToMe ? 'e' : 'm'}`} item={item} />
      ))}
    </div>
  );
}

/** The count on the 预警 tab: warnings still waiting on an answer. */
export function useUnansweredWarnings(): number {
  const me = useMe();
  const { items } = useMyWarnings(me.id);
  return (items ?? []).filter(waitsOnAnswer).length;
}
