import { useState } from 'react';
import { Alert, Button, Card, Flex, Segmented, Space, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { ImportKind } from '../../../contracts';
import { LIMITS } from '../../../contracts';
import { useAuth, useMe } from '../../app/auth';
import { ImportFlow, IMPORT_MAX_MB, useImportFlow } from '../../app/components/import-flow';
import { useI18n } from '../../app/i18n';
import { PageHeader } from '../../app/components/page-header';
import { filterWidth, useIsMobile } from '../../app/use-is-mobile';
import { exportUrl, orgApi } from './api';
import { UnitSelect, type UnitOption } from './unit-select';

function ExportCard() {
  const me = useMe();
  const { t } = useI18n();
  const [unit, setUnit] = useState<UnitOption>(me.unit);
  const isMobile = useIsMobile();
  return (
    <Card title={t('import.exportTitle')}>
      <Typography.Paragraph type="secondary">{t('import.exportHint')}</Typography.Paragraph>
      <Flex wrap gap={8}>
        <UnitSelect value={unit.id} initial={unit} onChange={(_id, chosen) => setUnit(chosen ?? me.unit)} style={{ width: filterWidth(isMobile, 280) }} />
        <Button icon={<DownloadOutlined />} href={exportUrl('units', unit.id)} download>
          {t('import.exportUnits')}
        </Button>
        <Button icon={<DownloadOutlined />} href={exportUrl('people', unit.id)} download>
          {t('import.exportPeople')}
        </Button>
      </Flex>
    </Card>
  );
}

function ImportCard({ kinds }: { kinds: ImportKind[] }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<ImportKind>(kinds[0]);
  const flow = useImportFlow({ preview: (file) => orgApi.previewImport(kind, file), commit: (file) => orgApi.commitImport(kind, file) });

  return (
    <Card
      title={t('import.importTitle')}
      extra={
        kinds.length > 1 ? (
          <Segmented<ImportKind>
            value={kind}
            onChange={(next) => {
              setKind(next);
              flow.reset();
            }}
            options={kinds.map((value) => ({ value, label: t(`import.kind.${value}`) }))}
          />
        ) : (
          <Tag>{t(`import.kind.${kind}`)}</Tag>
        )
      }
    >
      <ImportFlow flow={flow} hint={t('import.dropHint', { rows: LIMITS.importRowsMax, size: IMPORT_MAX_MB })} />
    </Card>
  );
}

/** 导入导出: Excel export of units and people, and the import flow upload → preview → confirm → result. */
export default function ImportExportPage() {
  const { can } = useAuth();
  const { t } = useI18n();
  const kinds: ImportKind[] = [];
  if (can('org.units.manage')) kinds.push('units');
  if (can('org.staff.manage')) kinds.push('people');

  return (
    <>
      <PageHeader title={t('import.title')} />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <ExportCard />
        {kinds.length > 0 ? <ImportCard kinds={kinds} /> : <Alert type="info" showIcon title={t('import.noPermission')} />}
      </Space>
    </>
  );
}
