// How far a download has come, written for a person: on a terminal one line that keeps updating
// (percent, megabytes, speed); elsewhere (a log, CI) a plain line at every 10 %, so a slow network
// never looks like a hang either way. Used by electron-download-progress.cjs inside Electron's
// installer; pure apart from the stream it is given, so tests drive it with a fake clock.
'use strict';

const MB = 1_000_000;
/** A terminal line is redrawn at most this often. */
const REDRAW_MS = 100;
/** The speed is measured over this much recent time. */
const SPEED_WINDOW_MS = 3_000;
/** Without a known size, a plain line every this many bytes. */
const UNSIZED_STEP_BYTES = 10 * MB;

const mb = (bytes) => (bytes / MB).toFixed(1);

function speedText(bytesPerSecond) {
  if (!Number.isFinite(bytesPerSecond) || bytesPerSecond <= 0) return '–';
  return bytesPerSecond >= MB ? `${mb(bytesPerSecond)} MB/s` : `${Math.round(bytesPerSecond / 1000)} kB/s`;
}

/**
 * A meter for one download of `total` bytes (null when the server did not say) written to `out`
 * (a stream with write() and isTTY). Call add(bytes) per chunk and done() at the end.
 */
function createProgress({ out, total, now = Date.now }) {
  const started = now();
  const samples = [{ at: started, bytes: 0 }];
  let received = 0;
  let lastDraw = -Infinity;
  let lastStep = 0;
  let finished = false;
  const sized = typeof total === 'number' && Number.isFinite(total) && total > 0;

  function speed() {
    const at = now();
    while (samples.length > 2 && at - samples[1].at > SPEED_WINDOW_MS) samples.shift();
    const first = samples[0];
    const seconds = (at - first.at) / 1000;
    return seconds > 0 ? (received - first.bytes) / seconds : NaN;
  }

  function line() {
    const amount = sized ? `${mb(received)} of ${mb(total)} MB` : `${mb(received)} MB`;
    const percent = sized ? `${String(Math.floor((received / total) * 100)).padStart(3)}% ` : '';
    return `  ${percent}${amount}, ${speedText(speed())}`;
  }

  return {
    add(bytes) {
      if (finished) return;
      received += bytes;
      const at = now();
      samples.push({ at, bytes: received });
      if (out.isTTY) {
        if (at - lastDraw < REDRAW_MS) return;
        lastDraw = at;
        out.write(`\r${line()}\u001b[K`);
        return;
      }
      const step = sized ? Math.floor((received / total) * 10) : Math.floor(received / UNSIZED_STEP_BYTES);
      if (step > lastStep && (!sized || step < 10)) {
        lastStep = step;
        out.write(`${line()}\n`);
      }
    },
    done() {
      if (finished) return;
      finished = true;
      const seconds = Math.max(0.001, (now() - started) / 1000);
      const summary = `  ${sized ? '100% ' : ''}${mb(received)} MB in ${seconds.toFixed(1)} s (${speedText(received / seconds)})`;
      out.write(out.isTTY ? `\r${summary}\u001b[K\n` : `${summary}\n`);
    },
  };
}

module.exports = { createProgress };
