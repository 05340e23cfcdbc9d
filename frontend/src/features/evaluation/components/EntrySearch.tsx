import { Input } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  value: string;
  onChange: (value: string) => void;
  onSearch: (value: string) => void;
}

/** The board's search box: words of the initiatives' titles, with or without diacritics. */
export function EntrySearch({ value, onChange, onSearch }: Props) {
  const { t } = useTranslation();
  return (
    <Input.Search
      aria-label={`${t('common.search')} — ${t('evaluation.entries.initiative')}`}
      placeholder={t('common.searchPlaceholder')}
      allowClear
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onSearch={(v) => onSearch(v)}
      style={{ maxWidth: 360 }}
    />
  );
}
