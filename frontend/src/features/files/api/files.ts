import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { components } from '@/api/schema.gen';
import { saveBlob } from '@/lib/download';
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
  organization: (organizationId: string) => ['files', 'organization', organizationId] as const,
};

/** How many of a unit's files are offered at once (the API's largest page). */
export const ORGANIZATION_FILES_LIMIT = 100;

export const initiativeFilesQuery = (initiativeId: string) =>
  queryOptions({
    queryKey: fileKeys.initiative(initiativeId),
    queryFn: () => unwrap(api.GET('/api/v1/initiatives/{id}/files', { params: { path: { id: initiativeId } } })),
  });

/**
 * A unit's file store, newest first: the evidence of its initiatives and reports, which a
 * nomination's dossier is chosen from. Only the first page (`ORGANIZATION_FILES_LIMIT`) is read.
 */
export const organizationFilesQuery = (organizationId: string) =>
  queryOptions({
    queryKey: fileKeys.organization(organizationId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/organizations/{id}/files', { params: { path: { id: organizationId }, query: { page: 1, per_page: ORGANIZATION_FILES_LIMIT } } })),
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
  saveBlob(await fetchFileContent(file.id, file.media_type), file.original_name);
}

/**
 * Who evidence belongs to. An initiative's files are listed by their own endpoint and cached
 * here; a report carries its files in its view, so its page refetches the report (`onChanged`).
 */
export type EvidenceOwner = { kind: 'initiative'; id: string } | { kind: 'report'; id: string };

/** Uploads one file; an initiative's cached list takes the stored view and is refetched. */
export function useUploadEvidence(owner: EvidenceOwner, onChanged?: () => void) {
  const qc = useQueryClient();
  return async (request: Omit<UploadRequest, 'owner'>): Promise<EvidenceFile> => {
    const view = await uploadEvidence({ ...request, owner });
    if (owner.kind === 'initiative') {
      qc.setQueryData<EvidenceFile[]>(fileKeys.initiative(owner.id), (old) => (old ? [...old.filter((f) => f.id !== view.id), view] : old));
      void qc.invalidateQueries({ queryKey: fileKeys.initiative(owner.id) });
    }
    // The unit's file store holds it too.
    void qc.invalidateQueries({ queryKey: ['files', 'organization'] });
    onChanged?.();
    return view;
  };
}

/** Deletes a file; `owner` (absent for frozen files, which are never deleted) says what to refresh. */
export function useDeleteFile(owner: EvidenceOwner | undefined, onChanged?: () => void) {
  const qc = useQueryClient();
  const refresh = () => {
    if (owner?.kind === 'initiative') void qc.invalidateQueries({ queryKey: fileKeys.initiative(owner.id) });
    void qc.invalidateQueries({ queryKey: ['files', 'organization'] });
    onChanged?.();
  };
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/files/{id}', { params: { path: { id } } })),
    onSuccess: (_v, id) => {
      if (owner?.kind === 'initiative') qc.setQueryData<EvidenceFile[]>(fileKeys.initiative(owner.id), (old) => old?.filter((f) => f.id !== id));
      refresh();
    },
    // A 409 (the file was locked meanwhile) or 404: show what is there now.
    onError: refresh,
  });
}
