/**
 * Where a ticker's price texts can be drawn, and what each way costs the page's main thread: the
 * simplest ticker (50 items twice in a flex row, one CSS keyframe animation, 1920×32) with
 * `--texts` prices and moves changed every 100 ms (a batch), either written as DOM text nodes or
 * drawn by a dedicated worker into one OffscreenCanvas per copy of the row
 * (`transferControlToOffscreen`: the worker's frames reach the compositor without the page's main
 * thread). Synthetic texts, no core: a probe of the technique, not of Ticker's strip (the bench's
 * `marquee_trading` row is the strip's floor with the real batches).
 *
 *   npx tsx bench/paint-probe.ts [--way dom|worker] [--texts 7] [--rounds 3]
 *
 * Prints, per round of 8 s: the main thread's busy share and CPU time (DevTools `TaskDuration`,
 * `ThreadTime`), its layout time, and every Chromium process's CPU (from /proc). Run it alone,
 * under the machine's heavy-job lock like any other bench. A screenshot of the first round's row
 * goes to test-output/paint-probe-<way>.png.
 */
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/e2e/harness/renderer-session';
import { cpuBetween, treeTimes } from './lib/process-cpu';

const { values } = parseArgs({
  options: {
    way: { type: 'string', default: 'dom' },
    texts: { type: 'string', default: '7' },
    rounds: { type: 'string', default: '3' },
  },
});
if (values.way !== 'dom' && values.way !== 'worker') throw new Error('--way is dom or worker');
const texts = Number(values.texts);
const rounds = Number(values.rounds);
if (!(Number.isInteger(texts) && texts >= 0 && texts <= 14))
  throw new Error('--texts takes 0 to 14 (the items in view)');
if (!(Number.isInteger(rounds) && rounds > 0)) throw new Error('--rounds takes a whole number above 0');

/** Each item's width in the worker's row (its texts are drawn at fixed places in it). */
const SLOT = 220;
const FONT = '600 13px sans-serif';

/** The worker: keeps each canvas's 2D context and draws each batch's texts into every copy. */
const WORKER = `
let contexts = [];
onmessage = ({ data }) => {
  if (data.canvases) {
    contexts = data.canvases.map((canvas) => {
      const context = canvas.getContext('2d');
      context.font = '${FONT}';
      context.textBaseline = 'middle';
      return context;
    });
    return;
  }
  for (const context of contexts) {
    for (const text of data.texts) {
      const left = text.index * ${SLOT} + 70;
      context.clearRect(left, 0, ${SLOT} - 70, 32);
      context.fillStyle = '#eee';
      context.fillText(text.price, left, 16);
      context.fillStyle = text.up ? '#4c4' : '#c44';
      context.fillText(text.move, left + 64, 16);
    }
  }
};`;

function page(way: 'dom' | 'worker'): string {
  const item =
    way === 'worker'
      ? `width: ${SLOT}px; box-sizing: border-box; padding-left: 12px;`
      : 'display: inline-flex; gap: 6px; padding: 0 12px;';
  return `<!doctype html><html><head><style>
html, body { margin: 0; height: 32px; overflow: hidden; background: #111; color: #eee; }
.row { display: flex; width: max-content; height: 32px; animation: row 60s linear infinite; }
.lane { position: relative; display: flex; height: 32px; align-items: center; }
.item { font: ${FONT}; white-space: nowrap; ${item} }
.lane canvas { position: absolute; left: 0; top: 0; height: 32px; }
.up { color: #4c4; }
@keyframes row { from { transform: translateX(0); } to { transform: translateX(-50%); } }
</style></head><body><div class="row"></div><script>
const way = '${way}';
const row = document.querySelector('.row');
const nodes = [];
const canvases = [];
for (let copy = 0; copy < 2; copy += 1) {
  const lane = document.createElement('div');
  lane.className = 'lane';
  row.append(lane);
  for (let index = 0; index < 50; index += 1) {
    const item = document.createElement('span');
    item.className = 'item';
    item.append('SYM' + index);
    if (way === 'dom') {
      const price = document.createElement('span');
      price.textContent = (100 + index).toFixed(2);
      const move = document.createElement('span');
      move.className = 'up';
      move.textContent = '+1.23 +0.45%';
      item.append(' ', price, ' ', move);
      nodes.push({ price: price.firstChild, move: move.firstChild });
    }
    lane.append(item);
  }
  if (way === 'worker') {
    const canvas = document.createElement('canvas');
    canvas.width = 50 * ${SLOT};
    canvas.height = 32;
    canvas.style.width = 50 * ${SLOT} + 'px';
    lane.append(canvas);
    canvases.push(canvas.transferControlToOffscreen());
  }
}
const worker = way === 'worker' ? new Worker(URL.createObjectURL(new Blob([${JSON.stringify(WORKER)}]))) : null;
worker?.postMessage({ canvases }, canvases);
let batch = 0;
setInterval(() => {
  const texts = [];
  for (let k = 0; k < ${texts}; k += 1) {
    const index = (batch * 7 + k) % 14;
    const change = (Math.random() - 0.5) * 4;
    const text = {
      index,
      price: (100 + Math.random() * 900).toFixed(2),
      move: (change >= 0 ? '+' : '') + change.toFixed(2) + ' ' + (change / 3).toFixed(2) + '%',
      up: change >= 0,
    };
    if (worker) texts.push(text);
    else {
      nodes[index].price.data = text.price;
      nodes[index].move.data = text.move;
    }
  }
  worker?.postMessage({ texts });
  batch += 1;
}, 100);
</script></body></html>`;
}

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  for (let round = 0; round < rounds; round += 1) {
    const tab = await browser.newPage({ viewport: { width: 1920, height: 120 } });
    tab.on('pageerror', (error) => console.error('[probe] page error:', error.message));
    await tab.setContent(page(values.way));
    await new Promise((resolve) => setTimeout(resolve, 2000));
    if (round === 0) {
      mkdirSync('test-output', { recursive: true });
      await tab.screenshot({
        path: `test-output/paint-probe-${values.way}.png`,
        clip: { x: 0, y: 0, width: 960, height: 32 },
      });
    }
    const cdp = await tab.context().newCDPSession(tab);
    await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
    const sample = async (): Promise<Record<string, number>> =>
      Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const before = await sample();
    const cpuBefore = treeTimes(process.pid, /^chrom/);
    const started = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 8000));
    const cpuAfter = treeTimes(process.pid, /^chrom/);
    const after = await sample();
    const wallMs = performance.now() - started;
    const pct = (name: string): string =>
      ((((after[name] ?? 0) - (before[name] ?? 0)) * 1000 * 100) / wallMs).toFixed(2);
    console.log(
      `[probe] ${values.way}, ${texts} texts a batch: main thread busy ${pct('TaskDuration')} %, CPU ${pct('ThreadTime')} %, layout ${pct('LayoutDuration')} %; every Chromium process ${((cpuBetween(cpuBefore, cpuAfter) / wallMs) * 100).toFixed(2)} % of a core`,
    );
    await tab.close();
  }
} finally {
  await browser.close();
}
