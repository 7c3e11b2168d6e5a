import { extractText, getDocumentProxy } from 'unpdf';

/** The text of a PDF, all pages, for asserting what a letter says. */
export async function pdfText(pdf: Buffer | Uint8Array): Promise<string> {
  const proxy = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(proxy, { mergePages: true });
  return text;
}
