/**
 * A minimal browser for tests: follows an authorization request through the local provider's sign-in page and
 * returns the URL the provider sends the browser back to (the relying party's callback with code and state).
 */
export type SignInAs = { personnummer: string } | { username: string } | { abort: true };

export async function signInAtProvider(authorizationUrl: string, who: SignInAs): Promise<URL> {
  const jar = new Map<string, string>();
  const origin = new URL(authorizationUrl).origin;
  let url = new URL(authorizationUrl);
  let method = 'GET';
  let body: string | undefined;
  for (let hop = 0; hop < 20; hop++) {
    const res = await fetch(url, {
      method,
      redirect: 'manual',
      headers: {
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(body ? { body } : {}),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
    }
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      const next = new URL(location, url);
      if (next.origin !== origin) return next;
      url = next;
      method = 'GET';
      body = undefined;
      continue;
    }
    const html = await res.text();
    const interaction = /^\/interaction\/[\w-]+$/.test(url.pathname);
    if (res.status !== 200 || !interaction || method !== 'GET') throw new Error(`sign-in stopped at ${url.pathname}: ${res.status} ${html.slice(0, 300)}`);
    method = 'POST';
    if ('abort' in who) {
      url = new URL(`${url.pathname}/abort`, url);
      body = '';
    } else {
      url = new URL(`${url.pathname}/login`, url);
      body = new URLSearchParams(who as Record<string, string>).toString();
    }
  }
  throw new Error('sign-in: too many redirects');
}
