/**
 * Sign-in goes through OpenID Connect providers (the e-ID broker for clients, the municipality's identity provider
 * for staff). A sign-in in progress is kept server-side, so any server process can finish it:
 * - sign_in_flows: keyed by the SHA-256 of a random value in a short-lived cookie of the browser that started it
 *   (so a callback only completes in that browser), with the state, nonce and PKCE verifier the provider's answer is
 *   checked against and where to go afterwards.
 * The local test e-ID that lived inside the server is gone, and with it its one-time codes (eid_codes) and the
 * older state table (oidc_states).
 */
export const statements: string[] = [
  `create table sign_in_flows (
     flow_hash text primary key,
     purpose text not null check (purpose in ('client', 'staff')),
     state text not null,
     nonce text not null,
     code_verifier text not null,
     return_to text not null,
     created_at timestamptz not null
   )`,
  `create index sign_in_flows_created_idx on sign_in_flows (created_at)`,
  `drop table eid_codes`,
  `drop table oidc_states`,
];
