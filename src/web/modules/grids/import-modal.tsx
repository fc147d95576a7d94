import { useState } from 'react';
import { Modal, Segmented } from 'antd';
import type { GridImportKind } from '../../../contracts';
import { LIMITS } from '../../../contracts';
import { ImportFlow, useImportFlow } from '../../app/components/import-flow';
import { useI18n } from '../../app/i18n';
import { useIsMobile } from '../../app/use-is-mobile';
import { gridsApi } from './api';

/**
 * Excel import of households or vulnerable people: choose a file → preview row by row (nothing is
 * written) → confirm (all rows or none) → result. The export of the same kind is the template.
 */
export function ImportModal({ open, onClose }: { open: boolean; onClose: (changed: boolean) => void }) {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const [kind, setKind] = useState<GridImportKind>('households');
  const flow = useImportFlow({ preview: (file) => gridsApi.previewImport(kind, file), commit: (file) => gridsApi.commitImport(kind, file) });

  return (
    <Modal
      open={open}
      title={t('grids.import.title')}
      footer={null}
      width={isMobile ? '100%' : 760}
      destroyOnHidden
      onCancel={() => {
        const changed = Boolean(flow.result?.applied);
        flow.reset();
        onClose(changed);
      }}
    >
      <Segmented<GridImportKind>
        value={kind}
        disabled={flow.busy || flow.step > 0}
        onChange={setKind}
        options={[
          { value: 'households', label: t('grids.tab.households') },
          { value: 'vulnerable', label: t('grids.tab.vulnerable') },
        ]}
        style={{ marginBottom: 12 }}
      />
      <ImportFlow flow={flow} compact hint={t(kind === 'households' ? 'grids.import.hintHouseholds' : 'grids.import.hintVulnerable', { rows: LIMITS.importRowsMax })} />
    </Modal>
  );
}
