import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { InitiativeList } from './InitiativeList';

/** "Sáng kiến của tôi": what the caller authored or created, and the way to register a new one. */
export default function MyInitiativesPage() {
  const { t } = useTranslation();
  return (
    <InitiativeList
      scope="mine"
      title={t('initiatives.mineTitle')}
      extra={
        <Link to="/initiatives/new">
          <Button type="primary" icon={<PlusOutlined aria-hidden />}>
            {t('initiatives.create')}
          </Button>
        </Link>
      }
    />
  );
}
