import type { TFunction } from 'i18next';

/** The actions the API records today (`<entity>.<verb>`); anything else is shown as its code. */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.logout',
  'auth.refresh_reuse_detected',
  'user.create',
  'user.update',
  'user.activate',
  'user.deactivate',
  'user.reset_password',
  'user.change_password',
  'user.grant_role',
  'user.revoke_role',
  'user.create_admin',
  'organization.create',
  'organization.update',
  'campaign.create',
  'campaign.update',
  'campaign.open',
  'campaign.close',
  'campaign.reopen',
  'campaign.archive',
  'campaign.milestone_create',
  'campaign.milestone_update',
  'campaign.milestone_delete',
  'campaign.grant_extension',
  'initiative.create',
  'initiative.update',
  'initiative.submit',
  'initiative.return',
  'initiative.register',
  'initiative.start',
  'initiative.complete',
  'initiative.withdraw',
  'initiative.roadmap_add',
  'initiative.roadmap_update',
  'initiative.roadmap_delete',
  'registration.open',
  'registration.commitment_add',
  'registration.commitment_update',
  'registration.commitment_delete',
  'registration.submit',
  'registration.receive',
  'registration.return',
  'report.open',
  'report.update',
  'report.submit',
  'report.receive',
  'report.return',
  'file.upload',
  'file.delete',
  'demo.seed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Filter groups: the API takes a prefix ending with a dot. */
export const ACTION_GROUPS = ['auth', 'user', 'organization', 'campaign', 'initiative', 'registration', 'report'] as const;
export type ActionGroup = (typeof ACTION_GROUPS)[number];

export const ENTITY_TYPES = ['user', 'organization', 'campaign', 'initiative', 'registration', 'report', 'file', 'system'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

const isIn = <T extends string>(list: readonly T[], x: string): x is T => (list as readonly string[]).includes(x);

export const isActionGroup = (x: string | null | undefined): x is ActionGroup => !!x && isIn(ACTION_GROUPS, x);
export const isEntityType = (x: string | null | undefined): x is EntityType => !!x && isIn(ENTITY_TYPES, x);

/** A human label for an audit action in the UI language; the raw code when it is not a known one. */
export function actionLabel(t: TFunction, action: string): string {
  // The i18n keys nest on the dot: `campaign.open` → `audit.actions.campaign.open`.
  return isIn(AUDIT_ACTIONS, action) ? t(`audit.actions.${action}`) : action;
}

/** The entity type in the UI language; the raw type when it is not a known one. */
export function entityTypeLabel(t: TFunction, entityType: string): string {
  return isEntityType(entityType) ? t(`audit.entityTypes.${entityType}`) : entityType;
}
