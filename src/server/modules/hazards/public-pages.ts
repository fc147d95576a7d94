import QRCode from 'qrcode';
import { escapeHtml as esc } from '../../platform/http/html';

/** Minimal HTML pages for residents: no framework, no login, readable on any phone, printable. */

const PAGE_STYLE = `
  body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:0;background:#f3f5f9;color:#1f2937}
  main{max-width:560px;margin:0 auto;padding:20px 16px 40px}
  h1{font-size:22px;margin:8px 0 4px} .sub{color:#6b7280;margin:0 0 16px}
  form{background:#fff;border-radius:12px;padding:16px;box-shadow:0 1px 4px rgba(0,0,0,.08)}
  label{display:block;font-weight:600;margin:14px 0 6px} select,textarea,input{width:100%;box-sizing:border-box;font-size:16px;padding:10px;border:1px solid #cbd5e1;border-radius:8px}
  textarea{min-height:110px} button{margin-top:18px;width:100%;font-size:18px;padding:12px;border:0;border-radius:10px;background:#1f4e8c;color:#fff}
  .hint{color:#6b7280;font-size:13px;margin-top:4px} .ok{background:#fff;border-radius:12px;padding:24px;text-align:center}
  .code{font-size:24px;font-weight:700;letter-spacing:1px;margin:12px 0}`;

export function reportFormPage(token: string, info: { village: string; township: string; categories: { code: string; nameZh: string }[]; photoBytesMax: number }) {
  const options = info.categories.map((c) => `<option value="${esc(c.code)}">${esc(c.nameZh)}</option>`).join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>隐患随手拍 · ${esc(info.village)}</title><style>${PAGE_STYLE}</style></head><body><main>
<h1>隐患随手拍</h1><p class="sub">${esc(info.township)} ${esc(info.village)} · 您的报告将直接送达村（社区）和镇（街道）应急管理站</p>
<form method="post" action="/api/public/report/${esc(token)}?html=1" enctype="multipart/form-data">
<label for="categoryCode">隐患类别</label><select id="categoryCode" name="categoryCode" required>${options}</select>
<label for="description">情况描述</label><textarea id="description" name="description" maxlength="1000" required placeholder="在哪里、看到了什么"></textarea>
<label for="photo">照片（可选）</label><input id="photo" name="photo" type="file" accept="image/*" capture="environment">
<div class="hint">不超过 ${Math.round(info.photoBytesMax / 1024 / 1024)} MB 的 JPEG / PNG 图片</div>
<label for="phone">联系电话（可选）</label><input id="phone" name="phone" type="tel" maxlength="20" placeholder="便于工作人员联系您">
<input type="hidden" id="lat" name="lat"><input type="hidden" id="lng" name="lng">
<div class="hint" id="where">提交时将尝试附上您的位置（需您允许）</div>
<button type="submit">提交</button></form></main><script src="/q/report.js"></script></body></html>`;
}

/** Fills in the location when the phone allows it; the form works without it. */
export const REPORT_FORM_SCRIPT = `(function(){if(!navigator.geolocation)return;navigator.geolocation.getCurrentPosition(function(p){
document.getElementById('lat').value=p.coords.latitude.toFixed(6);document.getElementById('lng').value=p.coords.longitude.toFixed(6);
document.getElementById('where').textContent='已附上您的位置';},function(){},{enableHighAccuracy:true,timeout:10000});})();`;

export function receiptPage(code: string) {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>已收到</title><style>${PAGE_STYLE}</style></head><body><main><div class="ok"><h1>感谢您的报告</h1>
<p>工作人员将尽快核实处理。您的报告编号：</p><div class="code">${esc(code)}</div></div></main></body></html>`;
}

export async function posterPage(url: string, village: string, township: string) {
  const qr = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M', width: 360 });
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>隐患随手拍二维码 · ${esc(village)}</title>
<style>${PAGE_STYLE} @page{size:A4;margin:18mm} .poster{background:#fff;text-align:center;padding:32px;border:6px solid #1f4e8c;border-radius:16px}
.poster h1{font-size:40px;color:#1f4e8c} .poster p{font-size:20px} .qr svg{width:360px;height:360px} .url{font-size:12px;color:#6b7280;word-break:break-all}
@media print{body{background:#fff} main{max-width:none}}</style></head><body><main><div class="poster">
<h1>隐患随手拍</h1><p>${esc(township)} ${esc(village)}</p><div class="qr">${qr}</div>
<p>发现安全隐患？用手机扫一扫，拍照上报</p><p>无需注册 · 直达村（社区）和镇（街道）应急管理站</p><p class="url">${esc(url)}</p>
</div></main></body></html>`;
}
