/**
 * Validates a pain.001.001.03 file against the XSD in packages/domain/rules/iso20022 with xmllint (libxml2 compiled to
 * WebAssembly, runs in a worker thread). The schema file is read once; replacing it with the official ISO 20022 file
 * needs no code change.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateXML, memoryPages } from 'xmllint-wasm';

export const PAIN001_XSD_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../../domain/rules/iso20022/pain.001.001.03.xsd');

let schema: string | null = null;

export interface XsdResult {
  valid: boolean;
  /** xmllint's messages without file names; values in quotes are removed so no name or account reaches a log. */
  errors: string[];
}

/**
 * Keeps element, type and facet names in an xmllint message and replaces every other quoted value with '…', so that
 * no name, account or amount from the file reaches a log or an answer.
 */
export function redactXmllintMessage(message: string): string {
  return message
    .replace(/\{urn:iso:std:iso:20022:tech:xsd:pain\.001\.001\.03\}/g, '')
    .replace(/(\b(?:Element|type|facet|attribute) )?'([^']*)'/g, (_m, before: string | undefined, value: string) =>
      before && /^[A-Za-z_][A-Za-z0-9_]*$/.test(value) ? `${before}'${value}'` : `${before ?? ''}'…'`,
    );
}

export async function validatePain001Xsd(xml: string): Promise<XsdResult> {
  schema ??= readFileSync(PAIN001_XSD_PATH, 'utf8');
  const result = await validateXML({
    xml: [{ fileName: 'pain001.xml', contents: xml }],
    schema: [{ fileName: 'pain.001.001.03.xsd', contents: schema }],
    initialMemoryPages: 256,
    maxMemoryPages: 64 * memoryPages.MiB,
  });
  return { valid: result.valid, errors: result.errors.map((e) => redactXmllintMessage(e.message)) };
}
