import { Alert } from 'antd';

/** The error of a form's last attempt above its fields (antd's Alert is announced: role="alert"). */
export function FormError({ error, gap = 16 }: { error: string | null; gap?: number }) {
  return error ? <Alert type="error" showIcon title={error} style={{ marginBottom: gap }} /> : null;
}
