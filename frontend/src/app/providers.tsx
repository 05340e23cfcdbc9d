import { useEffect, useState, type ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import 'dayjs/locale/en';
import { useTranslation } from 'react-i18next';
import { createQueryClient } from '@/api/query-client';
import { setApiLanguage } from '@/api/client';
import i18n, { currentLanguage } from '@/i18n';

// The API's Accept-Language and dayjs follow the UI language from the first request on.
function followLanguage() {
  const lang = currentLanguage();
  setApiLanguage(lang);
  dayjs.locale(lang);
}
followLanguage();
i18n.on('languageChanged', followLanguage);

/** Keeps antd's components on the UI language. */
function LocaleBridge({ children }: { children: ReactNode }) {
  const { i18n: i18next } = useTranslation();
  const lang = i18next.language === 'en' ? 'en' : 'vi';
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return (
    <ConfigProvider
      locale={lang === 'en' ? enUS : viVN}
      theme={{ token: { colorPrimary: '#a61d24', borderRadius: 6 } }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <LocaleBridge>{children}</LocaleBridge>
    </QueryClientProvider>
  );
}
