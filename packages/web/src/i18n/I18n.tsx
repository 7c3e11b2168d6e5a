import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { isLang, LANGUAGES, translate, translateCode, type Lang, type MessageKey } from './messages.ts';

const STORAGE_KEY = 'vagen.lang';

interface I18nState {
  lang: Lang;
  dir: 'ltr' | 'rtl';
  /** BCP 47 locale for Intl formatting. */
  locale: string;
  setLang(lang: Lang): void;
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  code(prefix: 'status' | 'outcome' | 'paymentStatus' | 'payee', code: string, fallback?: string): string;
}

const I18nContext = createContext<I18nState | null>(null);

function initialLang(): Lang {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLang(stored)) return stored;
  } catch {
    // Storage may be blocked; Swedish is the default.
  }
  return 'sv';
}

/** Language for the client side. Staff pages stay Swedish and reset <html lang/dir> themselves. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // ignore
    }
  }, []);
  const value = useMemo<I18nState>(() => {
    const info = LANGUAGES.find((l) => l.code === lang) ?? LANGUAGES[0]!;
    return {
      lang,
      dir: info.dir,
      locale: info.locale,
      setLang,
      t: (key, vars) => translate(lang, key, vars),
      code: (prefix, c, fallback) => translateCode(lang, prefix, c, fallback),
    };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nState {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

/** Set <html lang> and <html dir> while the component is mounted. */
export function useHtmlLang(lang: string, dir: 'ltr' | 'rtl'): void {
  useEffect(() => {
    const html = document.documentElement;
    html.lang = lang;
    html.dir = dir;
  }, [lang, dir]);
}

export function LanguageSwitcher() {
  const { lang, setLang, t } = useI18n();
  return (
    <nav className="language-switcher" aria-label={t('language.label')}>
      <ul>
        {LANGUAGES.map((l) => (
          <li key={l.code}>
            <button type="button" lang={l.code} dir={l.dir} aria-pressed={lang === l.code} onClick={() => setLang(l.code)}>
              {l.name}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
