import { useEffect, useState, type FormEvent } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { HAZARD_LIMITS, HazardSubmit, type HazardLevel } from '../../../contracts/hazards';
import { useI18n } from '../i18n';
import { fieldLabel } from '../i18n/fields';
import { myGridId, useMe } from '../session';
import { getBlob } from '../lib/db';
import { usePosition, type Fix } from '../lib/geo';
import { uuid } from '../lib/ids';
import { outbox } from '../outbox/service';
import { useOutbox } from '../outbox/use-outbox';
import type { OutboxItem } from '../outbox/core';
import { buildCheckin, checkIn, useActivePatrol, type CheckinInput } from '../patrol/active';
import { Chips, Empty, Field, useToast } from '../components/ui';
import { PhotoPicker, type FormPhoto } from '../components/photo-picker';
import { LocationField } from '../components/location-field';
import { useCategories } from './categories';
import { useBoundary } from './home';

/** What the patrol screen hands over when a check-in found an issue: the check-in waits for this report. */
export type PatrolIssueState = { checkin: CheckinInput; fix: Fix | null };

type Errors = Partial<Record<'category' | 'description' | 'location' | 'form', string>>;

export function ReportPage() {
  const [params] = useSearchParams();
  const editId = params.get('edit');
  const { items, loaded } = useOutbox();
  const { t } = useI18n();
  const editing = editId ? items.find((i) => i.id === editId && i.payload.kind === 'hazard') : undefined;
  // An edit waits for the outbox to load, so the form starts from the stored report.
  if (editId && !editing) return loaded ? <Empty>{t('outbox.empty')}</Empty> : null;
  return <ReportForm key={editId ?? 'new'} editing={editing} />;
}

function ReportForm({ editing }: { editing?: OutboxItem }) {
  const { t, locale, pick } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const toast = useToast();
  const issue = (useLocation().state as PatrolIssueState | null) ?? null;
  const patrol = useActivePatrol();
  const categories = useCategories();
  const boundary = useBoundary(myGridId(me));
  const prior = editing?.payload.kind === 'hazard' ? editing.payload.body : undefined;

  const [category, setCategory] = useState<string | null>(prior?.categoryCode ?? null);
  const [photos, setPhotos] = useState<FormPhoto[]>([]);
  const [description, setDescription] = useState(prior?.description ?? issue?.checkin.note ?? '');
  const [level, setLevel] = useState<HazardLevel>(prior?.suggestedLevel ?? 'general');
  const { position, relocate, setManual } = usePosition(prior ? { lat: prior.lat, lng: prior.lng, accuracy: prior.accuracy } : (issue?.fix ?? null));
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);
  // A report filed from a patrol check-in (or edited from one) names the patrol.
  const patrolId = prior?.patrolId ?? (issue ? patrol?.id : undefined);

  useEffect(() => {
    if (!editing) return;
    let cancelled = false;
    void (async () => {
      const loaded: FormPhoto[] = [];
      for (const ref of editing.photos) {
        const blob = await getBlob(ref.blobId);
        if (blob) loaded.push({ key: ref.blobId, blobId: ref.blobId, blob, bytes: ref.bytes });
      }
      if (!cancelled) setPhotos(loaded);
    })();
    return () => {
      cancelled = true;
    };
  }, [editing]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const next: Errors = {};
    if (!category) next.category = t('report.needCategory');
    if (!description.trim()) next.description = t('report.needDescription');
    if (!position.fix) next.location = t('report.needLocation');
    setErrors(next);
    if (Object.keys(next).length || !position.fix || !category) return;

    const parsed = HazardSubmit.safeParse({
      id: editing?.id ?? uuid(),
      categoryCode: category,
      description,
      lat: position.fix.lat,
      lng: position.fix.lng,
      ...(position.status === 'fixed' && position.fix.accuracy !== undefined ? { accuracy: position.fix.accuracy } : {}),
      suggestedLevel: level,
      reportedAt: prior?.reportedAt ?? new Date().toISOString(),
      ...(patrolId ? { patrolId } : {}),
    });
    if (!parsed.success) {
      setErrors({ form: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
      return;
    }
    const { photoIds: _photoIds, ...body } = parsed.data;
    setSaving(true);
    try {
      if (editing) {
        const keep = editing.photos.filter((p) => photos.some((f) => f.blobId === p.blobId));
        await outbox.saveEdited(editing.id, { kind: 'hazard', body }, keep, photos.filter((p) => !p.blobId).map((p) => p.blob));
      } else {
        await outbox.enqueue({ kind: 'hazard', body }, photos.map((p) => p.blob));
        if (issue && patrol && position.fix) {
          await checkIn(patrol, buildCheckin({ ...issue.checkin, hazardId: body.id }, issue.fix ?? position.fix));
        }
      }
      toast.show(t('report.saved'));
      navigate(editing ? '/outbox' : issue ? '/patrol' : '/', { replace: true });
    } catch (error) {
      setErrors({ form: error instanceof Error ? error.message : t('app.error') });
    } finally {
      setSaving(false);
    }
  }

  const fieldErrors = editing?.error?.fields ?? [];

  return (
    <form className="m-page m-form" onSubmit={submit} noValidate>
      <h1 className="m-h1">{editing ? t('report.editTitle') : t('report.title')}</h1>
      {editing?.error && <div className="m-banner m-banner-error">{t('outbox.failedReason', { reason: pick(editing.error) })}</div>}
      {fieldErrors.length > 0 && (
        <ul className="m-error">
          {fieldErrors.map((f) => (
            <li key={f.path}>
              {fieldLabel(f.path, t)}
                {t('common.colon')}
                {pick(f)}
            </li>
          ))}
        </ul>
      )}
      {patrolId && <div className="m-banner">{t('report.patrolLinked')}</div>}

      <Field label={t('report.category')} error={errors.category}>
        {categories.items.length ? (
          <Chips label={t('report.category')} options={categories.items.map((c) => ({ value: c.code, label: locale === 'en' ? c.nameEn : c.nameZh }))} value={category} onChange={setCategory} />
        ) : (
          <div className="m-muted">{categories.loading ? t('app.loading') : t('report.noCategories')}</div>
        )}
      </Field>

      <Field label={t('report.photos')}>
        <PhotoPicker photos={photos} onChange={setPhotos} inputId="m-photo-input" />
      </Field>

      <Field label={t('report.location')} error={errors.location}>
        <LocationField position={position} onTap={setManual} onRelocate={relocate} boundary={boundary.data ?? null} />
      </Field>

      <Field label={t('report.description')} error={errors.description} htmlFor="m-description">
        <textarea id="m-description" className="m-input m-textarea" rows={3} maxLength={HAZARD_LIMITS.descriptionMax} placeholder={t('report.descriptionPlaceholder')} value={description} onChange={(e) => setDescription(e.target.value)} />
      </Field>

      <Field label={t('report.level')}>
        <Chips<HazardLevel>
          label={t('report.level')}
          options={[
            { value: 'general', label: t('level.general') },
            { value: 'major', label: t('level.major') },
          ]}
          value={level}
          onChange={setLevel}
        />
      </Field>

      {errors.form && (
        <div className="m-error" role="alert">
          {errors.form}
        </div>
      )}
      <button type="submit" className="m-btn m-btn-primary m-btn-block m-btn-large" disabled={saving}>
        {t('report.submit')}
      </button>
    </form>
  );
}
