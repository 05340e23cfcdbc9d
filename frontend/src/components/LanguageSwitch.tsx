import { Button } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage } from '@/i18n';

/** One button that switches to the other language; its name is that language's own name. */
export function LanguageSwitch({ type = 'text' }: { type?: 'text' | 'default' }) {
  const { t, i18n } = useTranslation();
  void i18n.language;
  const other = currentLanguage() === 'vi' ? 'en' : 'vi';
  return (
    <Button type={type} icon={<GlobalOutlined aria-hidden />} title={t('language.label')} onClick={() => void changeLanguage(other)}>
      <span lang={other}>{t('language.switchTo')}</span>
    </Button>
  );
}
