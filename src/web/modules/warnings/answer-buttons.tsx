import { useState } from 'react';
import { App, Button, Flex } from 'antd';
import { WARNING_ANSWERS, type WarningAnswer } from '../../../contracts';
import { useI18n } from '../../app/i18n';
import { announceWarningsChanged, warningsApi } from './api';

const PRIMARY: Partial<Record<WarningAnswer, 'primary'>> = { acknowledged: 'primary' };

/** 已知悉 / 已到岗 / 正在转移 / 已转移 / 需要支援: one click each; a later answer replaces the word. */
export function AnswerButtons({ deliveryId, current }: { deliveryId: string; current: WarningAnswer | null }) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<WarningAnswer | null>(null);
  const answer = async (a: WarningAnswer) => {
    setBusy(a);
    try {
      await warningsApi.answer(deliveryId, a);
      void message.success(t('warn.mine.answerDone', { answer: t(`warnAnswer.${a}`) }));
      announceWarningsChanged();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Flex gap={8} wrap>
      {WARNING_ANSWERS.map((a) => (
        <Button
          key={a}
          type={current === a ? 'primary' : current ? 'default' : (PRIMARY[a] ?? 'default')}
          danger={a === 'need_help'}
          loading={busy === a}
          disabled={busy !== null && busy !== a}
          onClick={() => void answer(a)}
        >
          {t(`warnAnswer.${a}`)}
        </Button>
      ))}
    </Flex>
  );
}
