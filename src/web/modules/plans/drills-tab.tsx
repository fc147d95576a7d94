import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Col, DatePicker, Empty, Flex, Form, Input, InputNumber, List, Row, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { PLAN_LIMITS, type DrillView, type PlanDetail } from '../../../contracts';
import { FormModal } from '../../app/components/form-modal';
import { blankToNull } from '../../app/forms';
import { useI18n } from '../../app/i18n';
import { formatDate } from '../../app/i18n/format';
import { useSubmit } from '../../app/use-submit';
import { plansApi } from './api';

type Values = { heldOn: Dayjs; scenario: string; participantCount: number; participantNames?: string | null; evaluation?: string | null; findings?: string | null };

function DrillModal({ plan, drill, open, onClose, onSaved }: { plan: PlanDetail; drill: DrillView | null; open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const submission = useSubmit(form, async (v) => {
    const body = {
      heldOn: v.heldOn.format('YYYY-MM-DD'),
      scenario: v.scenario.trim(),
      participantCount: v.participantCount,
      participantNames: blankToNull(v.participantNames),
      evaluation: blankToNull(v.evaluation),
      findings: blankToNull(v.findings),
    };
    if (drill) await plansApi.updateDrill(drill.id, body);
    else await plansApi.addDrill(plan.id, body);
    message.success(t('common.saved'));
    onSaved();
  });
  return (
    <FormModal
      form={form}
      submission={submission}
      open={open}
      title={drill ? t('plans.drills.edit') : t('plans.drills.add')}
      onClose={onClose}
      width={640}
      initialValues={
        drill
          ? { heldOn: dayjs(drill.heldOn), scenario: drill.scenario, participantCount: drill.participantCount, participantNames: drill.participantNames ?? '', evaluation: drill.evaluation ?? '', findings: drill.findings ?? '' }
          : { heldOn: dayjs() }
      }
    >
      <Row gutter={16}>
        <Col xs={12}>
          <Form.Item name="heldOn" label={t('plans.drills.heldOn')} rules={[{ required: true, message: t('common.requiredSelect') }]}>
            <DatePicker allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="participantCount" label={t('plans.drills.participantCount')} rules={[{ required: true, message: t('common.required') }]}>
            <InputNumber min={1} max={PLAN_LIMITS.participantCountMax} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="scenario" label={t('plans.drills.scenario')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input.TextArea maxLength={PLAN_LIMITS.scenarioMax} autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
      <Form.Item name="participantNames" label={t('plans.drills.participantNames')}>
        <Input.TextArea maxLength={PLAN_LIMITS.participantNamesMax} autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
      <Form.Item name="evaluation" label={t('plans.drills.evaluation')}>
        <Input.TextArea maxLength={PLAN_LIMITS.evaluationMax} autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Form.Item name="findings" label={t('plans.drills.findings')}>
        <Input.TextArea maxLength={PLAN_LIMITS.findingsMax} autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
    </FormModal>
  );
}

/** 演练记录: the plan's drills, newest first. */
export function DrillsTab({ plan, onChanged }: { plan: PlanDetail; onChanged: () => void }) {
  const { t, errorText } = useI18n();
  const [items, setItems] = useState<DrillView[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ drill: DrillView | null } | null>(null);
  const [version, setVersion] = useState(0);

  const load = useCallback(
    (signal: AbortSignal) => {
      setLoading(true);
      plansApi
        .drills(plan.id, 1, 100, signal)
        .then((page) => {
          setItems(page.items);
          setError(null);
        })
        .catch((caught: unknown) => {
          if (!signal.aborted) setError(errorText(caught));
        })
        .finally(() => setLoading(false));
    },
    [plan.id, errorText],
  );
  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal);
    return () => controller.abort();
  }, [load, version]);

  return (
    <Flex vertical gap={12}>
      {plan.can.manage ? (
        <div>
          <Button icon={<PlusOutlined />} onClick={() => setEditing({ drill: null })}>
            {t('plans.drills.add')}
          </Button>
        </div>
      ) : null}
      {error ? <Alert type="error" showIcon title={error} /> : null}
      <List<DrillView>
        loading={loading}
        dataSource={items}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plans.drills.empty')} /> }}
        renderItem={(d) => (
          <List.Item
            style={{ display: 'block' }}
            extra={plan.can.manage ? <Button size="small" type="text" icon={<EditOutlined />} onClick={() => setEditing({ drill: d })} aria-label={t('common.edit')} /> : undefined}
          >
            <Flex gap={8} wrap align="baseline">
              <Typography.Text strong>{formatDate(d.heldOn)}</Typography.Text>
              <Typography.Text>{d.scenario}</Typography.Text>
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('plans.drills.people', { n: d.participantCount })}
              {d.participantNames ? ` · ${d.participantNames}` : ''}
            </Typography.Text>
            {d.evaluation ? (
              <div style={{ marginTop: 4 }}>
                <Typography.Text type="secondary">{t('plans.drills.evaluation')}{t('common.colon')}</Typography.Text>
                {d.evaluation}
              </div>
            ) : null}
            {d.findings ? (
              <div style={{ marginTop: 2 }}>
                <Typography.Text type="secondary">{t('plans.drills.findings')}{t('common.colon')}</Typography.Text>
                {d.findings}
              </div>
            ) : null}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('plans.drills.recordedBy', { name: d.recordedBy })}
            </Typography.Text>
          </List.Item>
        )}
      />
      <DrillModal
        plan={plan}
        drill={editing?.drill ?? null}
        open={editing !== null}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          setVersion((v) => v + 1);
          onChanged();
        }}
      />
    </Flex>
  );
}
