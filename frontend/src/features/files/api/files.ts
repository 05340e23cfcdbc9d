import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { components } from '@/api/schema.gen';
import { uploadEvidence, type UploadRequest } from './upload';

export type EvidenceFile = components['schemas']['FileView'];
export type FileCategory = components['schemas']['FileCategoryCode'];

/** In the order the Select offers them. */
export const FILE_CATEGORIES: readonly FileCategory[] = ['implementation_plan', 'implementing_document', 'product', 'data', 'photo', 'other'];

/**
 * What the server accepts (it detects the type from the content and has the last word):
 * PDF, Word, Excel and images, 25 MiB each. Checked here only as a courtesy.
 */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;
export const ACCEPTED_EXTENSIONS = ['.pdf', '.doc', '.docx', '.xls', '.xlsx', '.jpg', '.jpeg', '.png', '.gif', '.webp'] as const;

export const fileKeys = {
  all: ['files'] as const,
  initiative: (initiativeId: string) => ['files', 'initiative', initiativeId] as const,
};

export const initiativeFilesQuery = (initiativeId: string) =>
  queryOptions({
    queryKey: fileKeys.initiative(initiativeId),
    queryFn: () => unwrap(api.GET('/api/v1/initiatives/{id}/files', { params: { path: { id: initiativeId } } })),
  });

export const isImage = (f: Pick<EvidenceFile, 'media_type'>) => f.media_type.startsWith('image/');
export const isPdf = (f: Pick<EvidenceFile, 'media_type'>) => f.media_type === 'application/pdf';
export const isPreviewable = (f: Pick<EvidenceFile, 'media_type'>) => isImage(f) || isPdf(f);

/**
 * The bytes of a file. They need the bearer token, so they come through the API client (never
 * a plain `<img src>`), typed with the media type the server detected so a viewer can show them.
 */
export async function fetchFileContent(id: string, mediaType: string, signal?: AbortSignal): Promise<Blob> {
  const blob = await unwrap(api.GET('/api/v1/files/{id}/content', { params: { path: { id } }, parseAs: 'blob', signal }));
  return blob.type === mediaType ? blob : new Blob([blob], { type: mediaType });
}

/** Fetches a file and hands it to the browser as a download under its original name. */
export async function saveFile(file: Pick<EvidenceFile, 'id' | 'media_type' | 'original_name'>): Promise<void> {
  const blob = await fetchFileContent(file.id, file.media_type);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.original_name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Some browsers start reading the blob after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Uploads one file; the stored view joins the cached list and the list is refetched. */
export function useUploadEvidence(initiativeId: string) {
  const qc = useQueryClient();
  return async (request: Omit<UploadRequest, 'initiativeId'>): Promise<EvidenceFile> => {
    const view = await uploadEvidence({ ...request, initiativeId });
    qc.setQueryData<EvidenceFile[]>(fileKeys.initiative(initiativeId), (old) => (old ? [...old.filter((f) => f.id !== view.id), view] : old));
    void qc.invalidateQueries({ queryKey: fileKeys.initiative(initiativeId) });
    return view;
  };
}

export function useDeleteFile(initiativeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/files/{id}', { params: { path: { id } } })),
    onSuccess: (_v, id) => {
      qc.setQueryData<EvidenceFile[]>(fileKeys.initiative(initiativeId), (old) => old?.filter((f) => f.id !== id));
      void qc.invalidateQueries({ queryKey: fileKeys.initiative(initiativeId) });
    },
    // A 409 (the file was locked meanwhile) or 404: show what is there now.
    onError: () => void qc.invalidateQueries({ queryKey: fileKeys.initiative(initiativeId) }),
  });
}
