import { Component, type ReactNode } from 'react';
import { Button } from 'antd';
import { Notice } from './components/notice';
import { useI18n } from './i18n';

function PageError() {
  const { t } = useI18n();
  return (
    <Notice
      kind="warning"
      title={t('app.pageError')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('app.reload')}
        </Button>
      }
    />
  );
}

type Props = { children: ReactNode; resetKey?: string };
type State = { failed: boolean; key?: string };

/** Keeps a failing page (or a lazy chunk that did not load) from blanking the whole app. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false, key: this.props.resetKey };

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.key ? { failed: false, key: props.resetKey } : null;
  }

  override componentDidCatch(error: unknown): void {
    console.error(error);
  }

  override render(): ReactNode {
    return this.state.failed ? <PageError /> : this.props.children;
  }
}
