import { createHash } from 'node:crypto';

/** Who the sign-in page is for: a client identifying with e-ID, or municipal staff. */
export type ClientKind = 'eid' | 'staff';

const STYLE = `
  body { font-family: system-ui, sans-serif; margin: 0; background: #f4f6f8; color: #1b1f23; line-height: 1.5; }
  main { max-width: 32rem; margin: 3rem auto; background: #fff; padding: 2rem; border-radius: 8px; border: 1px solid #c9d1d9; }
  h1 { font-size: 1.5rem; margin-top: 0; }
  label { display: block; font-weight: 600; margin-bottom: .25rem; }
  .hint { margin: 0 0 .5rem; color: #3d444d; }
  input { font-size: 1.1rem; padding: .5rem; width: 100%; box-sizing: border-box; border: 2px solid #57606a; border-radius: 4px; }
  input[aria-invalid="true"] { border-color: #a40e26; }
  .actions { display: flex; gap: 1rem; flex-wrap: wrap; margin-top: 1rem; }
  button { font-size: 1.1rem; padding: .6rem 1.2rem; border-radius: 4px; cursor: pointer; }
  .primary { background: #0b5394; color: #fff; border: 2px solid #0b5394; }
  .secondary { background: #fff; color: #0b5394; border: 2px solid #0b5394; }
  :focus-visible { outline: 3px solid #b35900; outline-offset: 2px; }
  .error { color: #a40e26; font-weight: 600; margin: .25rem 0; }
  .warning { background: #fff8c5; border: 2px solid #9a6700; padding: .75rem 1rem; border-radius: 4px; }
  .warning strong { display: block; font-size: 1.1rem; }
`;

/** The pages allow their own stylesheet and nothing else: no scripts, no frames, no other origins. */
export const PAGE_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; base-uri 'none'; frame-ancestors 'none'`;

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string, hasError: boolean): string {
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${hasError ? 'Fel – ' : ''}${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

export interface SignInPage {
  kind: ClientKind;
  uid: string;
  /** What the person typed, shown again after an error. */
  value?: string;
  error?: string;
  /** The service that asked for the sign-in (the client's name), shown so the person knows where they are going. */
  serviceName: string;
}

export function signInPage({ kind, uid, value = '', error, serviceName }: SignInPage): string {
  const action = `/interaction/${encodeURIComponent(uid)}`;
  const field =
    kind === 'eid'
      ? { name: 'personnummer', label: 'Personnummer', hint: '12 siffror, till exempel 19850412-1234.', autocomplete: 'off', inputmode: 'numeric' }
      : { name: 'username', label: 'Användarnamn', hint: 'Ditt användarnamn i Vägen.', autocomplete: 'username', inputmode: 'text' };
  const title = kind === 'eid' ? 'Testlegitimering – inte BankID' : 'Kommunens inloggning – testversion';
  const warning =
    kind === 'eid'
      ? `<div class="warning" role="note"><strong>Testlegitimering – inte BankID</strong>Det här är en testtjänst som ersätter BankID och Freja när Vägen körs för utveckling och demonstration. Den kontrollerar inte vem du är. Använd aldrig riktiga personuppgifter här.</div>`
      : `<div class="warning" role="note"><strong>Testinloggning – inte kommunens riktiga inloggning</strong>Den här testtjänsten ersätter kommunens inloggning när Vägen körs för utveckling och demonstration. Den frågar inte efter lösenord.</div>`;
  const describedBy = error ? `${field.name}-hint ${field.name}-error` : `${field.name}-hint`;
  const body = `<h1>${escapeHtml(title)}</h1>
${warning}
<p>Du loggar in till <strong>${escapeHtml(serviceName)}</strong>.</p>
<form method="post" action="${action}/login" novalidate>
  <label for="${field.name}">${field.label}</label>
  <p class="hint" id="${field.name}-hint">${field.hint}</p>
  ${error ? `<p class="error" id="${field.name}-error" role="alert">${escapeHtml(error)}</p>` : ''}
  <input id="${field.name}" name="${field.name}" type="text" inputmode="${field.inputmode}" autocomplete="${field.autocomplete}" autocapitalize="none" spellcheck="false" required value="${escapeHtml(value)}" aria-describedby="${describedBy}"${error ? ' aria-invalid="true" autofocus' : ''}>
  <div class="actions">
    <button class="primary" type="submit">${kind === 'eid' ? 'Legitimera' : 'Logga in'}</button>
  </div>
</form>
<form method="post" action="${action}/abort">
  <div class="actions"><button class="secondary" type="submit">Avbryt och gå tillbaka</button></div>
</form>`;
  return page(title, body, Boolean(error));
}

export function errorPage(message: string): string {
  return page(
    'Inloggningen gick inte',
    `<h1>Inloggningen gick inte</h1>
<p>${escapeHtml(message)}</p>
<p>Gå tillbaka till tjänsten du kom från och börja om.</p>`,
    true,
  );
}
