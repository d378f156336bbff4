// Translations: English and Simplified Chinese. The language is the user's choice (kept in
// localStorage) or else the browser's. Elements say what they need with data attributes:
//   data-i18n="key"        → textContent
//   data-i18n-aria="key"   → aria-label
const MESSAGES = {
    en: {
        'app.loading': 'Loading…',
        'app.tagline': 'Chat with friends and groups, in real time.',
        'app.language': 'Language',
        'auth.tabs': 'Sign in or create an account',
        'auth.signIn': 'Sign in',
        'auth.register': 'Create account',
        'auth.username': 'Username',
        'auth.usernameHint': '3–32 letters, digits or _',
        'auth.displayName': 'Display name',
        'auth.password': 'Password',
        'auth.passwordHint': 'At least 8 characters, not your username',
        'nav.main': 'Main',
        'nav.chats': 'Chats',
        'nav.contacts': 'Contacts',
        'nav.profile': 'Profile',
        'nav.back': 'Back',
        'chats.empty': 'No conversations yet.',
        'contacts.empty': 'No contacts yet.',
        'conversation.none': 'Plume',
        'conversation.pick': 'Pick a conversation to start chatting.',
        'conversation.welcome': 'Welcome, {name}!',
        'profile.edit': 'Edit profile',
        'profile.signOut': 'Sign out',
        'profile.signOutEverywhere': 'Sign out of all devices',
        'profile.signature': 'Signature',
        'profile.gender': 'Gender',
        'profile.genderUnset': 'Not set',
        'profile.female': 'Female',
        'profile.male': 'Male',
        'profile.other': 'Other',
        'profile.region': 'Region',
        'profile.phone': 'Phone',
        'profile.save': 'Save',
        'profile.saved': 'Saved.',
        'profile.language': 'Language',
        'connection.connecting': 'Connecting…',
        'connection.online': 'Connected',
        'connection.offline': 'Offline — reconnecting',
        'connection.devices': 'Connected on {count} devices',
        'error.invalid_credentials': 'Wrong username or password.',
        'error.username_taken': 'This username is taken.',
        'error.password_is_username': 'The password must not be your username.',
        'error.too_many_attempts': 'Too many failed attempts. Try again in a few minutes.',
        'error.invalid_input': 'Please check this field.',
        'error.network': 'Cannot reach Plume. Check your connection.',
        'error.generic': 'Something went wrong. Please try again.',
        'error.required': 'Required.',
        'error.usernameFormat': 'Use 3–32 letters, digits or _.',
        'error.passwordShort': 'Use at least 8 characters.',
    },
    'zh-CN': {
        'app.loading': '加载中…',
        'app.tagline': '与好友和群组实时聊天。',
        'app.language': '语言',
        'auth.tabs': '登录或注册',
        'auth.signIn': '登录',
        'auth.register': '注册账号',
        'auth.username': '用户名',
        'auth.usernameHint': '3–32 个字母、数字或下划线',
        'auth.displayName': '昵称',
        'auth.password': '密码',
        'auth.passwordHint': '至少 8 个字符，且不能与用户名相同',
        'nav.main': '主导航',
        'nav.chats': '消息',
        'nav.contacts': '联系人',
        'nav.profile': '我',
        'nav.back': '返回',
        'chats.empty': '还没有会话。',
        'contacts.empty': '还没有联系人。',
        'conversation.none': 'Plume',
        'conversation.pick': '选择一个会话开始聊天。',
        'conversation.welcome': '欢迎你，{name}！',
        'profile.edit': '编辑资料',
        'profile.signOut': '退出登录',
        'profile.signOutEverywhere': '退出所有设备',
        'profile.signature': '个性签名',
        'profile.gender': '性别',
        'profile.genderUnset': '未设置',
        'profile.female': '女',
        'profile.male': '男',
        'profile.other': '其他',
        'profile.region': '地区',
        'profile.phone': '手机号',
        'profile.save': '保存',
        'profile.saved': '已保存。',
        'profile.language': '语言',
        'connection.connecting': '连接中…',
        'connection.online': '已连接',
        'connection.offline': '已断开，正在重连',
        'connection.devices': '已在 {count} 台设备上连接',
        'error.invalid_credentials': '用户名或密码错误。',
        'error.username_taken': '该用户名已被占用。',
        'error.password_is_username': '密码不能与用户名相同。',
        'error.too_many_attempts': '失败次数过多，请几分钟后再试。',
        'error.invalid_input': '请检查此项。',
        'error.network': '无法连接到 Plume，请检查网络。',
        'error.generic': '出错了，请重试。',
        'error.required': '必填。',
        'error.usernameFormat': '请使用 3–32 个字母、数字或下划线。',
        'error.passwordShort': '至少 8 个字符。',
    },
};

const STORAGE_KEY = 'plume.language';
let current = 'en';
const listeners = new Set();

function pick(preferred) {
    for (const tag of preferred) {
        if (!tag) continue;
        if (MESSAGES[tag]) return tag;
        if (tag.toLowerCase().startsWith('zh')) return 'zh-CN';
        if (tag.toLowerCase().startsWith('en')) return 'en';
    }
    return 'en';
}

export function initLanguage() {
    current = pick([localStorage.getItem(STORAGE_KEY), ...(navigator.languages || [navigator.language])]);
    apply(document);
}

export function language() {
    return current;
}

export function setLanguage(tag) {
    current = pick([tag]);
    localStorage.setItem(STORAGE_KEY, current);
    apply(document);
    listeners.forEach((listener) => listener(current));
}

/** Calls the listener after every language change; returns the function that stops it. */
export function onLanguageChange(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
}

/** The message for a key, with {placeholders} filled in; the key itself when unknown. */
export function t(key, values = {}) {
    const template = MESSAGES[current][key] ?? MESSAGES.en[key] ?? key;
    return template.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}

export function has(key) {
    return key in MESSAGES.en;
}

function apply(root) {
    document.documentElement.lang = current;
    root.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
    root.querySelectorAll('[data-i18n-aria]').forEach((el) => el.setAttribute('aria-label', t(el.dataset.i18nAria)));
    root.querySelectorAll('.language-select').forEach((select) => { select.value = current; });
}
