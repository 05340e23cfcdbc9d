import { session } from '@/api/client';
import { ApiError } from '@/api/problem';
import type { components } from '@/api/schema.gen';
import { currentLanguage } from '@/i18n';
import type { EvidenceOwner } from './files';

type FileView = components['schemas']['FileView'];
type UploadForm = components['schemas']['UploadForm'];

export interface UploadRequest {
  owner: EvidenceOwner;
  /** With a report: the line of its results table the file backs. */
  reportRowId?: string | null;
  category: UploadForm['category'];
  file: File;
  /** 0–99 while the bytes go up; the caller shows 100 once the server has stored them. */
  onProgress?: (percent: number) => void;
  signal?: AbortSignal;
}

interface RawResponse {
  status: number;
  text: string;
  retryAfter: string | null;
}

const uploadUrl = () => new URL('/api/v1/files', globalThis.location?.origin ?? 'http://localhost').toString();

/**
 * One POST of the multipart form. `fetch` cannot report upload progress, so this is an
 * XMLHttpRequest carrying the same headers the API client adds (bearer token, Accept-Language).
 * The text fields go first: the server reads `category` and the owner (`initiative_id`, or
 * `report_id` and `report_row_id`) before it streams the file.
 */
function send({ owner, reportRowId, category, file, onProgress, signal }: UploadRequest, token: string | null): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DOMException('Aborted', 'AbortError'));
      return;
    }
    const xhr = new XMLHttpRequest();
    const onAbort = () => xhr.abort();
    const done = () => signal?.removeEventListener('abort', onAbort);
    xhr.open('POST', uploadUrl());
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('Accept-Language', currentLanguage());
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e: ProgressEvent) => {
      if (e.lengthComputable && e.total > 0) onProgress?.(Math.min(99, Math.floor((e.loaded / e.total) * 100)));
    };
    xhr.onload = () => {
      done();
      resolve({ status: xhr.status, text: xhr.responseText, retryAfter: xhr.getResponseHeader('Retry-After') });
    };
    xhr.onerror = () => {
      done();
      reject(new TypeError('Network request failed'));
    };
    xhr.onabort = () => {
      done();
      reject(new DOMException('Aborted', 'AbortError'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });

    const form = new FormData();
    form.append('category', category);
    if (owner.kind === 'initiative') {
      form.append('initiative_id', owner.id);
    } else {
      form.append('report_id', owner.id);
      if (reportRowId) form.append('report_row_id', reportRowId);
    }
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * Uploads an evidence file: the stored view, or an `ApiError` with the server's problem
 * (413 file_too_large, 415 unsupported_file_type, 403, 404, 409, 422). Like the API client, a
 * 401 refreshes the session once and tries again.
 */
export async function uploadEvidence(request: UploadRequest): Promise<FileView> {
  const used = session.getToken();
  let response = await send(request, used);
  if (response.status === 401 && used !== null) {
    const current = session.getToken();
    const token = current !== null && current !== used ? current : await session.refresh();
    if (token !== null) response = await send(request, token);
  }
  const body = parse(response.text);
  if (response.status < 200 || response.status >= 300 || body === null) {
    throw new ApiError(response.status, body, response.retryAfter);
  }
  return body as FileView;
}
