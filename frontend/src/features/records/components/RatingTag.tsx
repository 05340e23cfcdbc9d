import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Rating } from '../api/records';
import { RATING_COLORS } from '../format';

/** A rating in words (the four levels), or "Chưa xếp loại" when there is none. */
export function RatingTag({ rating }: { rating: Rating | undefined }) {
  const { t } = useTranslation();
  if (!rating) {
    return (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('records.notRated')}
      </Typography.Text>
    );
  }
  return (
    <Tag color={RATING_COLORS[rating] ?? 'default'} style={{ whiteSpace: 'normal' }}>
      {t(`records.ratings.${rating}`, { defaultValue: rating })}
    </Tag>
  );
}
