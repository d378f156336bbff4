package chat.plume.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Accessibility checks of what a browser shows: the axe-core rules for WCAG 2.1 A/AA and best
 * practice (axe-core is fetched from the npm registry by the build; injected over WebDriver,
 * which the page's CSP does not govern), and a computed-contrast check of every visible button
 * and link, which catches a button that is white on white until hovered (axe judges such text
 * "incomplete", not a violation).
 */
public final class PageAudit {

    private static final Path AXE = Path.of("target", "npm", "axe-core", "package", "axe.min.js");
    private static String axeSource;

    private PageAudit() {}

    /** The serious and critical axe violations of the page as it is now, one line each (empty when none). */
    public static List<String> axeViolations(Browser browser) {
        if (!Boolean.TRUE.equals(browser.script("return typeof window.axe === 'object'"))) {
            browser.script(axe());
        }
        Object result = browser.asyncScript("""
                        const done = arguments[arguments.length - 1];
                        axe.run(document, { runOnly: { type: 'tag',
                                values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })
                            .then((r) => done(r.violations
                                .filter((v) => v.impact === 'serious' || v.impact === 'critical')
                                .flatMap((v) => v.nodes.slice(0, 5).map((n) =>
                                    `${v.impact} ${v.id}: ${n.target.join(' ')} — ${(n.failureSummary || '').replace(/\\s+/g, ' ')}`))))
                            .catch((e) => done([`axe failed: ${e}`]));
                        """, Duration.ofSeconds(60));
        @SuppressWarnings("unchecked")
        List<String> lines = (List<String>) result;
        return lines;
    }

    /**
     * Visible buttons and links whose text has less than 4.5:1 contrast with the background it is
     * drawn on (the nearest opaque background up the tree), one line each.
     */
    public static List<String> lowContrastControls(Browser browser) {
        @SuppressWarnings("unchecked")
        List<String> lines = (List<String>) browser.script("""
                const rgb = (c) => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
                    const [r, g, b, a = 1] = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number); return { r, g, b, a }; };
                const lum = ({ r, g, b }) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
                    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
                const background = (node) => { for (let n = node; n; n = n.parentElement) {
                        const c = rgb(getComputedStyle(n).backgroundColor); if (c && c.a >= 0.95) return c; }
                    return rgb(getComputedStyle(document.body).backgroundColor) || { r: 255, g: 255, b: 255 }; };
                const out = [];
                for (const node of document.querySelectorAll('button, a[href], [role=tab], [role=menuitem], summary, label.file-button')) {
                    const style = getComputedStyle(node);
                    const box = node.getBoundingClientRect();
                    const text = node.textContent.replace(/[\\p{Extended_Pictographic}\\u200d\\ufe0f\\s✕⋯↓·…]/gu, '');
                    if (!text || box.width === 0 || box.height === 0 || style.visibility === 'hidden' || Number(style.opacity) < 1
                        || node.closest('[hidden], [aria-hidden=true]') || node.disabled) continue;
                    const fg = rgb(style.color); const bg = background(node);
                    const ratio = (Math.max(lum(fg), lum(bg)) + 0.05) / (Math.min(lum(fg), lum(bg)) + 0.05);
                    if (ratio < 4.5) out.push(`${node.tagName.toLowerCase()}${node.id ? '#' + node.id : ''}.${node.className} "${node.textContent.trim().slice(0, 30)}" ${ratio.toFixed(2)}:1`);
                }
                return out;
                """);
        return lines;
    }

    private static synchronized String axe() {
        if (axeSource == null) {
            try {
                axeSource = Files.readString(AXE);
            } catch (IOException e) {
                throw new UncheckedIOException("axe-core is fetched by the build into " + AXE, e);
            }
        }
        return axeSource;
    }
}
