import { useState } from 'react';
import { Button, Card, Checkbox } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useAuth, useMe } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { PageHeader } from '../../app/components/page-header';
import { filterWidth, useIsMobile } from '../../app/use-is-mobile';
import { exportUrl } from './api';
import { PeopleTable } from './people-table';
import { UnitSelect, type UnitOption } from './unit-select';

/** 人员名册: everyone in the user's scope, by unit, searchable, with export. */
export default function PeoplePage() {
  const me = useMe();
  const { can } = useAuth();
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const [unit, setUnit] = useState<UnitOption>(me.unit);
  const [subtree, setSubtree] = useState(true);

  return (
    <>
      <PageHeader
        title={t('people.title')}
        extra={
          <Button icon={<DownloadOutlined />} href={exportUrl('people', unit.id)}>
            {t('people.export')}
          </Button>
        }
      />
      <Card size="small">
        <PeopleTable
          unitId={unit.id}
          subtree={subtree}
          canAdd={can('org.staff.manage')}
          addUnit={subtree ? null : unit}
          filters={
            <>
              <UnitSelect
                value={unit.id}
                initial={unit}
                onChange={(_id, chosen) => setUnit(chosen ?? me.unit)}
                allowClear
                style={{ width: filterWidth(isMobile, 260) }}
              />
              <Checkbox checked={subtree} onChange={(event) => setSubtree(event.target.checked)}>
                {t('people.subtree')}
              </Checkbox>
            </>
          }
        />
      </Card>
    </>
  );
}
