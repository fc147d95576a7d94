import { Link } from 'react-router';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Space } from 'antd';
import type { DescriptionsProps } from 'antd';
import { QrcodeOutlined, SaveOutlined } from '@ant-design/icons';
import { useAuth } from '../../app/auth';
import type { UnitDetail } from '../../../contracts';
import { FormError } from '../../app/components/form-error';
import { useI18n } from '../../app/i18n';
import { formatDateTime } from '../../app/i18n/format';
import { useSubmit } from '../../app/use-submit';
import { orgApi } from './api';
import { AddChildButton, MoveButton, RetireButton, type UnitChanged } from './unit-actions';
import { toUnitUpdate, UnitFields, unitFormValues, type UnitFormValues } from './unit-fields';

type Props = { detail: UnitDetail; onChanged: UnitChanged };

function UnitEditForm({ detail, onChanged }: { detail: UnitDetail; onChanged: UnitChanged }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<UnitFormValues>();
  const parent = detail.breadcrumb[detail.breadcrumb.length - 1];

  const { saving, error, submit } = useSubmit(form, async (values) => {
    const update = toUnitUpdate(values, detail);
    if (Object.keys(update).length === 0) {
      message.info(t('common.saved'));
      return;
    }
    const updated = await orgApi.updateUnit(detail.id, update);
    message.success(t('common.saved'));
    await onChanged(updated);
  });

  return (
    <Card type="inner" size="small" title={t('org.editTitle')}>
      <FormError error={error} />
      <Form<UnitFormValues> form={form} layout="vertical" initialValues={unitFormValues(detail)} onFinish={submit} disabled={saving}>
        <UnitFields level={detail.level} parent={parent ?? null} />
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving}>
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}

/** 基本信息: what the unit is, what may be done with it, and its edit form when allowed. */
export function UnitInfoTab({ detail, onChanged }: Props) {
  const { t } = useI18n();
  const { can } = useAuth();
  const parent = detail.breadcrumb[detail.breadcrumb.length - 1];
  const coordinates = detail.lat !== null && detail.lng !== null ? `${detail.lat}, ${detail.lng}` : '—';
  // A retired unit is read-only until restored: show its fields instead of a disabled form.
  const editable = detail.can.update && detail.status === 'active';

  const items: DescriptionsProps['items'] = [
    { key: 'level', label: t('org.field.level'), children: t(`level.${detail.level}`) },
    {
      key: 'parent',
      label: t('org.field.parent'),
      children: parent ? (parent.visible ? <Link to={`/org/units/${parent.id}`}>{parent.name}</Link> : parent.name) : '—',
    },
    { key: 'status', label: t('common.status'), children: t(`unitStatus.${detail.status}`) },
    { key: 'updatedAt', label: t('common.updatedAt'), children: formatDateTime(detail.updatedAt) },
  ];
  if (!editable) {
    items.push(
      { key: 'kind', label: t('org.field.kind'), children: t(`kind.${detail.kind}`) },
      { key: 'code', label: t('org.field.code'), children: detail.code },
      { key: 'phone', label: t('common.phone'), children: detail.phone ?? '—' },
      { key: 'coords', label: `${t('org.field.lat')} / ${t('org.field.lng')}`, children: coordinates },
      { key: 'address', label: t('common.address'), children: detail.address ?? '—', span: 'filled' },
    );
  }
  items.push({ key: 'createdAt', label: t('common.createdAt'), children: formatDateTime(detail.createdAt) });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {detail.status === 'retired' ? (
        <Alert type="warning" showIcon title={t('org.retiredBanner', { at: formatDateTime(detail.retiredAt), reason: detail.retiredReason ?? '' })} />
      ) : null}
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={items} />
      <Flex wrap gap={8}>
        <AddChildButton detail={detail} onChanged={onChanged} />
        <MoveButton detail={detail} onChanged={onChanged} />
        <RetireButton detail={detail} onChanged={onChanged} />
        {detail.level === 'village' && detail.status === 'active' && (can('hazards.manage') || can('grids.manage')) ? (
          // The resident's QR poster (隐患随手拍): a printable page the server renders.
          <Button icon={<QrcodeOutlined />} href={`/api/org/units/${detail.id}/report-poster`} target="_blank" rel="noopener">
            {t('org.poster')}
          </Button>
        ) : null}
      </Flex>
      {editable ? <UnitEditForm key={detail.updatedAt} detail={detail} onChanged={onChanged} /> : null}
    </Space>
  );
}
