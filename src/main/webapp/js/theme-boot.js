// Applies the theme chosen in this browser before the page first paints (a plain script in the
// head, so there is no flash of the other theme). shell/theme.js changes it later.
(function applyChosenTheme() {
    try {
        var chosen = localStorage.getItem('plume.theme');
        if (chosen === 'light' || chosen === 'dark') document.documentElement.dataset.theme = chosen;
    } catch {
        // Storage disabled: follow the system.
    }
}());
