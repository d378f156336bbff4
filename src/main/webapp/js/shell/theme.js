// Light or dark: following the system (prefers-color-scheme) unless the person chose one, which
// this browser remembers. The choice is applied before the page first paints (theme-boot.js).
const KEY = 'plume.theme';

export function theme() {
    const chosen = localStorage.getItem(KEY);
    return chosen === 'light' || chosen === 'dark' ? chosen : 'system';
}

export function applyTheme(choice) {
    if (choice === 'light' || choice === 'dark') localStorage.setItem(KEY, choice);
    else localStorage.removeItem(KEY);
    setDocumentTheme();
}

export function setDocumentTheme() {
    const chosen = theme();
    if (chosen === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = chosen;
}
