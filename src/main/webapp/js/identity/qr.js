// Draws a QR code the server encoded (rows of "0"/"1", one character per module) as SVG, with
// the quiet zone readers need. The page draws it; nothing is fetched from anywhere else.
const NS = 'http://www.w3.org/2000/svg';

export function qrSvg(rows, label) {
    const size = rows.length + 8;
    const svg = document.createElementNS(NS, 'svg');
    svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
    svg.setAttribute('class', 'qr');
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', label);
    svg.setAttribute('shape-rendering', 'crispEdges');
    const background = document.createElementNS(NS, 'rect');
    Object.entries({ width: size, height: size, fill: '#fff' }).forEach(([k, v]) => background.setAttribute(k, v));
    svg.append(background);
    // One path for all dark modules: small and fast, however many there are.
    let d = '';
    rows.forEach((row, y) => {
        for (let x = 0; x < row.length; x++) if (row[x] === '1') d += `M${x + 4} ${y + 4}h1v1h-1z`;
    });
    const path = document.createElementNS(NS, 'path');
    path.setAttribute('d', d);
    path.setAttribute('fill', '#000');
    svg.append(path);
    return svg;
}
