import { ApiProblem, API_BASE, queryString, Query } from './api';
import { Session } from './session';

/**
 * Downloads a representation of a read (CSV, XLSX, Word, HTML) with the bearer token: the
 * file is fetched, then saved from a blob URL (the token never goes in a URL).
 */
export async function download(path: string, accept: string, filename: string, query: Query = {}): Promise<void> {
  const token = new Session(sessionStorage).token();
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}${queryString(query)}`, {
      headers: { Accept: accept, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      credentials: 'omit',
    });
  } catch {
    throw new ApiProblem(0, { title: 'network', detail: '' });
  }
  if (!response.ok) {
    let body = {};
    try {
      body = (await response.json()) as object;
    } catch {
      // not a problem body
    }
    throw new ApiProblem(response.status, body);
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Copies text to the clipboard; false when the browser refuses (the text stays selectable). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
