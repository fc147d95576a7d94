import { useEffect, useState } from 'react';
import { App, Col, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import type { PersonView, PostCreate, PostDuty, PostView } from '../../../contracts';
import { LIMITS, Phone, POST_DUTIES } from '../../../contracts';
import { FormModal } from '../../app/components/form-modal';
import { zodRule } from '../../app/forms';
import { useI18n } from '../../app/i18n';
import { useSubmit } from '../../app/use-submit';
import { orgApi } from './api';

type PostFormValues = {
  title: string;
  employment: 'full_time' | 'part_time';
  duties: PostDuty[];
  phone?: string | null;
  personId?: string | null;
  sortOrder?: number | null;
};

type Props = {
  unitId: string;
  /** The post being edited; null to add one. */
  post: PostView | null;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
};

function toBody(values: PostFormValues): PostCreate {
  return {
    title: values.title.trim(),
    employment: values.employment,
    duties: values.duties,
    phone: values.phone?.trim() ? values.phone.trim() : null,
    personId: values.personId ?? null,
    ...(values.sortOrder !== undefined && values.sortOrder !== null ? { sortOrder: values.sortOrder } : {}),
  };
}

export function PostFormModal({ unitId, post, open, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<PostFormValues>();
  const [people, setPeople] = useState<PersonView[]>([]);

  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    orgApi
      .people({ unitId, subtree: false, status: 'active', pageSize: LIMITS.pageSizeMax }, controller.signal)
      .then((page) => setPeople(page.items))
      .catch(() => setPeople([]));
    return () => controller.abort();
  }, [open, unitId]);

  const submission = useSubmit(form, async (values) => {
    if (post) await orgApi.updatePost(post.id, toBody(values));
    else await orgApi.createPost(unitId, toBody(values));
    message.success(t('common.saved'));
    onSaved();
  });

  const personOptions = people.map((person) => ({ value: person.id, label: `${person.name}  ${person.phone}` }));
  if (post?.person && !people.some((person) => person.id === post.person?.id)) {
    personOptions.unshift({ value: post.person.id, label: `${post.person.name}  ${post.person.phone ?? ''}` });
  }

  return (
    <FormModal
      form={form}
      submission={submission}
      open={open}
      title={post ? t('posts.edit') : t('posts.add')}
      onClose={onClose}
      width={640}
      initialValues={
        post
          ? { title: post.title, employment: post.employment, duties: post.duties, phone: post.phone ?? '', personId: post.person?.id ?? null, sortOrder: post.sortOrder }
          : { employment: 'full_time', duties: [] }
      }
    >
      <Row gutter={16}>
        <Col xs={24} sm={14}>
          <Form.Item name="title" label={t('posts.field.title')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input maxLength={LIMITS.nameMax} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={10}>
          <Form.Item name="employment" label={t('posts.field.employment')} rules={[{ required: true, message: t('common.requiredSelect') }]}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'full_time', label: t('employment.full_time') },
                { value: 'part_time', label: t('employment.part_time') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item
            name="duties"
            label={t('posts.field.duties')}
            rules={[
              { required: true, type: 'array', min: 1, message: t('common.requiredSelect') },
              { type: 'array', max: LIMITS.dutiesPerPostMax },
            ]}
          >
            <Select mode="multiple" options={POST_DUTIES.map((duty) => ({ value: duty, label: t(`duty.${duty}`) }))} maxCount={LIMITS.dutiesPerPostMax} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={14}>
          <Form.Item name="personId" label={t('posts.field.person')} extra={t('posts.personHint')}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={personOptions} placeholder={t('posts.vacant')} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={10}>
          <Form.Item name="phone" label={t('posts.field.phone')} rules={[zodRule(Phone, t('common.invalidPhone'))]}>
            <Input inputMode="tel" maxLength={LIMITS.phoneMax} />
          </Form.Item>
          <Form.Item name="sortOrder" label={t('posts.field.sortOrder')}>
            <InputNumber min={0} max={9999} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
