// The live dashboard: the node's last 20 minutes from /admin/dashboard, then each new sample from
// the console's live stream (live.js). Every figure is a card: its name, its newest value and a chart of the
// last 15 minutes. Sampled every 5 s on the server; the page draws, it does not compute.
import { api } from '/js/api.js';
import { el, humanSize, replace } from '/js/dom.js';
import { language, t } from '/js/i18n.js';
import { drawChart, WINDOW_MS } from './chart.js';
import { onSample } from './live.js';

const CARDS = [
    { key: 'connections', series: ['connections', 'online'], format: count, legend: ['admin.dash.connectionsLegend', 'admin.dash.onlineLegend'] },
    { key: 'calls', series: ['activeCalls'], format: count },
    { key: 'messages', series: ['sentPerSecond', 'deliveredPerSecond'], format: rate, legend: ['admin.dash.sent', 'admin.dash.delivered'] },
    { key: 'refused', series: ['refusedPerSecond'], format: rate, detail: refusedDetail },
    { key: 'signIns', series: ['signInsPerMinute', 'failedSignInsPerMinute'], format: perMinute, legend: ['admin.dash.succeeded', 'admin.dash.failed'] },
    { key: 'uploads', series: ['uploadsPerMinute'], format: perMinute },
    { key: 'closes', series: ['slowConsumerClosesPerMinute', 'floodClosesPerMinute'], format: perMinute, legend: ['admin.dash.slowConsumer', 'admin.dash.flood'] },
    { key: 'writer', series: ['writerQueueDepth', 'writerBatchMean'], format: count, legend: ['admin.dash.queue', 'admin.dash.batch'] },
    { key: 'heap', series: ['heapUsedBytes'], format: (v, s) => `${humanSize(v)} / ${humanSize(s.heapMaxBytes)}` },
    { key: 'gc', series: ['gcMillisPerSecond'], format: (v) => `${v.toFixed(1)} ms/s` },
    { key: 'pool', series: ['dbPoolInUse', 'dbPoolWaitMillis'], format: (v, s) => (v < 0 ? t('admin.dash.notPublished')
        : `${count(v)} · ${s.dbPoolWaitMillis.toFixed(0)} ms`), legend: ['admin.dash.inUse', 'admin.dash.waitMs'] },
];

let stop = () => {};

export async function showDashboard(main) {
    stop();
    const samples = (await api('GET', '/admin/dashboard')).samples;
    const status = el('p', { class: 'hint', role: 'status' });
    const grid = el('div', { class: 'cards' });
    replace(main, el('h1', {}, t('admin.dash.title')), status, grid);
    const render = () => {
        const latest = samples[samples.length - 1];
        status.textContent = latest ? t('admin.dash.node', { node: latest.node, at: new Date(latest.at).toLocaleTimeString(language()) })
            : t('admin.dash.waiting');
        replace(grid, ...CARDS.map((card) => cardOf(card, samples, latest)));
    };
    render();
    // Live: the console's one stream (live.js).
    stop = onSample((sample) => {
        if (!main.isConnected || !location.hash.startsWith('#/dashboard')) {
            stop();
            return;
        }
        if (samples.length && samples[samples.length - 1].at === sample.at) return;
        samples.push(sample);
        const cutoff = Date.now() - WINDOW_MS - 60_000;
        while (samples.length && Date.parse(samples[0].at) < cutoff) samples.shift();
        render();
    });
}

function cardOf(card, samples, latest) {
    const chart = el('div', { class: 'chart-box' });
    const title = t(`admin.dash.${card.key}`);
    drawChart(chart, card.series.map((name) => samples.map((s) => ({ t: Date.parse(s.at), v: s[name] }))), title);
    const value = latest ? card.format(latest[card.series[0]], latest) : '—';
    return el('section', { class: 'card', dataset: { card: card.key } },
        el('h2', {}, title),
        el('p', { class: 'card-value' }, value),
        chart,
        card.legend ? el('p', { class: 'legend' }, card.legend.map((key, i) => el('span', { class: `key key-${i}` }, t(key)))) : null,
        card.detail && latest ? card.detail(latest) : null);
}

function count(v) {
    return Math.round(v).toLocaleString(language());
}

function rate(v) {
    return `${v.toFixed(v < 10 ? 1 : 0)}/s`;
}

function perMinute(v) {
    return `${v.toFixed(v < 10 ? 1 : 0)}/min`;
}

function refusedDetail(latest) {
    const reasons = Object.entries(latest.refusedByReason || {});
    if (!reasons.length) return null;
    return el('p', { class: 'legend' }, reasons.map(([reason, value]) => el('span', {}, `${reason}: ${rate(value)}`)));
}
