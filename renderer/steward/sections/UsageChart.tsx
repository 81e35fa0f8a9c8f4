/**
 * Visits by hour as a bar chart (uPlot, canvas), members and guests stacked, with labels big
 * enough to read at arm's length on the kiosk. uPlot arrives with the console's chunk only.
 * The chart is built and drawn before the frame that first shows its box (a layout effect):
 * a report that arrives over the socket shows its totals and its chart in one frame, not the
 * chart a frame or more later.
 */
import { useLayoutEffect, useRef, type ReactElement } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface UsageChartProps {
  readonly byHour: readonly { members: number; guests: number }[];
  readonly labels: { readonly members: string; readonly guests: string };
  /** Called once the first frame with data is on the canvas. */
  readonly onPainted?: () => void;
}

const FONT = '600 18px system-ui, sans-serif';

export function UsageChart({ byHour, labels, onPainted }: UsageChartProps): ReactElement {
  const box = useRef<HTMLDivElement>(null);
  const painted = useRef(onPainted);
  painted.current = onPainted;
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return undefined;
    const hours = byHour.map((_, h) => h);
    // Stacked by hand: the guests series is drawn as members + guests behind the members.
    const members = byHour.map((h) => h.members);
    const total = byHour.map((h) => h.members + h.guests);
    const bars = uPlot.paths.bars!({ size: [0.8, 60] });
    const axis = { font: FONT, size: 56, stroke: '#222', grid: { stroke: '#ddd' } };
    const chart = new uPlot(
      {
        width: Math.max(320, el.clientWidth || 800),
        height: 320,
        legend: { show: true },
        cursor: { show: false },
        scales: { x: { time: false, range: [-0.5, 23.5] } },
        axes: [{ ...axis, values: (_u, ticks) => ticks.map((t) => `${t}`), incrs: [3] }, axis],
        series: [
          {},
          { label: labels.guests, fill: '#f4b860', stroke: '#c98a2c', paths: bars, points: { show: false } },
          { label: labels.members, fill: '#c0392b', stroke: '#922b21', paths: bars, points: { show: false } },
        ],
        hooks: { draw: [() => painted.current?.()] },
      },
      [hours, total, members],
      el,
    );
    return () => chart.destroy();
  }, [byHour, labels.members, labels.guests]);
  return <div className="usage-chart" data-testid="usage-chart" ref={box} />;
}
