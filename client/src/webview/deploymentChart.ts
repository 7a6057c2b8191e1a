/**
 * A Deployment rollout as a stepped bar chart: per step, the pods of the new and old ReplicaSets stacked
 * (to compare with the R+maxSurge ceiling) and the available pods beside them (to compare with the
 * R−maxUnavailable floor). Steps with downtime get a highlighted band. The steps table below the chart
 * carries the same numbers for screen readers.
 */
import type { DeploymentRollout } from '../../../server/src/shared/dryrunPlan';
import { svg } from './dom';

const STEP_WIDTH = 64;
const BAR_WIDTH = 16;
const BAR_GAP = 4;
const PLOT_HEIGHT = 150;
const TOP = 34;
const BOTTOM = 24;
const LEFT = 32;
const RIGHT = 250;

export function renderDeploymentChart(rollout: DeploymentRollout): SVGSVGElement {
  const { replicas, steps } = rollout;
  const ceiling = replicas + rollout.maxSurge;
  const floor = Math.max(0, replicas - rollout.maxUnavailable);
  const peak = Math.max(1, ceiling, replicas, ...steps.map((s) => s.new + s.old), ...steps.map((s) => s.available));
  const y = (value: number) => TOP + PLOT_HEIGHT * (1 - value / peak);
  const plotRight = LEFT + Math.max(1, steps.length) * STEP_WIDTH;
  const width = plotRight + RIGHT;
  const height = TOP + PLOT_HEIGHT + BOTTOM;
  const downtime = new Set(rollout.downtimeSteps);

  const chart = svg('svg', {
    class: 'rollout-chart',
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    role: 'img',
    'aria-label': `Pods per step of ${rollout.name}: new and old ReplicaSets stacked, available beside them; at most ${ceiling} pods, at least ${floor} available.`,
  });

  // Grid and y axis labels.
  const tick = peak <= 8 ? 1 : Math.ceil(peak / 6);
  for (let value = 0; value <= peak; value += tick) {
    chart.append(
      svg('line', { class: value === 0 ? 'axis' : 'grid', x1: LEFT, x2: plotRight, y1: y(value), y2: y(value) }),
      svg('text', { class: 'tick-label', x: LEFT - 6, y: y(value) + 4, 'text-anchor': 'end' }, String(value)),
    );
  }

  steps.forEach((step, index) => {
    const x0 = LEFT + index * STEP_WIDTH;
    const group = svg('g', { class: downtime.has(step.t) ? 'step step-downtime' : 'step', 'data-t': step.t });
    if (downtime.has(step.t)) {
      group.append(
        svg('rect', { class: 'downtime-band', x: x0 + 1, y: 2, width: STEP_WIDTH - 2, height: TOP + PLOT_HEIGHT - 2 }, svg('title', {}, `t=${step.t}: downtime`)),
        svg('text', { class: 'downtime-label', x: x0 + STEP_WIDTH / 2, y: 16, 'text-anchor': 'middle' }, 'downtime'),
      );
    }
    const barsLeft = x0 + (STEP_WIDTH - (2 * BAR_WIDTH + BAR_GAP)) / 2;
    group.append(
      bar('new', step.t, step.new, barsLeft, y(step.new), y(0) - y(step.new)),
      bar('old', step.t, step.old, barsLeft, y(step.new + step.old), y(step.new) - y(step.new + step.old)),
      bar('available', step.t, step.available, barsLeft + BAR_WIDTH + BAR_GAP, y(step.available), y(0) - y(step.available)),
      svg('text', { class: 'bar-label', x: barsLeft + BAR_WIDTH / 2, y: y(step.new + step.old) - 3, 'text-anchor': 'middle' }, String(step.new + step.old)),
      svg('text', { class: 'bar-label', x: barsLeft + 1.5 * BAR_WIDTH + BAR_GAP, y: y(step.available) - 3, 'text-anchor': 'middle' }, String(step.available)),
      svg('text', { class: 'step-label', x: x0 + STEP_WIDTH / 2, y: TOP + PLOT_HEIGHT + 16, 'text-anchor': 'middle' }, `t${step.t}`),
    );
    chart.append(group);
  });

  // The limits the strategy promises, drawn over the bars; their labels sit in the right margin.
  chart.append(
    limit('ceiling', y(ceiling), plotRight, `max ${ceiling} pods (R+maxSurge)`, -4),
    limit('floor', y(floor), plotRight, `min ${floor} available (R−maxUnavailable)`, ceiling === floor ? 12 : 4),
  );
  return chart;
}

function bar(series: 'new' | 'old' | 'available', t: number, value: number, x: number, top: number, barHeight: number): SVGRectElement {
  return svg(
    'rect',
    { class: `bar bar-${series}`, 'data-series': series, 'data-t': t, 'data-value': value, x, y: top, width: BAR_WIDTH, height: Math.max(0, barHeight) },
    svg('title', {}, `t=${t}: ${value} ${series}`),
  );
}

function limit(which: 'ceiling' | 'floor', lineY: number, plotRight: number, label: string, labelOffset: number): SVGGElement {
  return svg(
    'g',
    { class: `limit limit-${which}` },
    svg('line', { x1: LEFT, x2: plotRight, y1: lineY, y2: lineY }),
    svg('text', { x: plotRight + 6, y: lineY + labelOffset }, label),
  );
}
