import { WARNING_ANSWERS, type WarningAnswer } from '../../../contracts/warnings';
import { WARNING_LEVELS, WARNING_TYPES } from './cap';
import { escapeHtml as esc } from '../../platform/http/html';


export const ANSWER_ZH: Record<WarningAnswer, string> = { acknowledged: '已知悉', on_duty: '已到岗', evacuating: '正在转移', evacuated: '已转移', need_help: '需要支援' };

const LEVEL_COLOUR = { red: '#cf1322', orange: '#d46b08', yellow: '#d4b106', blue: '#1d39c4' } as const;

/**
 * The page behind the link in a warning SMS: the warning and one button per answer, readable on any
 * phone, no sign-in (the token in the address is the key). Plain HTML forms, no script.
 */
export function answerPage(token: string, info: { headline: string; level: keyof typeof WARNING_LEVELS; type: keyof typeof WARNING_TYPES; recipient: string; answer: WarningAnswer | null; exercise: boolean }, justAnswered = false) {
  const colour = LEVEL_COLOUR[info.level];
  const buttons = WARNING_ANSWERS.map(
    (a) => `<form method="post" action="/api/public/warnings/${esc(token)}/answer?html=1" enctype="multipart/form-data"><input type="hidden" name="answer" value="${a}"><button type="submit"${info.answer === a ? ' class="chosen"' : ''}>${ANSWER_ZH[a]}</button></form>`,
  ).join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>预警叫应</title><style>
body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:0;background:#f3f5f9;color:#1f2937}
main{max-width:520px;margin:0 auto;padding:20px 16px 40px}
.card{background:#fff;border-radius:12px;padding:16px;box-shadow:0 1px 4px rgba(0,0,0,.08);border-top:6px solid ${colour}}
h1{font-size:20px;margin:6px 0} .level{color:${colour};font-weight:700}
.exercise{background:#fffbe6;border:1px dashed #d48806;color:#ad6800;padding:6px 10px;border-radius:8px;margin-bottom:10px;font-weight:700}
button{width:100%;font-size:18px;padding:12px;margin-top:10px;border:1px solid #1f4e8c;border-radius:10px;background:#fff;color:#1f4e8c}
button.chosen{background:#1f4e8c;color:#fff} .done{margin-top:12px;padding:10px;border-radius:8px;background:#f6ffed;border:1px solid #b7eb8f}
</style></head><body><main><div class="card">
${info.exercise ? '<div class="exercise">【演练】本预警为演练，不是真实预警</div>' : ''}
<div class="level">${esc(WARNING_TYPES[info.type].zh)}${esc(WARNING_LEVELS[info.level].zh)}预警</div>
<h1>${esc(info.headline)}</h1>
<p>${esc(info.recipient)}，请确认收到并回复：</p>
${justAnswered || info.answer ? `<div class="done">已回复：${esc(ANSWER_ZH[info.answer ?? 'acknowledged'])}。如情况变化，可再次选择。</div>` : ''}
${buttons}
</div></main></body></html>`;
}
