import { useEffect, useState } from 'react';
import { fetchFileContent, type EvidenceFile } from '../api/files';

interface Loaded {
  id: string;
  url: string | null;
  failed: boolean;
}

/**
 * A `blob:` URL for a file's bytes (fetched with the bearer token), for `<img>`, antd Image or
 * an `<iframe>`. The URL is revoked when the component unmounts or the file changes; a fetch
 * still in flight then is aborted.
 */
export function useFileObjectUrl(file: Pick<EvidenceFile, 'id' | 'media_type'> | null) {
  const id = file?.id;
  const mediaType = file?.media_type;
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    if (!id || !mediaType) return;
    const controller = new AbortController();
    let url: string | null = null;
    fetchFileContent(id, mediaType, controller.signal).then(
      (blob) => {
        if (controller.signal.aborted) return;
        url = URL.createObjectURL(blob);
        setLoaded({ id, url, failed: false });
      },
      () => {
        if (!controller.signal.aborted) setLoaded({ id, url: null, failed: true });
      },
    );
    return () => {
      controller.abort();
      if (url) URL.revokeObjectURL(url);
    };
  }, [id, mediaType]);

  const current = loaded && loaded.id === id ? loaded : null;
  return { url: current?.url ?? null, failed: current?.failed ?? false, loading: Boolean(id) && current === null };
}
