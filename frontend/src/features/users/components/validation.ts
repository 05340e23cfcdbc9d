import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';

// The same limits the API enforces (backend/domain/src/validation.rs); the API stays the authority.
export const usernameRules = (t: TFunction): Rule[] => [
  { required: true, whitespace: true, message: t('common.required') },
  { pattern: /^[a-zA-Z0-9][a-zA-Z0-9._-]{2,63}$/, message: t('users.usernamePattern') },
];

export const passwordRules = (t: TFunction): Rule[] => [
  { required: true, message: t('common.required') },
  { min: 8, message: t('users.passwordTooShort', { min: 8 }) },
  { max: 128, message: t('common.tooLong', { max: 128 }) },
  { pattern: /(?=.*\p{L})(?=.*\d)/u, message: t('users.passwordHint') },
];

export const emailRules = (t: TFunction): Rule[] => [{ type: 'email', message: t('common.invalidEmail') }, { max: 254, message: t('common.tooLong', { max: 254 }) }];
