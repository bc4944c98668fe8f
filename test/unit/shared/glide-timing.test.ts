import { describe, expect, it } from 'vitest';
import {
  easeInOut,
  GLIDE_EVERY_MS,
  GLIDE_KEYFRAME_MS,
  GLIDE_MS,
  glidePath,
  glideStep,
} from '../../../src/shared/glide-timing';

/** CSS ease-in-out, cubic-bezier(0.42, 0, 0.58, 1), at Bézier parameter u: [x, y]. */
function bezier(u: number): [number, number] {
  return [3 * 0.42 * u * (1 - u) ** 2 + 3 * 0.58 * u * u * (1 - u) + u ** 3, 3 * u * u * (1 - u) + u ** 3];
}

describe('glide timing', () => {
  it('slides every few seconds in a short animation, about 300 ms', () => {
    expect(GLIDE_EVERY_MS).toBeGreaterThanOrEqual(3000);
    expect(GLIDE_EVERY_MS).toBeLessThanOrEqual(6000);
    expect(GLIDE_MS).toBeGreaterThanOrEqual(200);
    expect(GLIDE_MS).toBeLessThanOrEqual(350);
  });

  it('moves speed × interval a slide, so the average speed is the scrolling speed', () => {
    for (const speed of [20, 60, 150]) {
      const { everyMs, distance } = glideStep(speed, 1_000_000);
      expect(everyMs).toBe(GLIDE_EVERY_MS);
      expect(distance / (everyMs / 1000)).toBeCloseTo(speed, 9);
    }
    // Never more than half a lane in one slide: a short lane slides more often instead.
    const { everyMs, distance } = glideStep(200, 1000);
    expect(distance).toBe(500);
    expect(distance / (everyMs / 1000)).toBeCloseTo(200, 9);
  });

  it('eases in and out as CSS ease-in-out does', () => {
    for (const u of [0.1, 0.25, 0.5, 0.7, 0.9]) {
      const [x, y] = bezier(u);
      expect(easeInOut(x)).toBeCloseTo(y, 6);
    }
    expect(easeInOut(0)).toBe(0);
    expect(easeInOut(1)).toBe(1);
    expect(easeInOut(-1)).toBe(0);
    expect(easeInOut(2)).toBe(1);
  });

  it('draws a slide through keyframes on whole device pixels, from and to exactly', () => {
    for (const ratio of [1, 1.5, 2]) {
      const path = glidePath(12.25, 372.25, ratio);
      expect(path[0]).toEqual({ offset: 0, position: 12.25 });
      expect(path.at(-1)).toEqual({ offset: 1, position: 372.25 });
      for (const { position } of path.slice(1, -1)) expect(Number.isInteger(position * ratio)).toBe(true);
    }
  });

  it('follows the eased curve within half a device pixel, and never goes back or stands still', () => {
    const path = glidePath(0, 360, 1);
    // About four keyframes a frame where the slide moves fast: far more than the frames drawn.
    expect(path.length).toBeGreaterThan(GLIDE_MS / (1000 / 60));
    expect(path.length).toBeLessThanOrEqual(Math.ceil(GLIDE_MS / GLIDE_KEYFRAME_MS) + 1);
    for (let index = 1; index < path.length; index += 1) {
      const { offset, position } = path[index]!;
      expect(offset).toBeGreaterThan(path[index - 1]!.offset);
      // The last keyframe (the end, exactly) may repeat the place reached just before it.
      if (index === path.length - 1) expect(position).toBeGreaterThanOrEqual(path[index - 1]!.position);
      else {
        expect(position).toBeGreaterThan(path[index - 1]!.position);
        expect(Math.abs(position - 360 * easeInOut(offset))).toBeLessThanOrEqual(0.5);
      }
    }
  });

  it('holds each place no longer than a keyframe interval where the slide moves', () => {
    // Mid-slide the picture moves several pixels a keyframe: every keyframe is kept.
    const path = glidePath(0, 360, 1);
    const middle = path.filter(({ offset }) => offset > 0.3 && offset < 0.7);
    for (let index = 1; index < middle.length; index += 1) {
      expect((middle[index]!.offset - middle[index - 1]!.offset) * GLIDE_MS).toBeCloseTo(GLIDE_KEYFRAME_MS, 6);
    }
  });
});
