import { useTranslation } from 'react-i18next';
import { api } from '@/api/client';
import { ExportButtons as Buttons } from '@/components/ExportButtons';

/** Mẫu 1 of a registration as Excel or Word. */
export function ExportButtons({ registrationId }: { registrationId: string }) {
  const { t } = useTranslation();
  const path = { params: { path: { id: registrationId } }, parseAs: 'blob' } as const;
  return (
    <Buttons
      fetchFile={(format) =>
        format === 'xlsx' ? api.GET('/api/v1/registrations/{id}/export.xlsx', path) : api.GET('/api/v1/registrations/{id}/export.docx', path)
      }
      labels={{ xlsx: t('registrations.export.xlsx'), docx: t('registrations.export.docx') }}
      fallbackName={(format) => `Mau1.${format}`}
      failed={t('registrations.export.failed')}
    />
  );
}
