import { Flex, Spin } from 'antd';
import { useTranslation } from 'react-i18next';

export function PageSpinner() {
  const { t } = useTranslation();
  return (
    <Flex align="center" justify="center" style={{ minHeight: 240, width: '100%' }}>
      <Spin size="large" description={t('app.loading')}>
        <div style={{ padding: 48 }} />
      </Spin>
    </Flex>
  );
}
