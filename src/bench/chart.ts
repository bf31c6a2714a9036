/**
 * An SVG grouped bar chart of latencies with the target drawn across: a picture the Markdown report can
 * show on any Git host, without a plotting library.
 */

export interface BarGroup {
  label: string;
  bars: { series: string; value: number }[];
}

const WIDTH = 760;
const HEIGHT = 320;
const MARGIN = { top: 30, right: 20, bottom: 60, left: 50 };
const COLOURS = ['#1565c0', '#2e7d32', '#ef6c00', '#6a1b9a'];

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function latencyChartSvg(title: string, groups: BarGroup[], target: number, unit = 'ms'): string {
  const series = [...new Set(groups.flatMap((g) => g.bars.map((b) => b.series)))];
  const largest = Math.max(target, ...groups.flatMap((g) => g.bars.map((b) => b.value))) * 1.1;
  // Four gridlines at a round step (1, 2 or 5 times a power of ten).
  const magnitude = 10 ** Math.floor(Math.log10(largest / 4));
  const step = ([1, 2, 5, 10].find((m) => m * magnitude * 4 >= largest) ?? 10) * magnitude;
  const highest = step * 4;
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const y = (value: number) => MARGIN.top + plotHeight - (value / highest) * plotHeight;
  const slot = plotWidth / Math.max(1, groups.length);
  const barWidth = (slot * 0.8) / Math.max(1, series.length);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" font-family="sans-serif" font-size="11">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
    `<text x="${WIDTH / 2}" y="18" text-anchor="middle" font-size="13">${escapeXml(title)}</text>`,
    `<line x1="${MARGIN.left}" y1="${y(0)}" x2="${WIDTH - MARGIN.right}" y2="${y(0)}" stroke="#777"/>`,
  ];
  for (let tick = 0; tick <= 4; tick += 1) {
    const value = step * tick;
    parts.push(
      `<line x1="${MARGIN.left}" y1="${y(value)}" x2="${WIDTH - MARGIN.right}" y2="${y(value)}" stroke="#eee"/>`,
      `<text x="${MARGIN.left - 6}" y="${y(value) + 4}" text-anchor="end">${Number(value.toPrecision(3))}</text>`,
    );
  }
  parts.push(
    `<text x="12" y="${MARGIN.top + plotHeight / 2}" transform="rotate(-90 12 ${MARGIN.top + plotHeight / 2})" text-anchor="middle">${unit}</text>`,
  );
  groups.forEach((group, g) => {
    const x0 = MARGIN.left + g * slot + slot * 0.1;
    group.bars.forEach((bar) => {
      const s = series.indexOf(bar.series);
      const x = x0 + s * barWidth;
      const colour = COLOURS[s % COLOURS.length];
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${y(bar.value).toFixed(1)}" width="${(barWidth - 2).toFixed(1)}" height="${(y(0) - y(bar.value)).toFixed(1)}" fill="${colour}"><title>${escapeXml(`${group.label}, ${bar.series}: ${bar.value} ${unit}`)}</title></rect>`,
      );
    });
    parts.push(
      `<text x="${(MARGIN.left + g * slot + slot / 2).toFixed(1)}" y="${y(0) + 16}" text-anchor="middle">${escapeXml(group.label)}</text>`,
    );
  });
  parts.push(
    `<line x1="${MARGIN.left}" y1="${y(target)}" x2="${WIDTH - MARGIN.right}" y2="${y(target)}" stroke="#c62828" stroke-dasharray="6 4"/>`,
    `<text x="${WIDTH - MARGIN.right}" y="${y(target) - 4}" text-anchor="end" fill="#c62828">target ${target} ${unit}</text>`,
  );
  series.forEach((name, s) => {
    const x = MARGIN.left + s * 170;
    parts.push(
      `<rect x="${x}" y="${HEIGHT - 22}" width="12" height="12" fill="${COLOURS[s % COLOURS.length]}"/>`,
      `<text x="${x + 16}" y="${HEIGHT - 12}">${escapeXml(name)}</text>`,
    );
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
