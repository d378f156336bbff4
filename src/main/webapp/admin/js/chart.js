// A small time-series chart drawn as SVG by the page itself: one or two lines over the last
// 15 minutes, the newest value beside the title. No library, nothing from another origin.
const NS = 'http://www.w3.org/2000/svg';
const WIDTH = 300;
const HEIGHT = 60;
export const WINDOW_MS = 15 * 60 * 1000;

function svg(tag, attributes) {
    const node = document.createElementNS(NS, tag);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
    return node;
}

/**
 * Draws series (each [{t, v}], t in ms) into an <svg>; values below 0 ("not known") are left out.
 * The vertical scale starts at 0 and fits the highest point.
 */
export function drawChart(target, series, label) {
    const now = Date.now();
    const from = now - WINDOW_MS;
    const known = series.map((points) => points.filter((p) => p.t >= from && p.v >= 0));
    const top = Math.max(1e-9, ...known.flat().map((p) => p.v));
    const chart = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'chart', role: 'img', 'aria-label': label,
        preserveAspectRatio: 'none' });
    chart.append(svg('line', { x1: 0, y1: HEIGHT - 0.5, x2: WIDTH, y2: HEIGHT - 0.5, class: 'axis' }));
    known.forEach((points, index) => {
        if (!points.length) return;
        const coordinates = points.map((p) => {
            const x = ((p.t - from) / WINDOW_MS) * WIDTH;
            const y = HEIGHT - 2 - (p.v / top) * (HEIGHT - 6);
            return `${x.toFixed(1)},${y.toFixed(1)}`;
        });
        chart.append(svg('polyline', { points: coordinates.join(' '), class: `series series-${index}` }));
    });
    target.replaceChildren(chart);
}
